using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using PleGen.Samples.Reporting;
using PleGen.Samples.Reporting.Charts;
using Xunit;

namespace PleGen.Samples.Tests.Reporting.Charts;

/// <summary>The seesaw picture (PLE Figure 3): points where their values are, single-task's values as crosshairs, better up and right.</summary>
public sealed class SeesawChartTests
{
    private static readonly XNamespace S = Svg.Namespace;

    // MSE, lower is better: single-task at (0.50, 0.40). "Both" is better on both tasks, "Seesaw" better on task1 only,
    // "Worse" worse on both, "Equal" exactly on the crosshairs.
    private static SeesawChart MseChart() => Mse("Seesaw <p = 0.5>", 0.50, 0.40,
        new SeesawPoint("Both", 0.30, 0.02, 0.20, 0.03, 120_000),
        new SeesawPoint("Seesaw", 0.40, 0, 0.50, 0, 100_000),
        new SeesawPoint("Worse", 0.60, 0.01, 0.45, 0.01, 30_000),
        new SeesawPoint("Equal", 0.50, 0, 0.40, 0, 120_000));

    // Two MSE tasks (lower is better, both axes reversed) against single-task's (baseX, baseY).
    private static SeesawChart Mse(string title, double baseX, double baseY, params SeesawPoint[] points) => new()
    {
        Title = title,
        XAxisLabel = SeesawChart.AxisLabel("task1 test MSE", higherIsBetter: false),
        YAxisLabel = SeesawChart.AxisLabel("task2 test MSE", higherIsBetter: false),
        BaselineX = baseX,
        BaselineY = baseY,
        XHigherIsBetter = false,
        YHigherIsBetter = false,
        Points = points,
    };

