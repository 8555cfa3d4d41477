using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;
using Xunit;

namespace PleGen.Runtime.Tests.Experiments;

/// <summary>Eq. 11, oriented so that positive is better whichever way the metric improves.</summary>
public sealed class MtlGainTests
{
    [Theory]
    [InlineData(0.75, 0.50, MetricDirection.HigherIsBetter, 0.25)]  // a higher AUC than the single-task model: positive
    [InlineData(0.50, 0.75, MetricDirection.HigherIsBetter, -0.25)] // a lower AUC: negative transfer
    [InlineData(0.50, 0.75, MetricDirection.LowerIsBetter, 0.25)]   // a lower MSE: positive
    [InlineData(0.75, 0.50, MetricDirection.LowerIsBetter, -0.25)]  // a higher MSE: negative transfer
    [InlineData(0.60, 0.60, MetricDirection.LowerIsBetter, 0.0)]
    public void The_gain_is_positive_when_the_multi_task_model_is_better(double multiTask, double singleTask, MetricDirection direction, double gain) =>
        Assert.Equal(gain, MtlGain.Compute(multiTask, singleTask, direction), 12);

    [Fact]
    public void The_gain_of_two_summaries_uses_their_means_and_direction()
    {
        TaskMetricSummary ple = Summary("income", "auc", MetricDirection.HigherIsBetter, 0.84, 0.86);
        TaskMetricSummary single = Summary("income", "auc", MetricDirection.HigherIsBetter, 0.80, 0.82);

        Assert.Equal(0.04, MtlGain.Of(ple, single), 12);
        Assert.Equal(-0.04, MtlGain.Of(single, ple), 12);
        Assert.Equal(0.1, MtlGain.Of(Summary("y", "mse", MetricDirection.LowerIsBetter, 0.4), Summary("y", "mse", MetricDirection.LowerIsBetter, 0.5)), 12);
    }

    [Fact]
    public void Summaries_of_different_tasks_or_metrics_are_refused()
    {
        TaskMetricSummary income = Summary("income", "auc", MetricDirection.HigherIsBetter, 0.8);
        TaskMetricSummary married = Summary("married", "auc", MetricDirection.HigherIsBetter, 0.9);

        var error = Assert.Throws<ArgumentException>(() => MtlGain.Of(income, married));
        Assert.Contains("got income auc against married auc", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => MtlGain.Compute(1, 0, (MetricDirection)7));
    }

    private static TaskMetricSummary Summary(string task, string metric, MetricDirection direction, params double[] values) =>
        TaskMetricSummary.Of([.. Array.ConvertAll(values, v => new TaskMetric(task, TaskKind.Binary, metric, v, direction))]);
}
