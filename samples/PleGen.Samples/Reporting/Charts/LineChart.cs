using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// Lines over a numeric x axis (e.g. per-epoch training curves), each series with its own color, dash pattern
/// and marker (readable in grayscale), a legend and nice ticks on both axes.
/// </summary>
public sealed class LineChart : AxisChart
{
    /// <summary>The lines, in legend order.</summary>
    public required IReadOnlyList<LineSeries> Series { get; init; }

    /// <summary>Whether x ticks must be whole numbers (epochs). Default true.</summary>
    public bool IntegerX { get; init; } = true;

    /// <summary>Total width in pixels.</summary>
    public double Width { get; init; } = 760;

    /// <inheritdoc />
    public override XElement Render()
    {
        Validate();
        var points = Series.SelectMany(s => s.X.Zip(s.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        if (points.Length == 0)
        {
            throw new InvalidOperationException($"Chart '{Title}' has no finite points to draw.");
        }

        var x = new NiceScale(points.Min(p => p.First), points.Max(p => p.First), 8, IntegerX ? 1 : 0);
        double yMin = points.Min(p => p.Second), yMax = points.Max(p => p.Second), pad = (yMax - yMin) * 0.04;
        var y = new NiceScale(yMin - pad, yMax + pad);
        var legend = Series.Select((s, i) => new LegendEntry(s.Name, ColorOf(i), IsLine: true, Palette.Dash(i), Palette.Marker(i))).ToArray();

        double left = ChartParts.LeftMargin(y);
        double right = ChartParts.LegendWidth(legend) + 16;
        var plot = new PlotArea(left, 48, Math.Max(left + 200, Width - right), Height - 56);
        double width = plot.Right + right;

        XElement root = Svg.Root(width, Height);
        ChartParts.Title(root, Title, width);
        ChartParts.XAxisNumeric(root, plot, x, XAxisLabel);
        ChartParts.YAxis(root, plot, y, YAxisLabel);
        for (int s = 0; s < Series.Count; s++)
        {
            LineSeries line = Series[s];
            XElement group = Svg.Group("series");
            group.Add(new XAttribute("data-series", line.Name));
            var run = new List<(double X, double Y)>();
            for (int i = 0; i <= line.X.Count; i++)
            {
                bool valid = i < line.X.Count && double.IsFinite(line.X[i]) && double.IsFinite(line.Y[i]);
                if (valid)
                {
                    run.Add((x.Map(line.X[i], plot.Left, plot.Right), y.Map(line.Y[i], plot.Bottom, plot.Top)));
                }
                else if (run.Count > 0)
                {
                    // A NaN (or the end) closes the current run of connected points.
                    group.Add(Svg.Polyline(run, ColorOf(s), 2.2, Palette.Dash(s), line.Name));
                    run.Clear();
                }
            }

            bool markers = line.X.Count <= 60;
            for (int i = 0; markers && i < line.X.Count; i++)
            {
                if (double.IsFinite(line.X[i]) && double.IsFinite(line.Y[i]))
                {
                    string tooltip = string.Create(CultureInfo.InvariantCulture, $"{line.Name}: ({line.X[i]:G6}, {line.Y[i]:G6})");
                    group.Add(ChartParts.Marker(Palette.Marker(s), x.Map(line.X[i], plot.Left, plot.Right), y.Map(line.Y[i], plot.Bottom, plot.Top), 3.5, ColorOf(s), tooltip));
                }
            }

            root.Add(group);
        }

        ChartParts.Legend(root, legend, plot.Right + 12, plot.Top);
        return root;
    }

    private string ColorOf(int series) => Series[series].Color ?? Palette.Color(series);

    private void Validate()
    {
        if (Series.Count == 0)
        {
            throw new InvalidOperationException($"Chart '{Title}' needs at least one series.");
        }

        foreach (LineSeries s in Series)
        {
            if (s.X.Count != s.Y.Count)
            {
                throw new InvalidOperationException($"Chart '{Title}': series '{s.Name}' has {s.X.Count} x values but {s.Y.Count} y values; give one y per x.");
            }
        }
    }
}
