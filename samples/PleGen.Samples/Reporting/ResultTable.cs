using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;

namespace PleGen.Samples.Reporting;

/// <summary>
/// The rows of an experiment, at most one per (model, task, metric, correlation), in the order given, and the runs that
/// failed: their values are in no row, so a row's mean (and MTL gain) covers the finished runs only.
/// </summary>
public sealed class ResultTable
{
    /// <summary>The conventional name of the single-task baseline.</summary>
    public const string DefaultSingleTaskModel = "Single-Task";

    private readonly ResultRow[] _rows;
    private readonly RunFailure[] _failures;

    /// <summary>Creates the table; a repeated (model, task, metric, correlation) throws.</summary>
    public ResultTable(IEnumerable<ResultRow> rows, IEnumerable<RunFailure>? failures = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows.ToArray();
        _failures = failures?.ToArray() ?? [];
        var seen = new HashSet<(string, string, string, double?)>();
        foreach (ResultRow row in _rows)
        {
            if (!seen.Add(Key(row)))
            {
                throw new ArgumentException($"Two result rows for model '{row.Model}', task '{row.Task}', metric '{row.Metric}'{CorrelationText(row.Correlation)}: merge their values into one row (one value per seed).", nameof(rows));
            }
        }
    }

    /// <summary>The rows.</summary>
    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>The runs that failed, in the order given.</summary>
    public IReadOnlyList<RunFailure> Failures => _failures;

    /// <summary>Model names in order of first appearance (in the rows, then in the failures).</summary>
    public IReadOnlyList<string> Models => _rows.Select(r => r.Model).Concat(_failures.Select(f => f.Model)).Distinct().ToArray();

    /// <summary>Task names in order of first appearance.</summary>
    public IReadOnlyList<string> Tasks => _rows.Select(r => r.Task).Distinct().ToArray();

    /// <summary>Metric names in order of first appearance.</summary>
    public IReadOnlyList<string> Metrics => _rows.Select(r => r.Metric).Distinct().ToArray();

    /// <summary>The distinct task correlations of the rows and failures, ascending (empty for real data).</summary>
    public IReadOnlyList<double> Correlations => _rows.Select(r => r.Correlation).Concat(_failures.Select(f => f.Correlation))
        .Where(c => c.HasValue).Select(c => c!.Value).Distinct().Order().ToArray();

    /// <summary>
    /// What the tables show, in order: every (correlation, model) with rows or failures, by correlation (none first, then
    /// ascending), then model in order of first appearance.
    /// </summary>
    public IReadOnlyList<(double? Correlation, string Model)> Groups()
    {
        List<string> models = [.. Models];
        return _rows.Select(r => (r.Correlation, r.Model)).Concat(_failures.Select(f => (f.Correlation, f.Model))).Distinct()
            .OrderBy(g => g.Correlation ?? double.NegativeInfinity).ThenBy(g => g.Correlation.HasValue).ThenBy(g => models.IndexOf(g.Model))
            .ToArray();
    }

    /// <summary>The failed runs of <paramref name="model"/> at <paramref name="correlation"/>, in seed order.</summary>
    public IReadOnlyList<RunFailure> FailuresOf(string model, double? correlation) =>
        _failures.Where(f => f.Model == model && f.Correlation == correlation).OrderBy(f => f.Seed).ToArray();

    /// <summary>The row for (model, task, metric, correlation), or null.</summary>
    public ResultRow? Find(string model, string task, string metric, double? correlation = null) =>
        _rows.FirstOrDefault(r => r.Model == model && r.Task == task && r.Metric == metric && r.Correlation == correlation);

    /// <summary>
    /// A copy whose multi-task rows carry the MTL gain (Eq. 11) against the row of <paramref name="singleTaskModel"/>
    /// with the same task, metric and correlation: the means of the finished runs, whatever failed. The single-task rows,
    /// and rows without a matching single-task row (every single-task run failed, say), get null. Metric directions come
    /// from <see cref="MetricDirections.Of"/>. The failures are kept.
    /// </summary>
    public ResultTable WithMtlGains(string singleTaskModel = DefaultSingleTaskModel, IReadOnlyDictionary<string, MetricDirection>? directions = null)
    {
        ArgumentNullException.ThrowIfNull(singleTaskModel);
        return new ResultTable(_rows.Select(row =>
        {
            if (row.Model == singleTaskModel)
            {
                return row with { MtlGain = null };
            }

            ResultRow? single = Find(singleTaskModel, row.Task, row.Metric, row.Correlation);
            return row with { MtlGain = single is null ? null : MtlGain.Compute(row.Mean, single.Mean, MetricDirections.Of(row.Metric, directions)) };
        }), _failures);
    }

    private static (string, string, string, double?) Key(ResultRow row) => (row.Model, row.Task, row.Metric, row.Correlation);

    private static string CorrelationText(double? correlation) =>
        correlation is { } p ? string.Create(CultureInfo.InvariantCulture, $", correlation {p}") : string.Empty;
}