    private static XElement Point(XDocument svg, string model) =>
        svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "point" && (string?)g.Attribute("data-model") == model);

    private static (double X, double Y, double R) Bubble(XDocument svg, string model)
    {
        XElement circle = Point(svg, model).Element(S + "circle")!;
        return (D(circle, "cx"), D(circle, "cy"), D(circle, "r"));
    }

    private static XElement Crosshair(XDocument svg, string axis) =>
        svg.Descendants(S + "line").Single(l => (string?)l.Attribute("class") == "crosshair" && (string?)l.Attribute("data-axis") == axis);

    private static double D(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void The_svg_is_well_formed_with_a_legend_naming_every_model_and_its_parameters()
    {
        XDocument svg = XDocument.Parse(MseChart().ToSvg());

        Assert.Equal(S + "svg", svg.Root!.Name);
        string[] legend = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "legend").Descendants(S + "text").Select(t => t.Value).ToArray();
        Assert.Equal(["Both (120,000 params)", "Seesaw (100,000 params)", "Worse (30,000 params)", "Equal (120,000 params)", "single-task (crosshairs)"], legend);
        Assert.Contains("Seesaw <p = 0.5>", svg.Descendants(S + "text").Select(t => t.Value));
        Assert.Contains("task1 test MSE (lower is better; axis reversed)", svg.Descendants(S + "text").Select(t => t.Value));
        Assert.Equal(4, svg.Descendants(S + "g").Count(g => (string?)g.Attribute("class") == "point"));
    }

    [Fact]
    public void Every_model_of_a_crowded_comparison_is_named_once_and_no_name_covers_another_or_another_bubble()
    {
        // The synthetic sample's nine multi-task models at p = 1 (a real default run, two seeds), bunched near (0.52, 0.45).
        SeesawChart chart = Mse("Seesaw at p = 1", 0.6635, 0.5474,
            new SeesawPoint("SharedBottom", 0.5213, 0.0663, 0.4880, 0.0170, 110_914),
            new SeesawPoint("AsymmetricSharing", 0.5237, 0.0584, 0.4129, 0.0091, 107_842),
            new SeesawPoint("CustomizedSharing", 0.5390, 0.0294, 0.4980, 0.0344, 106_818),
            new SeesawPoint("CrossStitch", 0.5034, 0.0937, 0.3576, 0.0039, 104_774),
            new SeesawPoint("OMoE", 0.5760, 0.1343, 0.5798, 0.1320, 104_261),
            new SeesawPoint("MMoE", 0.6069, 0.1673, 0.6201, 0.1516, 105_800),
            new SeesawPoint("MultiLevelMmoe", 0.2740, 0.0210, 0.2815, 0.0143, 120_209),
            new SeesawPoint("CGC", 0.4544, 0.0605, 0.4405, 0.0119, 104_774),
            new SeesawPoint("PLE", 0.2568, 0.0169, 0.2445, 0.0222, 119_053));
        AssertEveryNameApart(chart, bubblesToo: true);
    }

    [Fact]
    public void The_ten_multi_task_models_of_the_census_run_are_named_apart_on_auc_axes()
    {
        // The census sample's ten multi-task models (a real run, three seeds), all within 0.0013 of each other on income:
        // so bunched that a name may cross a neighbour's bubble, but no two names touch (in that run PLE's and MMoE's did).
        var chart = new SeesawChart
        {
            Title = "Census-income seesaw",
            BaselineX = 0.9477,
            BaselineY = 0.9943,
            Points =
            [
                new SeesawPoint("SharedBottom", 0.9479, 0.0008, 0.9943, 0.0002, 96_878),
                new SeesawPoint("AsymmetricSharing", 0.9468, 0.0005, 0.9945, 0.0002, 98_990),
                new SeesawPoint("CustomizedSharing", 0.9477, 0.0003, 0.9946, 0.0001, 84_526),
                new SeesawPoint("CrossStitch", 0.9475, 0.0006, 0.9946, 0.0002, 96_950),
                new SeesawPoint("Sluice", 0.9475, 0.0007, 0.9947, 0.0001, 87_890),
                new SeesawPoint("OMoE", 0.9471, 0.0008, 0.9946, 0.0003, 90_398),
                new SeesawPoint("MMoE", 0.9476, 0.0008, 0.9947, 0.0001, 91_406),
                new SeesawPoint("MultiLevelMmoe", 0.9481, 0.0019, 0.9946, 0.0001, 101_002),
                new SeesawPoint("CGC", 0.9471, 0.0006, 0.9947, 0.0001, 90_734),
                new SeesawPoint("PLE", 0.9474, 0.0004, 0.9947, 0.0000, 100_070),
            ],
        };

        AssertEveryNameApart(chart, bubblesToo: false);
    }

    /// <summary>Every model named once; no name within 2 px of another (touching names read as one), nor over another's bubble when <paramref name="bubblesToo"/>.</summary>
    private static void AssertEveryNameApart(SeesawChart chart, bool bubblesToo)
    {
        const double margin = 2;
        XDocument svg = XDocument.Parse(chart.ToSvg());

        XElement[] names = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "point-labels").Elements(S + "text").ToArray();
        Assert.Equal(chart.Points.Select(p => p.Model), names.Select(t => t.Value));
        Assert.All(names, t => Assert.Equal(t.Value, (string?)t.Attribute("data-model")));
        // Each name's box as the layout estimates text (0.6 em a character, 0.8 em above the baseline, 0.2 below).
        var boxes = names.Select(t =>
        {
            double size = D(t, "font-size"), width = t.Value.Length * size * 0.6, x = D(t, "x");
            double left = (string?)t.Attribute("text-anchor") switch { "start" => x, "end" => x - width, _ => x - (width / 2) };
            return (Model: t.Value, Left: left, Top: D(t, "y") - (0.8 * size), Right: left + width, Bottom: D(t, "y") + (0.2 * size));
        }).ToArray();
        static bool Meet((string, double Left, double Top, double Right, double Bottom) a, (double Left, double Top, double Right, double Bottom) b) =>
            a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
        foreach (var a in boxes)
        {
            foreach (var b in boxes.Where(b => b.Model != a.Model))
            {
                Assert.False(Meet(a, (b.Left - margin, b.Top - margin, b.Right + margin, b.Bottom + margin)), $"the names {a.Model} and {b.Model} overlap or touch");
            }

            foreach (string other in chart.Points.Select(p => p.Model).Where(m => bubblesToo && m != a.Model))
            {
                var (x, y, r) = Bubble(svg, other);
                Assert.False(Meet(a, (x - r, y - r, x + r, y + r)), $"the name {a.Model} covers the bubble of {other}");
            }
        }
    }

    [Fact]
    public void The_crosshairs_sit_at_the_single_task_values_and_a_point_with_those_values_sits_on_them()
    {
        XDocument svg = XDocument.Parse(MseChart().ToSvg());
        XElement vertical = Crosshair(svg, "x"), horizontal = Crosshair(svg, "y");

        Assert.Equal(0.50, double.Parse((string)vertical.Attribute("data-value")!, CultureInfo.InvariantCulture));
        Assert.Equal(0.40, double.Parse((string)horizontal.Attribute("data-value")!, CultureInfo.InvariantCulture));
        Assert.Equal(D(vertical, "x1"), D(vertical, "x2"));   // vertical
        Assert.Equal(D(horizontal, "y1"), D(horizontal, "y2")); // horizontal
        (double x, double y, _) = Bubble(svg, "Equal");
        Assert.Equal(D(vertical, "x1"), x, 1);
        Assert.Equal(D(horizontal, "y1"), y, 1);
    }

    [Fact]
    public void Points_are_placed_linearly_with_better_up_and_right_on_reversed_mse_axes()
    {
        XDocument svg = XDocument.Parse(MseChart().ToSvg());
        double crossX = D(Crosshair(svg, "x"), "x1"), crossY = D(Crosshair(svg, "y"), "y1");
        var both = Bubble(svg, "Both");
        var seesaw = Bubble(svg, "Seesaw");
        var worse = Bubble(svg, "Worse");

        // Lower MSE is right (larger x) and up (smaller y in SVG).
        Assert.True(both.X > crossX && both.Y < crossY, "better on both: up and right");
        Assert.True(seesaw.X > crossX && seesaw.Y > crossY, "better on task1 only: right and below");
        Assert.True(worse.X < crossX && worse.Y > crossY, "worse on both: down and left");
        // Linear: "Both" is 0.20 better on task1, "Seesaw" 0.10; "Both" 0.20 better on task2, "Worse" 0.05 worse.
        Assert.Equal(2.0, (both.X - crossX) / (seesaw.X - crossX), 2);
        Assert.Equal(-4.0, (both.Y - crossY) / (worse.Y - crossY), 2);
        // Bubble area proportional to parameters.
        Assert.Equal(Math.Sqrt(30_000.0 / 120_000), worse.R / both.R, 2);
    }

    [Fact]
    public void A_model_better_than_single_task_on_both_tasks_is_flagged_and_sits_in_the_shaded_quadrant()
    {
        SeesawChart chart = MseChart();
        XDocument svg = XDocument.Parse(chart.ToSvg());

        Assert.Equal(["Both"], chart.Points.Where(chart.BeatsBaselineOnBoth).Select(p => p.Model));
        Assert.Equal("true", (string)Point(svg, "Both").Attribute("data-beats-baseline")!);
        Assert.All(new[] { "Seesaw", "Worse", "Equal" }, m => Assert.Equal("false", (string)Point(svg, m).Attribute("data-beats-baseline")!));
        XElement quadrant = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "better-on-both").Element(S + "rect")!;
        var both = Bubble(svg, "Both");
        Assert.InRange(both.X, D(quadrant, "x"), D(quadrant, "x") + D(quadrant, "width"));
        Assert.InRange(both.Y, D(quadrant, "y"), D(quadrant, "y") + D(quadrant, "height"));
        Assert.Equal(D(Crosshair(svg, "x"), "x1"), D(quadrant, "x"), 1); // the quadrant starts at the crosshairs
        Assert.Contains("better on both tasks", Point(svg, "Both").Descendants(S + "title").Single().Value);
    }

    [Fact]
    public void Higher_is_better_axes_are_not_reversed()
    {
        var chart = new SeesawChart
        {
            Title = "AUC",
            BaselineX = 0.94,
            BaselineY = 0.99,
            Points = [new SeesawPoint("Up", 0.95, 0.001, 0.995, 0.001), new SeesawPoint("Down", 0.93, 0, 0.98, 0)],
        };
        XDocument svg = XDocument.Parse(chart.ToSvg());

        double crossX = D(Crosshair(svg, "x"), "x1"), crossY = D(Crosshair(svg, "y"), "y1");
        var up = Bubble(svg, "Up");
        Assert.True(up.X > crossX && up.Y < crossY);
        Assert.Equal(["Up"], chart.Points.Where(chart.BeatsBaselineOnBoth).Select(p => p.Model));
        double[] xTicks = svg.Descendants(S + "g").Single(g => (string?)g.Attribute("class") == "x-axis").Elements(S + "text")
            .Select(t => double.TryParse(t.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN).Where(double.IsFinite).ToArray();
        Assert.Equal(xTicks.Order(), xTicks); // ascending left to right
        Assert.Equal(2, svg.Descendants(S + "g").Count(g => (string?)g.Attribute("class") == "error-bar")); // "Down" has no std
    }

    [Fact]
    public void A_chart_without_points_or_with_a_non_finite_value_is_explained()
    {
        var empty = new SeesawChart { Title = "t", BaselineX = 1, BaselineY = 1, Points = [] };
        var nan = new SeesawChart { Title = "t", BaselineX = double.NaN, BaselineY = 1, Points = [new SeesawPoint("A", 1, 0, 1, 0)] };

        Assert.Contains("at least one point", Assert.Throws<InvalidOperationException>(() => empty.Render()).Message);
        Assert.Contains("finite values", Assert.Throws<InvalidOperationException>(() => nan.Render()).Message);
    }

    [Fact]
    public void The_comparison_of_a_result_table_flags_beating_both_and_names_the_task_a_seesaw_loses()
    {
        var table = new ResultTable(
        [
            ResultRow.FromValues("SingleTask", "task1", "mse", [0.50, 0.52], 0.5),
            ResultRow.FromValues("SingleTask", "task2", "mse", [0.40, 0.42], 0.5),
            ResultRow.FromValues("PLE", "task1", "mse", [0.30, 0.32], 0.5),
            ResultRow.FromValues("PLE", "task2", "mse", [0.20, 0.22], 0.5),
            ResultRow.FromValues("MMoE", "task1", "mse", [0.45, 0.45], 0.5),
            ResultRow.FromValues("MMoE", "task2", "mse", [0.60, 0.60], 0.5),
            ResultRow.FromValues("SingleTask", "task1", "mse", [0.5], 1.0),
            ResultRow.FromValues("SingleTask", "task2", "mse", [0.4], 1.0),
        ]).WithMtlGains("SingleTask");
        long? Parameters(string model) => model switch { "PLE" => 119_053, "SingleTask" => 69_890, _ => null };

        SeesawComparison seesaw = SeesawComparison.From(table, "SingleTask", Parameters, 0.5)!;

        Assert.Null(SeesawComparison.From(table, "SingleTask", Parameters, 1.0)); // only single-task finished there
        Assert.Equal(("task1", "task2"), (seesaw.TaskX, seesaw.TaskY));
        Assert.Equal(0.51, seesaw.BaselineX.Mean, 12);
        Assert.Equal(0.41, seesaw.BaselineY.Mean, 12);
        Assert.Equal(["PLE True", "MMoE False"], seesaw.Models.Select(m => $"{m.Model} {m.BeatsBaselineOnBoth}"));
        string markdown = seesaw.MarkdownTable("SingleTask", Parameters);
        Assert.Contains("| SingleTask | 69,890 | 0.5100 ± 0.0141 | 0.4100 ± 0.0141 | (crosshairs) |", markdown);
        Assert.Contains("| PLE | 119,053 | 0.3100 ± 0.0141 | 0.2100 ± 0.0141 | **yes** |", markdown);
        Assert.Contains("| MMoE | unknown | 0.4500 ± 0.0000 | 0.6000 ± 0.0000 | no: worse on task2 (gain -0.19) |", markdown);
        SeesawChart chart = seesaw.Chart("t");
        Assert.False(chart.XHigherIsBetter);
        Assert.Equal(["PLE"], chart.Points.Where(chart.BeatsBaselineOnBoth).Select(p => p.Model));
        Assert.Equal(Palette.Color(1), chart.Points[0].Color); // PLE's place in the table, as in the bar charts
        Assert.True(seesaw.ToJson()["models"]!.AsArray()[0]!["beats_single_task_on_both"]!.GetValue<bool>());
    }
}
