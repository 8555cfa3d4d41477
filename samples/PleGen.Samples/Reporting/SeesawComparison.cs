using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;
using PleGen.Samples.Reporting.Charts;

namespace PleGen.Samples.Reporting;

/// <summary>
/// The seesaw comparison of one data set (one task correlation, for synthetic data): every multi-task model's test means on
/// the first two tasks against the single-task model's, and whether it beats single-task on both (strictly, in the metrics'
/// own directions). Drawn as a <see cref="SeesawChart"/> (PLE Figure 3) and written as the Markdown table beside it.
/// </summary>
public sealed class SeesawComparison
{
    private readonly IReadOnlyList<string> _tableModels;

    private SeesawComparison(string taskX, string taskY, ResultRow baselineX, ResultRow baselineY, IReadOnlyList<SeesawModel> models, double? correlation, IReadOnlyList<string> tableModels)
    {
        _tableModels = tableModels;
        TaskX = taskX;
        TaskY = taskY;
        BaselineX = baselineX;
        BaselineY = baselineY;
        Models = models;
        Correlation = correlation;
    }

    /// <summary>The first task (x axis).</summary>
    public string TaskX { get; }

    /// <summary>The second task (y axis).</summary>
    public string TaskY { get; }

    /// <summary>The single-task model's row of <see cref="TaskX"/>: the vertical crosshair.</summary>
    public ResultRow BaselineX { get; }

    /// <summary>The single-task model's row of <see cref="TaskY"/>: the horizontal crosshair.</summary>
    public ResultRow BaselineY { get; }

    /// <summary>The multi-task models, in the table's order.</summary>
    public IReadOnlyList<SeesawModel> Models { get; }

    /// <summary>The task correlation of synthetic data; null for real data.</summary>
    public double? Correlation { get; }

    /// <summary>Whether a larger <see cref="TaskX"/> metric is better.</summary>
    public bool XHigherIsBetter => MetricDirections.Of(BaselineX.Metric) == MetricDirection.HigherIsBetter;

    /// <summary>Whether a larger <see cref="TaskY"/> metric is better.</summary>
    public bool YHigherIsBetter => MetricDirections.Of(BaselineY.Metric) == MetricDirection.HigherIsBetter;

    /// <summary>
    /// The comparison at <paramref name="correlation"/> of <paramref name="table"/>'s first two tasks, or null when there is
    /// nothing to draw: fewer than two tasks, no finished single-task run for both, or no multi-task model with both tasks.
    /// <paramref name="parameters"/> gives a model's parameter count (null: unknown).
    /// </summary>
    public static SeesawComparison? From(ResultTable table, string singleTaskModel, Func<string, long?> parameters, double? correlation = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(parameters);
        if (table.Tasks.Count < 2)
        {
            return null;
        }

        string taskX = table.Tasks[0], taskY = table.Tasks[1];
        ResultRow? Row(string model, string task) => table.Rows.FirstOrDefault(r => r.Model == model && r.Task == task && r.Correlation == correlation);
        if (Row(singleTaskModel, taskX) is not { } baseX || Row(singleTaskModel, taskY) is not { } baseY)
        {
            return null;
        }

        var models = new List<SeesawModel>();
        foreach (string model in table.Models.Where(m => m != singleTaskModel))
        {
            if (Row(model, taskX) is { } x && Row(model, taskY) is { } y)
            {
                bool both = Better(x, baseX) && Better(y, baseY);
                models.Add(new SeesawModel(model, parameters(model), x, y, both));
            }
        }

        return models.Count == 0 ? null : new SeesawComparison(taskX, taskY, baseX, baseY, models, correlation, table.Models);
    }

