using System;
using PleGen.Runtime.Metrics;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Reporting;

public sealed class ResultTableTests
{
    [Fact]
    public void Mean_and_sample_std_use_n_minus_1()
    {
        ResultRow row = ResultRow.FromValues("PLE", "income", "auc", [0.90, 0.92, 0.94]);

        Assert.Equal(0.92, row.Mean, 12);
        Assert.Equal(0.02, row.Std, 12); // population std would be 0.01633
        Assert.Equal(0, ResultRow.FromValues("PLE", "income", "auc", [0.9]).Std);
    }

    [Fact]
    public void Gain_is_multi_minus_single_for_auc_and_single_minus_multi_for_mse()
    {
        var table = new ResultTable(
        [
            ResultRow.FromValues("Single-Task", "income", "auc", [0.940, 0.942]),
            ResultRow.FromValues("PLE", "income", "auc", [0.945, 0.947]),
            ResultRow.FromValues("MMoE", "income", "auc", [0.935, 0.937]),
            ResultRow.FromValues("Single-Task", "y1", "mse", [0.50, 0.52], correlation: 0.5),
            ResultRow.FromValues("PLE", "y1", "mse", [0.40, 0.42], correlation: 0.5),
            ResultRow.FromValues("MMoE", "y1", "mse", [0.60, 0.62], correlation: 0.5),
            ResultRow.FromValues("PLE", "y1", "mse", [0.30], correlation: 0.9), // no single-task row at p = 0.9
        ]).WithMtlGains();

        Assert.Null(table.Find("Single-Task", "income", "auc")!.MtlGain);
        Assert.Equal(0.005, table.Find("PLE", "income", "auc")!.MtlGain!.Value, 12);
        Assert.Equal(-0.005, table.Find("MMoE", "income", "auc")!.MtlGain!.Value, 12);
        Assert.Equal(0.10, table.Find("PLE", "y1", "mse", 0.5)!.MtlGain!.Value, 12);
        Assert.Equal(-0.10, table.Find("MMoE", "y1", "mse", 0.5)!.MtlGain!.Value, 12);
        Assert.Null(table.Find("PLE", "y1", "mse", 0.9)!.MtlGain);
        Assert.Equal(new[] { 0.5, 0.9 }, table.Correlations);
    }

    [Fact]
    public void Unknown_metrics_duplicates_and_non_finite_values_are_refused_with_reasons()
    {
        var unknown = new ResultTable([ResultRow.FromValues("Single-Task", "t", "ndcg", [1]), ResultRow.FromValues("PLE", "t", "ndcg", [1])]);
        Assert.Contains("Unknown metric 'ndcg'", Assert.Throws<ArgumentException>(() => unknown.WithMtlGains()).Message);
        Assert.Equal(0, unknown.WithMtlGains(directions: new System.Collections.Generic.Dictionary<string, MetricDirection> { ["ndcg"] = MetricDirection.HigherIsBetter }).Find("PLE", "t", "ndcg")!.MtlGain);

        var duplicate = Assert.Throws<ArgumentException>(() => new ResultTable([ResultRow.FromValues("PLE", "t", "auc", [1]), ResultRow.FromValues("PLE", "t", "auc", [2])]));
        Assert.Contains("Two result rows for model 'PLE'", duplicate.Message);

        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => ResultRow.FromValues("PLE", "t", "auc", [0.9, double.NaN])).Message);
        Assert.Throws<ArgumentException>(() => ResultRow.FromValues("PLE", "t", "auc", []));
    }
}
