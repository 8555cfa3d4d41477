using System;
using System.Globalization;
using System.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>The standard charts of a <see cref="ResultTable"/>: metric per task and model, MTL gain, and the per-correlation bars of the PLE paper's Figure 7.</summary>
public static class ResultCharts
{
    /// <summary>
    /// Mean metric per task (groups) and model (bars), std error bars. The axis is zoomed to the data
    /// (AUCs differ in the third decimal), unless <paramref name="includeZero"/>.
    /// </summary>
    public static GroupedBarChart MetricBars(ResultTable table, string metric, string? title = null, double? correlation = null, bool includeZero = false)
    {
        ResultRow[] rows = Select(table, metric, correlation);
        string[] tasks = rows.Select(r => r.Task).Distinct().ToArray();
        return new GroupedBarChart
        {
            Title = title ?? $"Test {Display(metric)} per task (mean ± std over {SeedText(rows)})",
            YAxisLabel = Display(metric),
            XAxisLabel = "task",
            Categories = tasks,
            Series = BarsPerModel(table, rows, tasks, r => r.Task, r => r.Mean),
            IncludeZero = includeZero,
        };
    }

    /// <summary>
    /// MTL gain per task (groups) and multi-task model (bars) against a zero line; negative bars (the seesaw)
    /// hang below it. Error bars show the multi-task model's std over seeds. Call <see cref="ResultTable.WithMtlGains"/> first.
    /// </summary>
    public static GroupedBarChart GainBars(ResultTable table, string metric, string? title = null, double? correlation = null)
    {
        ResultRow[] rows = Select(table, metric, correlation).Where(r => r.MtlGain.HasValue).ToArray();
        if (rows.Length == 0)
        {
            throw new InvalidOperationException($"No row of metric '{metric}' has an MTL gain: compute gains with ResultTable.WithMtlGains (it needs the single-task model's rows).");
        }

        string[] tasks = rows.Select(r => r.Task).Distinct().ToArray();
        return new GroupedBarChart
        {
            Title = title ?? $"MTL gain in {Display(metric)} over the single-task model (higher is better)",
            YAxisLabel = $"MTL gain ({Display(metric)})",
            XAxisLabel = "task",
            Categories = tasks,
            Series = BarsPerModel(table, rows, tasks, r => r.Task, r => r.MtlGain),
        };
    }

    /// <summary>
    /// One task on synthetic data: groups are the task correlations p (ascending), bars the models; the value is
    /// the mean metric, or the MTL gain when <paramref name="gain"/>.
    /// </summary>
    public static GroupedBarChart CorrelationBars(ResultTable table, string task, string metric, bool gain = false, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ResultRow[] rows = table.Rows.Where(r => r.Task == task && r.Metric == metric && r.Correlation.HasValue && (!gain || r.MtlGain.HasValue)).ToArray();
        if (rows.Length == 0)
        {
            throw new InvalidOperationException($"No synthetic rows (with a correlation) for task '{task}' and metric '{metric}'{(gain ? " with an MTL gain" : string.Empty)}.");
        }

        double[] correlations = rows.Select(r => r.Correlation!.Value).Distinct().Order().ToArray();
        return new GroupedBarChart
        {
            Title = title ?? (gain ? $"{task}: MTL gain in {Display(metric)} by task correlation" : $"{task}: {Display(metric)} by task correlation"),
            YAxisLabel = gain ? $"MTL gain ({Display(metric)})" : Display(metric),
            XAxisLabel = "task correlation p",
            Categories = correlations.Select(p => p.ToString("0.##", CultureInfo.InvariantCulture)).ToArray(),
            Series = BarsPerModel(table, rows, correlations, r => r.Correlation!.Value, r => gain ? r.MtlGain : r.Mean),
            IncludeZero = gain,
        };
    }

    /// <summary>
    /// Figure 7 in one SVG: <see cref="CorrelationBars"/> for every task of the table, one panel per task, stacked
    /// (<paramref name="columns"/> 1: with ten or more correlations each panel is wide) or side by side.
    /// </summary>
    public static ChartPanels CorrelationPanels(ResultTable table, string metric, bool gain = false, string? title = null, int columns = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] tasks = table.Rows.Where(r => r.Metric == metric && r.Correlation.HasValue).Select(r => r.Task).Distinct().ToArray();
        return new ChartPanels
        {
            Title = title ?? string.Empty,
            Panels = tasks.Select(t => CorrelationBars(table, t, metric, gain)).ToArray(),
            Columns = columns,
        };
    }

    /// <summary>A model keeps its color in every chart of the same table: the palette color of its position in <see cref="ResultTable.Models"/>.</summary>
    private static string ColorOf(ResultTable table, string model) => Palette.Color(Math.Max(0, Array.IndexOf(table.Models.ToArray(), model)));

    /// <summary>One bar series per model of <paramref name="rows"/>: per category its value (NaN when absent) and its std over seeds.</summary>
    private static BarSeries[] BarsPerModel<TCategory>(ResultTable table, ResultRow[] rows, TCategory[] categories, Func<ResultRow, TCategory> categoryOf, Func<ResultRow, double?> value)
    {
        return rows.Select(r => r.Model).Distinct().Select(model =>
        {
            ResultRow?[] cells = categories.Select(c => rows.FirstOrDefault(r => r.Model == model && Equals(categoryOf(r), c))).ToArray();
            return new BarSeries(model,
                cells.Select(r => r is null ? double.NaN : value(r) ?? double.NaN).ToArray(),
                cells.Select(r => r?.Std ?? double.NaN).ToArray(),
                ColorOf(table, model));
        }).ToArray();
    }

    private static ResultRow[] Select(ResultTable table, string metric, double? correlation)
    {
        ArgumentNullException.ThrowIfNull(table);
        ResultRow[] rows = table.Rows.Where(r => r.Metric == metric && r.Correlation == correlation).ToArray();
        return rows.Length > 0
            ? rows
            : throw new InvalidOperationException($"The results have no rows of metric '{metric}'{(correlation is null ? string.Empty : $" at correlation {correlation.Value.ToString(CultureInfo.InvariantCulture)}")}; metrics present: {string.Join(", ", table.Metrics)}.");
    }

    private static string SeedText(ResultRow[] rows)
    {
        int min = rows.Min(r => r.Values.Count), max = rows.Max(r => r.Values.Count);
        return min == max ? $"{min} seed{(min == 1 ? string.Empty : "s")}" : $"{min}-{max} seeds";
    }

    private static string Display(string metric) => metric.ToLowerInvariant() switch
    {
        "auc" => "AUC",
        "mse" => "MSE",
        "rmse" => "RMSE",
        "mae" => "MAE",
        "gauc" => "GAUC",
        _ => metric,
    };
}
