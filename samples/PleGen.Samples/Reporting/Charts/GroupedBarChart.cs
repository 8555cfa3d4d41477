using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// Bars grouped by category (e.g. tasks, or task correlations), one colored bar per series (e.g. models) in each
/// group, with error bars. Negative values hang below a marked zero line, so negative MTL gains stand out.
/// </summary>
public sealed class GroupedBarChart : AxisChart
{
    /// <summary>The groups along the x axis.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>The bars of each group, in legend order.</summary>
    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>
    /// Whether the value axis must include 0 (default). Off for metrics such as AUC whose differences would
    /// vanish on a zero-based axis; bars then start at the bottom of the axis.
    /// </summary>
    public bool IncludeZero { get; init; } = true;

    /// <summary>Smallest total width in pixels; the chart widens to fit many bars.</summary>
    public double MinimumWidth { get; init; } = 640;

    /// <inheritdoc />
    public override XElement Render()
    {
        Validate();
        int groups = Categories.Count, series = Series.Count;
        NiceScale y = ValueScale();
        var legend = Series.Select((s, i) => new LegendEntry(s.Name, ColorOf(i))).ToArray();

        double left = ChartParts.LeftMargin(y);
        double right = ChartParts.LegendWidth(legend) + 16;
        double groupWidth = Math.Max((series * 14) + 18, (MinimumWidth - left - right) / groups);
        double barWidth = Math.Min(44, (groupWidth - 18) / series);
        double labelHeight = ChartParts.CategoryLabelHeight(Categories, groupWidth, ChartParts.LabelSize);
        double bottom = 6 + labelHeight + (XAxisLabel.Length > 0 ? 28 : 4);
        var plot = new PlotArea(left, 48, left + (groupWidth * groups), Height - bottom);
        double width = plot.Right + right;

        XElement root = Svg.Root(width, Height);
        ChartParts.Title(root, Title, width);
        ChartParts.YAxis(root, plot, y, YAxisLabel);
        root.Add(Svg.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, Palette.Ink));

        double baseline = y.Map(Math.Clamp(0, y.Min, y.Max), plot.Bottom, plot.Top);
        var centers = new double[groups];
        for (int g = 0; g < groups; g++)
        {
            double groupLeft = plot.Left + (g * groupWidth) + ((groupWidth - (barWidth * series)) / 2);
            centers[g] = groupLeft + (barWidth * series / 2);
        }

        for (int s = 0; s < series; s++)
        {
            BarSeries bars = Series[s];
            XElement group = Svg.Group("series");
            group.Add(new XAttribute("data-series", bars.Name));
            for (int g = 0; g < groups; g++)
            {
                double value = bars.Values[g];
                if (!double.IsFinite(value))
                {
                    continue;
                }

                double error = bars.Errors is null ? 0 : bars.Errors[g];
                double x = centers[g] - (barWidth * series / 2) + (s * barWidth);
                double top = y.Map(value, plot.Bottom, plot.Top);
                string tooltip = $"{bars.Name} / {Categories[g]}: {Format(value)}" + (error > 0 ? $" ± {Format(error)}" : string.Empty);
                group.Add(Svg.Rect(x + 1, Math.Min(top, baseline), barWidth - 2, Math.Abs(baseline - top), ColorOf(s), tooltip: tooltip));
                if (double.IsFinite(error) && error > 0)
                {
                    group.Add(ChartParts.ErrorBar(x + (barWidth / 2), y.Map(value - error, plot.Bottom, plot.Top), y.Map(value + error, plot.Bottom, plot.Top), Math.Min(10, barWidth * 0.5)));
                }
            }

            root.Add(group);
        }

        double labels = ChartParts.CategoryLabels(root, plot, Categories, centers, groupWidth, ChartParts.LabelSize, 2);
        if (XAxisLabel.Length > 0)
        {
            root.Add(Svg.Text((plot.Left + plot.Right) / 2, plot.Bottom + labels + 20, XAxisLabel, ChartParts.LabelSize));
        }

        ChartParts.Legend(root, legend, plot.Right + 12, plot.Top);
        return root;
    }

    private NiceScale ValueScale()
    {
        var ends = new List<double>();
        foreach (BarSeries s in Series)
        {
            for (int g = 0; g < s.Values.Count; g++)
            {
                double value = s.Values[g], error = s.Errors is null || !double.IsFinite(s.Errors[g]) ? 0 : Math.Abs(s.Errors[g]);
                if (double.IsFinite(value))
                {
                    ends.Add(value - error);
                    ends.Add(value + error);
                }
            }
        }

        if (IncludeZero || ends.Count == 0)
        {
            ends.Add(0);
        }

        double min = ends.Min(), max = ends.Max();
        double pad = (max - min) * 0.04;
        return new NiceScale(IncludeZero && min >= 0 ? min : min - pad, IncludeZero && max <= 0 ? max : max + pad);
    }

    private string ColorOf(int series) => Series[series].Color ?? Palette.Color(series);

    private void Validate()
    {
        if (Categories.Count == 0 || Series.Count == 0)
        {
            throw new InvalidOperationException($"Chart '{Title}' needs at least one category and one series; got {Categories.Count} categories and {Series.Count} series.");
        }

        foreach (BarSeries s in Series)
        {
            if (s.Values.Count != Categories.Count || (s.Errors is not null && s.Errors.Count != Categories.Count))
            {
                throw new InvalidOperationException($"Chart '{Title}': series '{s.Name}' has {s.Values.Count} values and {s.Errors?.Count.ToString(CultureInfo.InvariantCulture) ?? "no"} errors, but there are {Categories.Count} categories; give one per category (NaN for none).");
            }
        }
    }

    private static string Format(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
