using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// The seesaw picture of the PLE paper (Figure 3): one bubble per model at (task-1 metric, task-2 metric) with ±std error
/// bars both ways, and the baseline's values (single-task) as crosshairs, a vertical and a horizontal line. Both axes are
/// oriented so that better is right and up: an axis of a lower-is-better metric (MSE) runs reversed, its smallest value
/// on the right or at the top, and its label says so. A model in the shaded quadrant, up and right of both crosshairs,
/// beats the baseline on both tasks; a model right but below (or up but left) is the seesaw. With every point's
/// parameter count known, a bubble's area is proportional to it. Every bubble is named beside it, each name where it
/// covers the fewest other names and bubbles (<see cref="PointLabels"/>), so a crowded comparison stays readable.
/// </summary>
public sealed class SeesawChart : AxisChart
{
    /// <summary>The models, in legend order.</summary>
    public required IReadOnlyList<SeesawPoint> Points { get; init; }

    /// <summary>The baseline's task-1 value: the vertical crosshair.</summary>
    public required double BaselineX { get; init; }

    /// <summary>The baseline's task-2 value: the horizontal crosshair.</summary>
    public required double BaselineY { get; init; }

    /// <summary>The baseline's name, on the crosshairs and in the legend.</summary>
    public string BaselineName { get; init; } = "single-task";

    /// <summary>Whether a larger task-1 value is better; false reverses the x axis.</summary>
    public bool XHigherIsBetter { get; init; } = true;

    /// <summary>Whether a larger task-2 value is better; false reverses the y axis.</summary>
    public bool YHigherIsBetter { get; init; } = true;

    /// <summary>Width of the plot area in pixels (the legend adds to it).</summary>
    public double PlotWidth { get; init; } = 520;

    /// <summary>Smallest and largest bubble radius in pixels.</summary>
    public (double Min, double Max) BubbleRadius { get; init; } = (5, 13);

    /// <summary>Whether a point is up and right of both crosshairs: better than the baseline on both tasks, strictly.</summary>
    public bool BeatsBaselineOnBoth(SeesawPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Better(point.X, BaselineX, XHigherIsBetter) && Better(point.Y, BaselineY, YHigherIsBetter);
    }

    /// <inheritdoc />
    public override XElement Render()
    {
        Validate();
        var xs = new List<double> { BaselineX };
        var ys = new List<double> { BaselineY };
        foreach (SeesawPoint p in Points)
        {
            xs.AddRange([p.X - Spread(p.XStd), p.X + Spread(p.XStd)]);
            ys.AddRange([p.Y - Spread(p.YStd), p.Y + Spread(p.YStd)]);
        }

        NiceScale x = Scale(xs), y = Scale(ys);
        bool reverseX = !XHigherIsBetter, reverseY = !YHigherIsBetter;
        var legend = Points.Select((p, i) => new LegendEntry(LegendLabel(p), ColorOf(i), MarkerOnly: true))
            .Append(new LegendEntry($"{BaselineName} (crosshairs)", Palette.Neutral, IsLine: true, Dash: "6 4", Marker: MarkerShape.Diamond))
            .ToArray();

        double left = ChartParts.LeftMargin(y);
        double right = ChartParts.LegendWidth(legend) + 16;
        var plot = new PlotArea(left, 48, left + PlotWidth, Height - 56);
        double width = plot.Right + right;

        XElement root = Svg.Root(width, Height);
        ChartParts.Title(root, Title, width);
        ChartParts.XAxisNumeric(root, plot, x, XAxisLabel, reverseX);
        ChartParts.YAxis(root, plot, y, YAxisLabel, reverseY);

        double crossX = ChartParts.MapX(x, BaselineX, plot, reverseX), crossY = ChartParts.MapY(y, BaselineY, plot, reverseY);
        XElement quadrant = Svg.Group("better-on-both");
        string caption = $"better than {BaselineName} on both";
        quadrant.Add(Svg.Rect(crossX, plot.Top, plot.Right - crossX, crossY - plot.Top, "#E6F4EE"));
        quadrant.Add(Svg.Text(plot.Right - 6, plot.Top + 14, caption, ChartParts.TickSize, "end", "#2F6B52"));
        root.Add(quadrant);

        XElement cross = Svg.Group("crosshairs");
        cross.Add(Crosshair(Svg.Line(crossX, plot.Top, crossX, plot.Bottom, Palette.Neutral, 1.6, "6 4"), "x", BaselineX));
        cross.Add(Crosshair(Svg.Line(plot.Left, crossY, plot.Right, crossY, Palette.Neutral, 1.6, "6 4"), "y", BaselineY));
        cross.Add(ChartParts.Marker(MarkerShape.Diamond, crossX, crossY, 5, Palette.Neutral,
            string.Create(CultureInfo.InvariantCulture, $"{BaselineName}: ({BaselineX:G5}, {BaselineY:G5})")));
        root.Add(cross);

        long maxParameters = Points.All(p => p.Parameters is > 0) ? Points.Max(p => p.Parameters!.Value) : 0;
        var bubbles = new (double X, double Y, double R, double TextWidth)[Points.Count];
        // What the names should not cover: the quadrant's caption, the crosshairs' diamond, and every error bar.
        var obstacles = new List<Box>
        {
            new(plot.Right - 6 - ChartParts.TextWidth(caption, ChartParts.TickSize), plot.Top, plot.Right, plot.Top + 18),
            Box.Around(crossX, crossY, 6),
        };
        for (int i = 0; i < Points.Count; i++)
        {
            SeesawPoint point = Points[i];
            double px = ChartParts.MapX(x, point.X, plot, reverseX), py = ChartParts.MapY(y, point.Y, plot, reverseY);
            double r = maxParameters > 0 ? BubbleRadius.Max * Math.Sqrt((double)point.Parameters!.Value / maxParameters) : (BubbleRadius.Min + BubbleRadius.Max) / 2;
            r = Math.Max(BubbleRadius.Min, r);
            bubbles[i] = (px, py, r, ChartParts.TextWidth(point.Model, ChartParts.TickSize));
            bool both = BeatsBaselineOnBoth(point);
            XElement group = Svg.Group("point");
            group.Add(new XAttribute("data-model", point.Model), new XAttribute("data-beats-baseline", both ? "true" : "false"));
            if (Spread(point.XStd) > 0)
            {
                double low = ChartParts.MapX(x, point.X - point.XStd, plot, reverseX), high = ChartParts.MapX(x, point.X + point.XStd, plot, reverseX);
                group.Add(ChartParts.HorizontalErrorBar(py, low, high, 8));
                obstacles.Add(new Box(Math.Min(low, high), py - 4, Math.Max(low, high), py + 4));
            }

            if (Spread(point.YStd) > 0)
            {
                double low = ChartParts.MapY(y, point.Y - point.YStd, plot, reverseY), high = ChartParts.MapY(y, point.Y + point.YStd, plot, reverseY);
                group.Add(ChartParts.ErrorBar(px, low, high, 8));
                obstacles.Add(new Box(px - 4, Math.Min(low, high), px + 4, Math.Max(low, high)));
            }

            XElement bubble = Svg.Circle(px, py, r, ColorOf(i), Tooltip(point, both));
            bubble.Add(new XAttribute("fill-opacity", "0.8"), new XAttribute("stroke", "white"), new XAttribute("stroke-width", "1"));
            group.Add(bubble);
            root.Add(group);
        }

        // The names last, above every bubble, each where it covers the least.
        var placed = PointLabels.Place(bubbles, ChartParts.TickSize, new Box(plot.Left, plot.Top, plot.Right, plot.Bottom), obstacles);
        XElement labels = Svg.Group("point-labels");
        for (int i = 0; i < Points.Count; i++)
        {
            PlacedLabel label = placed[i];
            if (label.Leader)
            {
                // From the bubble's rim to the nearest point of the name's box.
                var (cx, cy, r, _) = bubbles[i];
                double lx = Math.Clamp(cx, label.Box.Left, label.Box.Right), ly = Math.Clamp(cy, label.Box.Top, label.Box.Bottom);
                double length = Math.Max(1e-9, Math.Sqrt(((lx - cx) * (lx - cx)) + ((ly - cy) * (ly - cy))));
                labels.Add(Svg.Line(cx + ((lx - cx) / length * r), cy + ((ly - cy) / length * r), lx, ly, Palette.Neutral, 0.8));
            }

            XElement text = Svg.Text(label.TextX, label.Baseline, Points[i].Model, ChartParts.TickSize, label.Anchor);
            // A white halo keeps a name legible over error bars and grid lines.
            text.Add(new XAttribute("data-model", Points[i].Model), new XAttribute("stroke", "white"), new XAttribute("stroke-width", "3"),
                new XAttribute("stroke-linejoin", "round"), new XAttribute("paint-order", "stroke"));
            labels.Add(text);
        }

        root.Add(labels);

        ChartParts.Legend(root, legend, plot.Right + 12, plot.Top);
        return root;
    }

