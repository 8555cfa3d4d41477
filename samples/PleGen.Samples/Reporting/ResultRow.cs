using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.Runtime.Experiments;

namespace PleGen.Samples.Reporting;

/// <summary>
/// One model's metric on one task over several seeds: the per-seed values, their mean and sample standard
/// deviation (n - 1; 0 for a single seed), the MTL gain against the single-task model (null for the
/// single-task model itself or when there is none) and, for synthetic data, the task correlation p.
/// </summary>
public sealed record ResultRow
{
    /// <summary>Creates a row with given statistics (as read back from a report). Use <see cref="FromValues"/> to compute them.</summary>
    public ResultRow(string model, string task, string metric, IReadOnlyList<double> values, double mean, double std, double? mtlGain = null, double? correlation = null)
    {
        Model = RequireName(model, nameof(model));
        Task = RequireName(task, nameof(task));
        Metric = RequireName(metric, nameof(metric));
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException($"Result {model}/{task}/{metric} has no values: give one value per seed.", nameof(values));
        }

        int nonFinite = values.ToList().FindIndex(v => !double.IsFinite(v));
        if (nonFinite >= 0)
        {
            throw new ArgumentException($"Result {model}/{task}/{metric}: value {nonFinite} (seed index) is {values[nonFinite]}; a metric must be finite (a diverged run needs fixing, not reporting).", nameof(values));
        }

        Values = values.ToArray();
        Mean = mean;
        Std = std;
        MtlGain = mtlGain;
        Correlation = correlation;
    }

    /// <summary>Model name as reported, e.g. "PLE".</summary>
    public string Model { get; }

    /// <summary>Task name, e.g. "income".</summary>
    public string Task { get; }

    /// <summary>Metric name, e.g. "auc" or "mse".</summary>
    public string Metric { get; }

    /// <summary>One value per seed.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Mean over seeds.</summary>
    public double Mean { get; }

    /// <summary>Sample standard deviation over seeds (n - 1).</summary>
    public double Std { get; }

    /// <summary>MTL gain (Eq. 11), oriented so positive is better; null when not applicable.</summary>
    public double? MtlGain { get; init; }

    /// <summary>Task correlation p of a synthetic data set; null for real data.</summary>
    public double? Correlation { get; }

    /// <summary>A row whose mean and sample std are computed from the per-seed values.</summary>
    public static ResultRow FromValues(string model, string task, string metric, IReadOnlyList<double> values, double? correlation = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException($"Result {model}/{task}/{metric} has no values: give one value per seed.", nameof(values));
        }

        return new ResultRow(model, task, metric, values, SeedStatistics.Mean(values), SeedStatistics.SampleStd(values), null, correlation);
    }

    private static string RequireName(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"A result row needs a non-empty {name}.", name) : value;
}
