using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using System;
using PleGen.Runtime.Models;
using PleGen.Samples.Reporting.Charts;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Reporting.Charts;

public sealed class ChartTests
{
    private static readonly XNamespace S = Svg.Namespace;

    private static ResultTable Census() => new ResultTable(
    [
        ResultRow.FromValues("Single-Task", "income", "auc", [0.9410, 0.9420, 0.9400]),
        ResultRow.FromValues("Single-Task", "never_married", "auc", [0.9820, 0.9830, 0.9810]),
        ResultRow.FromValues("PLE", "income", "auc", [0.9460, 0.9470, 0.9450]),
        ResultRow.FromValues("PLE", "never_married", "auc", [0.9850, 0.9840, 0.9860]),
        ResultRow.FromValues("MMoE <&> \"v2\"", "income", "auc", [0.9430, 0.9420, 0.9440]),
        ResultRow.FromValues("MMoE <&> \"v2\"", "never_married", "auc", [0.9790, 0.9800, 0.9780]),
    ]).WithMtlGains();

    private static XDocument Parse(ISvgChart chart) => XDocument.Parse(chart.ToSvg());

    private static string[] Texts(XDocument svg) => svg.Descendants(S + "text").Select(t => t.Value).ToArray();

    private static string[] Series(XDocument svg) => svg.Descendants(S + "g").Where(g => (string?)g.Attribute("class") == "series").Select(g => (string)g.Attribute("data-series")!).ToArray();

    [Fact]
    public void Metric_bars_are_well_formed_svg_with_every_model_and_task_and_escaped_names()
    {
        XDocument svg = Parse(ResultCharts.MetricBars(Census(), "auc"));

        Assert.Equal(S + "svg", svg.Root!.Name);
        Assert.Equal(new[] { "Single-Task", "PLE", "MMoE <&> \"v2\"" }, Series(svg));
        string[] texts = Texts(svg);
        Assert.Contains("Test AUC per task (mean ± std over 3 seeds)", texts);
        Assert.Contains("income", texts);
        Assert.Contains("never_married", texts);
        Assert.Contains("MMoE <&> \"v2\"", texts); // legend
        Assert.Equal(6, svg.Descendants(S + "g").Where(g => (string?)g.Attribute("class") == "series").Sum(g => g.Elements(S + "rect").Count()));
        Assert.Equal(6, svg.Descendants(S + "g").Count(g => (string?)g.Attribute("class") == "error-bar"));
        Assert.Contains("MMoE &lt;&amp;&gt; \"v2\"", ResultCharts.MetricBars(Census(), "auc").ToSvg());
    }

