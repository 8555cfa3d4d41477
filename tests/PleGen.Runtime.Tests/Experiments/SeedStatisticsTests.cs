using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;
using Xunit;

namespace PleGen.Runtime.Tests.Experiments;

/// <summary>Mean and sample standard deviation over seeds, and the per-task summary built from them.</summary>
public sealed class SeedStatisticsTests
{
    [Fact]
    public void The_std_over_seeds_divides_by_n_minus_1_and_one_seed_has_none()
    {
        Assert.Equal(2.5, SeedStatistics.Mean([1, 2, 3, 4]), 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), SeedStatistics.SampleStd([1, 2, 3, 4]), 12);
        Assert.Equal(0, SeedStatistics.SampleStd([0.7]));
        Assert.Contains("one per seed", Assert.Throws<ArgumentException>(() => SeedStatistics.Mean([])).Message);
    }

    [Fact]
    public void A_summary_covers_one_tasks_metric_over_seeds()
    {
        TaskMetricSummary summary = TaskMetricSummary.Of([Metric("t", 0.8), Metric("t", 0.9)]);

        Assert.Equal(("t", TaskKind.Binary, "auc", MetricDirection.HigherIsBetter), (summary.Task, summary.Kind, summary.Metric, summary.Direction));
        Assert.Equal([0.8, 0.9], summary.Values);
        Assert.Equal(0.85, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(0.005), summary.Std, 12);
        Assert.Contains("got t auc and u auc", Assert.Throws<ArgumentException>(() => TaskMetricSummary.Of([Metric("t", 0.8), Metric("u", 0.9)])).Message);
        Assert.Contains("at least one seed", Assert.Throws<ArgumentException>(() => TaskMetricSummary.Of([])).Message);
    }

    private static TaskMetric Metric(string task, double value) => new(task, TaskKind.Binary, "auc", value, MetricDirection.HigherIsBetter);
}
