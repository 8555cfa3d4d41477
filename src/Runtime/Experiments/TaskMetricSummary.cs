using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Experiments;

/// <summary>One task's metric over the finished seeds of a model: the values in seed order, their mean and sample standard deviation.</summary>
/// <param name="Task">The task's declared name.</param>
/// <param name="Kind">What the task predicts.</param>
/// <param name="Metric">The metric's name, e.g. "auc" or "mse".</param>
/// <param name="Direction">Which way the metric improves.</param>
/// <param name="Values">One value per finished seed, in seed order.</param>
/// <param name="Mean">The mean of <paramref name="Values"/>.</param>
/// <param name="Std">The sample standard deviation of <paramref name="Values"/> (n - 1; 0 for one seed).</param>
public sealed record TaskMetricSummary(string Task, TaskKind Kind, string Metric, MetricDirection Direction, IReadOnlyList<double> Values, double Mean, double Std)
{
    /// <summary>The summary of one task's metric over seeds.</summary>
    /// <exception cref="ArgumentException">No metric is given, or they are not all of the same task and metric.</exception>
    public static TaskMetricSummary Of(IReadOnlyList<TaskMetric> perSeed)
    {
        ArgumentNullException.ThrowIfNull(perSeed);
        if (perSeed.Count == 0)
        {
            throw new ArgumentException("A summary over seeds needs at least one seed's metric.", nameof(perSeed));
        }

        TaskMetric first = perSeed[0];
        TaskMetric? other = perSeed.FirstOrDefault(m => m.Task != first.Task || m.Metric != first.Metric || m.Direction != first.Direction);
        if (other is not null)
        {
            throw new ArgumentException($"A summary over seeds covers one task's metric; got {first.Task} {first.Metric} and {other.Task} {other.Metric} ({other.Direction}). Summarize each task separately.", nameof(perSeed));
        }

        double[] values = [.. perSeed.Select(m => m.Value)];
        return new TaskMetricSummary(first.Task, first.Kind, first.Metric, first.Direction, values, SeedStatistics.Mean(values), SeedStatistics.SampleStd(values));
    }
}