    [Fact]
    public void Gain_bars_hang_negative_gains_below_the_zero_line()
    {
        XDocument svg = Parse(ResultCharts.GainBars(Census(), "auc"));

        Assert.Equal(new[] { "PLE", "MMoE <&> \"v2\"" }, Series(svg));
        XElement mmoe = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("data-series") == "MMoE <&> \"v2\"");
        XElement pleBar = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("data-series") == "PLE").Elements(S + "rect").First();
        XElement negative = mmoe.Elements(S + "rect").Last(); // never_married: 0.9790 vs 0.9820
        double Y(XElement e) => double.Parse((string)e.Attribute("y")!, CultureInfo.InvariantCulture);
        double H(XElement e) => double.Parse((string)e.Attribute("height")!, CultureInfo.InvariantCulture);
        double zero = Y(pleBar) + H(pleBar); // a positive bar ends on the zero line
        Assert.Equal(zero, Y(negative), 1);   // a negative bar starts there and goes down
        Assert.True(H(negative) > 0);
        Assert.Contains("never_married", negative.Element(S + "title")!.Value);
        Assert.Contains(svg.Descendants(S + "line"), l => (string?)l.Attribute("stroke-width") == "1.3"); // the zero line
    }

    [Fact]
    public void Correlation_panels_have_one_panel_per_task_with_correlations_as_groups()
    {
        var rows = new[] { 0.0, 0.5, 0.9 }.SelectMany(p => new[]
        {
            ResultRow.FromValues("Single-Task", "y1", "mse", [0.40, 0.41], p),
            ResultRow.FromValues("Single-Task", "y2", "mse", [0.45, 0.44], p),
            ResultRow.FromValues("PLE", "y1", "mse", [0.39 - (p / 10), 0.38 - (p / 10)], p),
            ResultRow.FromValues("PLE", "y2", "mse", [0.43 - (p / 10), 0.44 - (p / 10)], p),
        });
        var table = new ResultTable(rows).WithMtlGains();

        XDocument svg = Parse(ResultCharts.CorrelationPanels(table, "mse", title: "Figure 7"));

        XElement[] panels = svg.Root!.Elements(S + "svg").ToArray();
        Assert.Equal(2, panels.Length);
        Assert.Contains("y1: MSE by task correlation", panels[0].Descendants(S + "text").Select(t => t.Value));
        Assert.Contains("y2: MSE by task correlation", panels[1].Descendants(S + "text").Select(t => t.Value));
        Assert.Equal(new[] { "0", "0.5", "0.9" }, panels[0].Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "categories").Elements().Select(t => t.Value));
        Assert.True(double.Parse((string)panels[1].Attribute("y")!, CultureInfo.InvariantCulture) > double.Parse((string)panels[0].Attribute("height")!, CultureInfo.InvariantCulture)); // stacked
        XElement sideBySide = ResultCharts.CorrelationPanels(table, "mse", columns: 2).Render();
        Assert.Equal(sideBySide.Elements(S + "svg").First().Attribute("width")!.Value, sideBySide.Elements(S + "svg").Last().Attribute("x")!.Value);
        Assert.Contains("Figure 7", Texts(svg));
        XDocument gains = Parse(ResultCharts.CorrelationBars(table, "y1", "mse", gain: true));
        Assert.Equal(new[] { "PLE" }, Series(gains));
        string pleColor = (string)gains.Descendants(S + "g").Single(g => (string?)g.Attribute("data-series") == "PLE").Elements(S + "rect").First().Attribute("fill")!;
        Assert.Equal(Palette.Color(1), pleColor); // PLE keeps the color of its place in the table, with or without the single-task bars
    }

    [Fact]
    public void Line_chart_draws_each_series_with_markers_legend_and_integer_epoch_ticks()
    {
        var chart = new LineChart
        {
            Title = "Validation AUC per epoch",
            XAxisLabel = "epoch",
            YAxisLabel = "AUC",
            Series =
            [
                LineSeries.FromEpochs("PLE income", [0.90, 0.92, 0.93, 0.935]),
                LineSeries.FromEpochs("MMoE income", [0.89, 0.91, double.NaN, 0.925]),
            ],
        };

        XDocument svg = Parse(chart);

        Assert.Equal(new[] { "PLE income", "MMoE income" }, Series(svg));
        XElement[] lines = svg.Descendants(S + "polyline").ToArray();
        Assert.Equal(3, lines.Length); // the NaN splits MMoE's curve in two
        Assert.Equal(4, ((string)lines[0].Attribute("points")!).Split(' ').Length);
        Assert.NotNull(lines[1].Attribute("stroke-dasharray"));
        string[] xTicks = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "x-axis").Elements(S + "text").Select(t => t.Value).ToArray();
        Assert.Equal(new[] { "1", "2", "3", "4", "epoch" }, xTicks);
        Assert.Contains("MMoE income", svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "legend").Descendants(S + "text").Select(t => t.Value));
    }

    [Fact]
    public void Expert_utilization_from_a_gate_report_groups_experts_by_owner()
    {
        var report = new GateReport(
        [
            new GateUtilization("gates.income.0", ["levels.0.tasks.income.0", "levels.0.tasks.income.1", "levels.0.shared.0"], [0.5, 0.3, 0.2], [0.1, 0.05, 0.02], 100),
            new GateUtilization("shared_gates.0", ["levels.0.tasks.income.0", "levels.0.tasks.never_married.0", "levels.0.shared.0"], [0.2, 0.3, 0.5], [0.01, 0.02, 0.03], 100),
            new GateUtilization("gates.never_married.1", ["levels.1.tasks.never_married.0", "levels.1.shared.0"], [0.6, 0.4], [0, 0.1], 100),
        ]);

        ExpertUtilizationChart chart = ExpertUtilizationChart.FromGateReport(report, "Expert utilization (census, PLE)");
        XDocument svg = Parse(chart);

        Assert.Equal(new[] { "income, level 1", "shared, level 1", "never_married, level 2" }, chart.Gates.Select(g => g.Title));
        Assert.Equal(new[] { "income", "income", "shared" }, chart.Gates[0].Experts.Select(e => e.Owner));
        Assert.Equal(new[] { "T0", "T1", "S0" }, chart.Gates[0].Experts.Select(e => e.Label));
        XElement[] gates = svg.Descendants(S + "g").Where(g => (string?)g.Attribute("class") == "gate").ToArray();
        Assert.Equal(new[] { "gates.income.0", "shared_gates.0", "gates.never_married.1" }, gates.Select(g => (string)g.Attribute("data-gate")!));
        Assert.Equal(new[] { "T0", "T1", "S0", "income", "level 1" }, gates[0].Elements(S + "text").Select(t => t.Value));
        string[] legend = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "legend").Descendants(S + "text").Select(t => t.Value).ToArray();
        Assert.Equal(new[] { "shared experts", "income experts", "never_married experts" }, legend);
        XElement[] sharedGate = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("data-gate") == "shared_gates.0").Elements(S + "rect").ToArray();
        Assert.Equal(3, sharedGate.Select(r => (string)r.Attribute("fill")!).Distinct().Count()); // income, never_married and shared colors
        Assert.Equal(Palette.Neutral, (string)sharedGate[2].Attribute("fill")!);
        Assert.Equal(7, svg.Descendants(S + "g").Count(g => (string?)g.Attribute("class") == "error-bar")); // one expert has std 0
    }

    [Fact]
    public void Saving_writes_an_xml_document_and_bad_inputs_are_explained()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("auc.svg");

        ResultCharts.MetricBars(Census(), "auc").Save(path);

        XDocument svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", File.ReadAllText(path));

        var mismatched = new GroupedBarChart { Title = "t", YAxisLabel = "y", Categories = ["a", "b"], Series = [new BarSeries("s", [1.0])] };
        Assert.Contains("series 's' has 1 values", Assert.Throws<InvalidOperationException>(() => mismatched.Render()).Message);
        Assert.Contains("metrics present: auc", Assert.Throws<InvalidOperationException>(() => ResultCharts.MetricBars(Census(), "mse")).Message);
        Assert.Contains("WithMtlGains", Assert.Throws<InvalidOperationException>(() => ResultCharts.GainBars(new ResultTable([ResultRow.FromValues("PLE", "t", "auc", [1])]), "auc")).Message);
    }
}
