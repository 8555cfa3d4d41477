using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>The pieces every chart shares: title, axes with grid and ticks, axis labels, legend, text sizes.</summary>
internal static class ChartParts
{
    public const double TitleSize = 16;
    public const double LabelSize = 13;
    public const double TickSize = 11.5;
    public const double LegendRow = 20;

    /// <summary>Approximate width of <paramref name="text"/> in DejaVu Sans (a wide font, so layouts err on the roomy side).</summary>
    public static double TextWidth(string text, double size) => text.Length * size * 0.6;

    /// <summary>Space left of the plot for tick labels and the rotated y-axis label.</summary>
    public static double LeftMargin(NiceScale y) => 30 + y.Ticks().Max(t => TextWidth(y.Format(t), TickSize)) + 12;

    /// <summary>Width the legend needs, including padding.</summary>
    public static double LegendWidth(IReadOnlyList<LegendEntry> entries) => entries.Count == 0 ? 0 : 64 + entries.Max(e => TextWidth(e.Label, LabelSize));

    public static void Title(XElement root, string title, double width) =>
        root.Add(Svg.Text(width / 2, 26, title, TitleSize, bold: true));

    /// <summary>
    /// Horizontal grid, tick labels and the y-axis label; a darker line at 0 when the axis spans it. <paramref name="reversed"/>
    /// puts the axis minimum at the top (for a lower-is-better metric whose better end should be up).
    /// </summary>
    public static void YAxis(XElement root, PlotArea plot, NiceScale y, string label, bool reversed = false)
    {
        XElement axis = Svg.Group("y-axis");
        foreach (double tick in y.Ticks())
        {
            double py = MapY(y, tick, plot, reversed);
            axis.Add(Svg.Line(plot.Left, py, plot.Right, py, Palette.Grid));
            axis.Add(Svg.Line(plot.Left - 4, py, plot.Left, py, Palette.Ink));
            axis.Add(Svg.Text(plot.Left - 7, py + 4, y.Format(tick), TickSize, "end"));
        }

        axis.Add(Svg.Line(plot.Left, plot.Top, plot.Left, plot.Bottom, Palette.Ink));
        if (y.Min < 0 && y.Max > 0)
        {
            double zero = MapY(y, 0, plot, reversed);
            axis.Add(Svg.Line(plot.Left, zero, plot.Right, zero, Palette.Ink, 1.3));
        }

        axis.Add(Svg.Text(16, (plot.Top + plot.Bottom) / 2, label, LabelSize, rotate: -90));
        root.Add(axis);
    }

    /// <summary>
    /// A numeric x axis: baseline, ticks, tick labels and the axis label. <paramref name="reversed"/> puts the axis minimum on
    /// the right (for a lower-is-better metric whose better end should be right).
    /// </summary>
    public static void XAxisNumeric(XElement root, PlotArea plot, NiceScale x, string label, bool reversed = false)
    {
        XElement axis = Svg.Group("x-axis");
        axis.Add(Svg.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, Palette.Ink));
        foreach (double tick in x.Ticks())
        {
            double px = MapX(x, tick, plot, reversed);
            axis.Add(Svg.Line(px, plot.Top, px, plot.Bottom, Palette.Grid));
            axis.Add(Svg.Line(px, plot.Bottom, px, plot.Bottom + 4, Palette.Ink));
            axis.Add(Svg.Text(px, plot.Bottom + 18, x.Format(tick), TickSize));
        }

