using System.Collections.Generic;
using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;
using PleGen.Runtime.Training;
using Xunit;

namespace PleGen.Runtime.Tests.Experiments;

/// <summary>One direction per metric, the same for the trainer's tasks, the typed metrics and metrics known by name.</summary>
public sealed class MetricDirectionTests
{
    [Fact]
    public void A_binary_task_is_measured_by_AUC_higher_is_better_and_a_regression_task_by_MSE_lower_is_better()
    {
        var click = new TaskInfo("click", IsBinary: true, Masked: false);
        var dwell = new TaskInfo("dwell", IsBinary: false, Masked: true);

        Assert.Equal((TaskKind.Binary, "auc", MetricDirection.HigherIsBetter), (click.Kind, click.Metric, click.Direction));
        Assert.Equal((TaskKind.Regression, "mse", MetricDirection.LowerIsBetter), (dwell.Kind, dwell.Metric, dwell.Direction));
        Assert.Equal(new TaskMetric("dwell", TaskKind.Regression, "mse", 0.3, MetricDirection.LowerIsBetter), TaskMetric.Of(dwell, 0.3));
        Assert.Equal(click.Direction, MetricDirections.Of(click.Metric));
        Assert.Equal(dwell.Direction, MetricDirections.Of(dwell.Metric));
    }

    [Fact]
    public void Better_means_strictly_better_in_the_metric_direction()
    {
        Assert.True(MetricDirection.HigherIsBetter.IsBetter(0.8, 0.7));
        Assert.False(MetricDirection.HigherIsBetter.IsBetter(0.7, 0.8));
        Assert.True(MetricDirection.LowerIsBetter.IsBetter(0.7, 0.8));
        Assert.False(MetricDirection.LowerIsBetter.IsBetter(0.8, 0.7));
        Assert.False(MetricDirection.LowerIsBetter.IsBetter(0.7, 0.7)); // a tie keeps the earlier epoch
        Assert.False(MetricDirection.HigherIsBetter.IsBetter(0.7, 0.7));
    }

    [Fact]
    public void Metrics_known_by_name_in_any_case_and_unknown_ones_need_an_override()
    {
        Assert.Equal(MetricDirection.LowerIsBetter, MetricDirections.Of("MSE"));
        Assert.Equal(MetricDirection.HigherIsBetter, MetricDirections.Of("AUC"));
        Assert.Equal(MetricDirection.LowerIsBetter, MetricDirections.Of("logloss"));

        var error = Assert.Throws<ArgumentException>(() => MetricDirections.Of("ndcg"));
        Assert.Contains("Unknown metric 'ndcg'", error.Message);
        Assert.Contains("Pass its direction in the overrides", error.Message);
        Assert.Equal(MetricDirection.HigherIsBetter, MetricDirections.Of("ndcg", new Dictionary<string, MetricDirection> { ["ndcg"] = MetricDirection.HigherIsBetter }));
        Assert.Equal(MetricDirection.HigherIsBetter, MetricDirections.Of("mse", new Dictionary<string, MetricDirection> { ["mse"] = MetricDirection.HigherIsBetter }));
    }
}