    /// <summary>The picture: bubbles at the models' means with ±std error bars, single-task's means as crosshairs, better up and right.</summary>
    public SeesawChart Chart(string title, string baselineName = "single-task")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new SeesawChart
        {
            Title = title,
            XAxisLabel = SeesawChart.AxisLabel($"{TaskX} test {Display(BaselineX.Metric)}", XHigherIsBetter),
            YAxisLabel = SeesawChart.AxisLabel($"{TaskY} test {Display(BaselineY.Metric)}", YHigherIsBetter),
            BaselineX = BaselineX.Mean,
            BaselineY = BaselineY.Mean,
            BaselineName = baselineName,
            XHigherIsBetter = XHigherIsBetter,
            YHigherIsBetter = YHigherIsBetter,
            // A model keeps the color of its place in the table, as in the bar charts of the same results.
            Points = Models.Select(m => new SeesawPoint(m.Model, m.X.Mean, m.X.Std, m.Y.Mean, m.Y.Std, m.Parameters, Palette.Color(Math.Max(0, IndexOf(m.Model))))).ToArray(),
        };
    }

    /// <summary>
    /// The table beside the chart: the single-task row first, then per model its parameters, both tasks' mean ± std and
    /// whether it beats single-task on both ("yes", or which task it loses: the seesaw).
    /// </summary>
    public string MarkdownTable(string singleTaskModel, Func<string, long?> parameters, int decimals = 4)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string f = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        string Cell(ResultRow row) => row.Mean.ToString(f, CultureInfo.InvariantCulture) + " ± " + row.Std.ToString(f, CultureInfo.InvariantCulture);
        string Params(long? n) => n?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"| Model | Params | {TaskX} {Display(BaselineX.Metric)} | {TaskY} {Display(BaselineY.Metric)} | Better than {singleTaskModel} on both |\n");
        sb.Append("|---|---:|---:|---:|---|\n");
        sb.Append(CultureInfo.InvariantCulture, $"| {singleTaskModel} | {Params(parameters(singleTaskModel))} | {Cell(BaselineX)} | {Cell(BaselineY)} | (crosshairs) |\n");
        foreach (SeesawModel model in Models)
        {
            // The loss is given as the MTL gain, which the table's decimals may round to zero.
            string verdict = model.BeatsBaselineOnBoth ? "**yes**"
                : !Better(model.X, BaselineX) && !Better(model.Y, BaselineY) ? "no: worse on both"
                : !Better(model.X, BaselineX) ? $"no: worse on {TaskX} ({Gain(model.X, BaselineX)})"
                : $"no: worse on {TaskY} ({Gain(model.Y, BaselineY)})";
            sb.Append(CultureInfo.InvariantCulture, $"| {model.Model} | {Params(model.Parameters)} | {Cell(model.X)} | {Cell(model.Y)} | {verdict} |\n");
        }

        sb.Append('\n').Append(CultureInfo.InvariantCulture, $"Means ± std over seeds on the test set. A model better on one task and worse on the other is the seesaw; \"better\" is {Direction(XHigherIsBetter)} {Display(BaselineX.Metric)}").Append(
            BaselineX.Metric == BaselineY.Metric ? ".\n" : string.Create(CultureInfo.InvariantCulture, $" and {Direction(YHigherIsBetter)} {Display(BaselineY.Metric)}.\n"));
        return sb.ToString();
    }

    /// <summary>A Markdown section: <paramref name="heading"/>, the chart <paramref name="chartFile"/> as an image, and <see cref="MarkdownTable"/>.</summary>
    public string MarkdownSection(string heading, string chartFile, string singleTaskModel, Func<string, long?> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentException.ThrowIfNullOrWhiteSpace(chartFile);
        return $"\n## {heading}\n\n![{heading}]({chartFile})\n\n" + MarkdownTable(singleTaskModel, parameters);
    }

    /// <summary>As JSON: tasks, (correlation,) the single-task means and per model its means and whether it beats single-task on both.</summary>
    public JsonObject ToJson()
    {
        var models = new JsonArray();
        foreach (SeesawModel model in Models)
        {
            models.Add(new JsonObject
            {
                ["model"] = model.Model,
                ["parameters"] = model.Parameters,
                [TaskX] = model.X.Mean,
                [TaskY] = model.Y.Mean,
                ["beats_single_task_on_both"] = model.BeatsBaselineOnBoth,
            });
        }

        var entry = new JsonObject { ["tasks"] = new JsonArray(TaskX, TaskY) };
        if (Correlation is { } p)
        {
            entry["correlation"] = p;
        }

        entry["single_task"] = new JsonObject { [TaskX] = BaselineX.Mean, [TaskY] = BaselineY.Mean };
        entry["models"] = models;
        return entry;
    }

    private int IndexOf(string model)
    {
        for (int i = 0; i < _tableModels.Count; i++)
        {
            if (_tableModels[i] == model)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Gain(ResultRow row, ResultRow baseline) =>
        "gain " + MtlGain.Compute(row.Mean, baseline.Mean, MetricDirections.Of(row.Metric)).ToString("G2", CultureInfo.InvariantCulture);

    private static string Direction(bool higherIsBetter) => higherIsBetter ? "higher" : "lower";

    private static bool Better(ResultRow row, ResultRow baseline) =>
        MetricDirections.Of(row.Metric) == MetricDirection.HigherIsBetter ? row.Mean > baseline.Mean : row.Mean < baseline.Mean;

    private static string Display(string metric) => metric.ToUpperInvariant();
}

/// <summary>One multi-task model of a <see cref="SeesawComparison"/>: its rows of both tasks and whether it beats single-task on both.</summary>
public sealed record SeesawModel(string Model, long? Parameters, ResultRow X, ResultRow Y, bool BeatsBaselineOnBoth);