        axis.Add(Svg.Text((plot.Left + plot.Right) / 2, plot.Bottom + 40, label, LabelSize));
        root.Add(axis);
    }

    /// <summary>An x value in pixels: the axis minimum at the left, or at the right when <paramref name="reversed"/>.</summary>
    public static double MapX(NiceScale x, double value, PlotArea plot, bool reversed = false) =>
        reversed ? x.Map(value, plot.Right, plot.Left) : x.Map(value, plot.Left, plot.Right);

    /// <summary>A y value in pixels: the axis minimum at the bottom, or at the top when <paramref name="reversed"/>.</summary>
    public static double MapY(NiceScale y, double value, PlotArea plot, bool reversed = false) =>
        reversed ? y.Map(value, plot.Top, plot.Bottom) : y.Map(value, plot.Bottom, plot.Top);

    /// <summary>The legend as a vertical list starting at (x, y), in a light box.</summary>
    public static void Legend(XElement root, IReadOnlyList<LegendEntry> entries, double x, double y)
    {
        if (entries.Count == 0)
        {
            return;
        }

        XElement legend = Svg.Group("legend");
        legend.Add(Svg.Rect(x, y, LegendWidth(entries) - 12, (entries.Count * LegendRow) + 10, "white", "#BBBBBB", 0.8));
        for (int i = 0; i < entries.Count; i++)
        {
            LegendEntry entry = entries[i];
            double rowY = y + 5 + (i * LegendRow) + (LegendRow / 2);
            if (entry.MarkerOnly)
            {
                legend.Add(Marker(entry.Marker, x + 21, rowY, 5, entry.Color, null));
            }
            else if (entry.IsLine)
            {
                legend.Add(Svg.Line(x + 8, rowY, x + 34, rowY, entry.Color, 2.2, entry.Dash));
                legend.Add(Marker(entry.Marker, x + 21, rowY, 4, entry.Color, null));
            }
            else
            {
                legend.Add(Svg.Rect(x + 12, rowY - 6, 14, 12, entry.Color));
            }

            legend.Add(Svg.Text(x + 42, rowY + 4.5, entry.Label, LabelSize, "start"));
        }

        root.Add(legend);
    }

    /// <summary>A horizontal error bar from <paramref name="low"/> to <paramref name="high"/> (pixels) at height <paramref name="y"/>, with caps.</summary>
    public static XElement HorizontalErrorBar(double y, double low, double high, double capHeight)
    {
        XElement bar = Svg.Group("error-bar");
        bar.Add(Svg.Line(low, y, high, y, Palette.Ink, 1.2));
        bar.Add(Svg.Line(low, y - (capHeight / 2), low, y + (capHeight / 2), Palette.Ink, 1.2));
        bar.Add(Svg.Line(high, y - (capHeight / 2), high, y + (capHeight / 2), Palette.Ink, 1.2));
        return bar;
    }

    /// <summary>An error bar from <paramref name="low"/> to <paramref name="high"/> (pixels) with caps.</summary>
    public static XElement ErrorBar(double x, double low, double high, double capWidth)
    {
        XElement bar = Svg.Group("error-bar");
        bar.Add(Svg.Line(x, low, x, high, Palette.Ink, 1.2));
        bar.Add(Svg.Line(x - (capWidth / 2), low, x + (capWidth / 2), low, Palette.Ink, 1.2));
        bar.Add(Svg.Line(x - (capWidth / 2), high, x + (capWidth / 2), high, Palette.Ink, 1.2));
        return bar;
    }

    /// <summary>A point marker centered at (x, y).</summary>
    public static XElement Marker(MarkerShape shape, double x, double y, double r, string color, string? tooltip) => shape switch
    {
        MarkerShape.Square => Svg.Rect(x - r, y - r, 2 * r, 2 * r, color, tooltip: tooltip),
        MarkerShape.Triangle => Svg.Polygon([(x, y - (1.2 * r)), (x + (1.1 * r), y + (0.9 * r)), (x - (1.1 * r), y + (0.9 * r))], color, tooltip),
        MarkerShape.Diamond => Svg.Polygon([(x, y - (1.3 * r)), (x + (1.1 * r), y), (x, y + (1.3 * r)), (x - (1.1 * r), y)], color, tooltip),
        _ => Svg.Circle(x, y, r, color, tooltip),
    };

    /// <summary>
    /// Category labels centered under their groups; rotated by 35 degrees when one is wider than its group.
    /// Returns the height the labels take below the axis.
    /// </summary>
    public static double CategoryLabels(XElement root, PlotArea plot, IReadOnlyList<string> labels, IReadOnlyList<double> centers, double groupWidth, double size, double offset)
    {
        bool rotate = labels.Any(l => TextWidth(l, size) > groupWidth - 4);
        XElement group = Svg.Group("categories");
        for (int i = 0; i < labels.Count; i++)
        {
            group.Add(rotate
                ? Svg.Text(centers[i] + 4, plot.Bottom + offset + 10, labels[i], size, "end", rotate: -35)
                : Svg.Text(centers[i], plot.Bottom + offset + 14, labels[i], size));
        }

        root.Add(group);
        return CategoryLabelHeight(labels, groupWidth, size) + offset;
    }

    /// <summary>The height <see cref="CategoryLabels"/> will need.</summary>
    public static double CategoryLabelHeight(IReadOnlyList<string> labels, double groupWidth, double size)
    {
        if (labels.Count == 0)
        {
            return 0;
        }

        double widest = labels.Max(l => TextWidth(l, size));
        return widest > groupWidth - 4 ? (widest * Math.Sin(35 * Math.PI / 180)) + 20 : 22;
    }
}