    /// <summary>An axis label saying which way is better: "(higher is better)" or "(lower is better; axis reversed)".</summary>
    public static string AxisLabel(string quantity, bool higherIsBetter) =>
        higherIsBetter ? $"{quantity} (higher is better)" : $"{quantity} (lower is better; axis reversed)";

    private static bool Better(double value, double baseline, bool higherIsBetter) => higherIsBetter ? value > baseline : value < baseline;

    private static double Spread(double std) => double.IsFinite(std) && std > 0 ? std : 0;

    private static NiceScale Scale(List<double> values)
    {
        double min = values.Min(), max = values.Max(), pad = (max - min) * 0.08;
        return new NiceScale(min - pad, max + pad);
    }

    private static XElement Crosshair(XElement line, string axis, double value)
    {
        line.Add(new XAttribute("class", "crosshair"), new XAttribute("data-axis", axis), new XAttribute("data-value", value.ToString("R", CultureInfo.InvariantCulture)));
        return line;
    }

    private static string LegendLabel(SeesawPoint point) =>
        point.Parameters is { } n ? string.Create(CultureInfo.InvariantCulture, $"{point.Model} ({n:N0} params)") : point.Model;

    private static string Tooltip(SeesawPoint point, bool both) => string.Create(CultureInfo.InvariantCulture,
        $"{point.Model}: ({point.X:G5} ± {point.XStd:G3}, {point.Y:G5} ± {point.YStd:G3}){(both ? ", better on both tasks" : string.Empty)}");

    private string ColorOf(int index) => Points[index].Color ?? Palette.Color(index);

    private void Validate()
    {
        if (Points.Count == 0)
        {
            throw new InvalidOperationException($"Chart '{Title}' needs at least one point.");
        }

        if (!double.IsFinite(BaselineX) || !double.IsFinite(BaselineY) || Points.Any(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y)))
        {
            throw new InvalidOperationException($"Chart '{Title}': every point and the {BaselineName} crosshairs need finite values.");
        }
    }
}

/// <summary>One model of a <see cref="SeesawChart"/>: its task-1 and task-2 means with their std over seeds, its parameter count (null: unknown) and color (null: the palette's).</summary>
public sealed record SeesawPoint(string Model, double X, double XStd, double Y, double YStd, long? Parameters = null, string? Color = null);
