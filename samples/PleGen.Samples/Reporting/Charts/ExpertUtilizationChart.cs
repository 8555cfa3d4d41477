using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using System;
using PleGen.Runtime.Models;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// Expert utilization like the PLE paper's Figure 8: for each gate, one bar per expert it mixes showing the
/// mean gate weight with a std error bar; shared experts gray, task-specific experts in their task's color.
/// </summary>
public sealed class ExpertUtilizationChart : AxisChart
{
    /// <summary>The owner name of shared experts.</summary>
    public const string SharedOwner = "shared";

    /// <summary>The gates, left to right.</summary>
    public required IReadOnlyList<GateWeights> Gates { get; init; }

    /// <summary>
    /// The chart of a recorded <see cref="GateReport"/>. Expert names follow the generated models' parameter
    /// names: "levels.{l}.shared.{i}" is shared (label S{i}), "levels.{l}.tasks.{task}.{i}" belongs to task (label T{i});
    /// gates "gates.{task}.{l}" and "shared_gates.{l}" are titled "{task}, level l+1" and "shared, level l+1".
    /// </summary>
    public static ExpertUtilizationChart FromGateReport(GateReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExpertUtilizationChart
        {
            Title = title,
            Gates = report.Gates.Select(g => new GateWeights(
                g.Gate,
                GateTitle(g.Gate),
                g.Experts.Select((e, i) => Expert(e, g.Mean[i], g.Std[i])).ToArray())).ToArray(),
        };
    }

    /// <inheritdoc />
    public override XElement Render()
    {
        if (Gates.Count == 0 || Gates.Any(g => g.Experts.Count == 0))
        {
            throw new InvalidOperationException($"Chart '{Title}' needs at least one gate, each with at least one expert.");
        }

        string[] owners = Gates.SelectMany(g => g.Experts).Select(e => e.Owner).Distinct().OrderBy(o => o == SharedOwner ? 0 : 1).ToArray();
        string[] tasks = owners.Where(o => o != SharedOwner).ToArray();
        string ColorOf(string owner) => owner == SharedOwner ? Palette.Neutral : Palette.Color(Array.IndexOf(tasks, owner));
        var legend = owners.Select(o => new LegendEntry(o == SharedOwner ? "shared experts" : $"{o} experts", ColorOf(o))).ToArray();

        double maxTop = Gates.SelectMany(g => g.Experts).Max(e => e.Mean + Math.Max(0, e.Std));
        var y = new NiceScale(0, Math.Max(maxTop, 0.05));
        int bars = Gates.Sum(g => g.Experts.Count);
        const double gap = 30;
        double barWidth = Math.Clamp((900 - (gap * Gates.Count)) / bars, 10, 36);
        double left = ChartParts.LeftMargin(y);
        double right = ChartParts.LegendWidth(legend) + 16;
        var widths = Gates.Select(g => (g.Experts.Count * barWidth) + gap).ToArray();
        // Gate titles go under the expert labels, one line per comma-separated part ("income" / "level 1").
        string[][] titleLines = Gates.Select(g => g.Title.Split(", ")).ToArray();
        double titleHeight = (titleLines.Max(l => l.Length) * 16) + 6;
        var plot = new PlotArea(left, 48, left + widths.Sum(), Height - 22 - titleHeight);
        double width = plot.Right + right;

        XElement root = Svg.Root(width, Height);
        ChartParts.Title(root, Title, width);
        ChartParts.YAxis(root, plot, y, YAxisLabel.Length > 0 ? YAxisLabel : "gate weight (mean ± std)");
        root.Add(Svg.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, Palette.Ink));

        var centers = new double[Gates.Count];
        double groupLeft = plot.Left;
        for (int g = 0; g < Gates.Count; g++)
        {
            GateWeights gate = Gates[g];
            XElement group = Svg.Group("gate");
            group.Add(new XAttribute("data-gate", gate.Gate));
            double x0 = groupLeft + (gap / 2);
            centers[g] = x0 + (gate.Experts.Count * barWidth / 2);
            if (g > 0)
            {
                group.Add(Svg.Line(groupLeft, plot.Top, groupLeft, plot.Bottom, Palette.Grid, 1.5));
            }

            for (int e = 0; e < gate.Experts.Count; e++)
            {
                ExpertWeight expert = gate.Experts[e];
                double x = x0 + (e * barWidth);
                double top = y.Map(expert.Mean, plot.Bottom, plot.Top);
                string tooltip = string.Create(CultureInfo.InvariantCulture, $"{gate.Gate} -> {expert.Expert}: {expert.Mean:F4} ± {expert.Std:F4}");
                group.Add(Svg.Rect(x + 1, top, barWidth - 2, plot.Bottom - top, ColorOf(expert.Owner), tooltip: tooltip));
                if (expert.Std > 0)
                {
                    group.Add(ChartParts.ErrorBar(x + (barWidth / 2), y.Map(Math.Max(0, expert.Mean - expert.Std), plot.Bottom, plot.Top), y.Map(expert.Mean + expert.Std, plot.Bottom, plot.Top), Math.Min(8, barWidth * 0.5)));
                }

                group.Add(Svg.Text(x + (barWidth / 2), plot.Bottom + 14, expert.Label, Math.Min(ChartParts.TickSize, barWidth * 0.55)));
            }

            for (int line = 0; line < titleLines[g].Length; line++)
            {
                string text = titleLines[g][line];
                double size = Math.Max(8, Math.Min(ChartParts.LabelSize, (widths[g] - 6) / Math.Max(1, text.Length * 0.6)));
                group.Add(Svg.Text(centers[g], plot.Bottom + 36 + (line * 16), text, size, bold: line == 0));
            }

            root.Add(group);
            groupLeft += widths[g];
        }

        ChartParts.Legend(root, legend, plot.Right + 12, plot.Top);
        return root;
    }

    private static ExpertWeight Expert(string name, double mean, double std)
    {
        string[] parts = name.Split('.');
        if (parts.Length == 4 && parts[0] == "levels" && parts[2] == SharedOwner)
        {
            return new ExpertWeight(name, "S" + parts[3], SharedOwner, mean, std);
        }

        if (parts.Length >= 5 && parts[0] == "levels" && parts[2] == "tasks")
        {
            return new ExpertWeight(name, "T" + parts[^1], string.Join('.', parts[3..^1]), mean, std);
        }

        return new ExpertWeight(name, parts[^1], SharedOwner, mean, std);
    }

    private static string GateTitle(string gate)
    {
        string[] parts = gate.Split('.');
        if (parts.Length >= 3 && parts[0] == "gates" && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int level))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{string.Join('.', parts[1..^1])}, level {level + 1}");
        }

        if (parts.Length == 2 && parts[0] == "shared_gates" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int sharedLevel))
        {
            return string.Create(CultureInfo.InvariantCulture, $"shared, level {sharedLevel + 1}");
        }

        return gate;
    }
}
