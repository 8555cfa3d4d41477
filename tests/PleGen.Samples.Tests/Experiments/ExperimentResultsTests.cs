using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Metrics;
using PleGen.Runtime.Models;
using PleGen.Runtime.Training;
using PleGen.Samples.Experiments;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Experiments;

/// <summary>Finished runs become result rows (values in seed order, MTL gain per Eq. 11), utilization and curve JSON.</summary>
public sealed class ExperimentResultsTests
{
    private static readonly Dictionary<string, string> Metrics = new() { ["a"] = "auc", ["b"] = "auc" };

    [Fact]
    public void Rows_hold_one_value_per_seed_and_the_gain_against_the_single_task_model()
    {
        var results = new ExperimentResults(Metrics, "Single");
        results.Add(Run("Single", 2, ("a", 0.80), ("b", 0.90)));
        results.Add(Run("Single", 1, ("a", 0.82), ("b", 0.92)));
        results.Add(Run("PLE", 1, ("a", 0.85), ("b", 0.91)));
        results.Add(Run("PLE", 2, ("a", 0.83), ("b", 0.89)));

        ResultTable table = results.Table();

        Assert.Equal(["Single", "PLE"], table.Models);
        ResultRow single = table.Find("Single", "a", "auc")!;
        Assert.Equal([0.82, 0.80], single.Values); // seed order, not finishing order
        Assert.Null(single.MtlGain);
        ResultRow ple = table.Find("PLE", "a", "auc")!;
        Assert.Equal(0.84, ple.Mean, 12);
        Assert.Equal(0.84 - 0.81, ple.MtlGain!.Value, 12);
        Assert.Equal(0.90 - 0.91, table.Find("PLE", "b", "auc")!.MtlGain!.Value, 12);
    }

    [Fact]
    public void Correlations_keep_their_runs_apart()
    {
        var results = new ExperimentResults(new Dictionary<string, string> { ["t"] = "mse" }, "Single");
        results.Add(Run("Single", 1, ("t", 0.5)), 0.0);
        results.Add(Run("PLE", 1, ("t", 0.4)), 0.0);
        results.Add(Run("Single", 1, ("t", 0.3)), 1.0);
        results.Add(Run("PLE", 1, ("t", 0.35)), 1.0);

        ResultTable table = results.Table();

        Assert.Equal([0.0, 1.0], table.Correlations);
        Assert.Equal(0.1, table.Find("PLE", "t", "mse", 0.0)!.MtlGain!.Value, 12);
        Assert.Equal(-0.05, table.Find("PLE", "t", "mse", 1.0)!.MtlGain!.Value, 12);
    }

    [Fact]
    public void A_run_without_a_task_metric_is_refused()
    {
        var results = new ExperimentResults(Metrics, "Single");
        var error = Assert.Throws<ArgumentException>(() => results.Add(Run("PLE", 1, ("a", 0.8))));
        Assert.Contains("no test metric for task 'b'", error.Message);
    }

    [Fact]
    public void Utilization_and_curves_serialize_every_run()
    {
        var results = new ExperimentResults(new Dictionary<string, string> { ["a"] = "auc" }, "Single");
        var gates = new GateReport([new GateUtilization("gates.a.0", ["levels.0.shared.0", "levels.0.tasks.a.0"], [0.25, 0.75], [0.1, 0.1], 100)]);
        results.Add(Run("PLE", 1, ("a", 0.8)) with { GateReport = gates }, 0.5);
        results.Add(Run("Single", 1, ("a", 0.7)), 0.5);

        JsonArray utilization = results.ExpertUtilizationJson();
        JsonArray curves = results.TrainingCurvesJson();

        JsonNode ple = Assert.Single(utilization)!;
        Assert.Equal("PLE", ple["model"]!.GetValue<string>());
        Assert.Equal(0.5, ple["correlation"]!.GetValue<double>());
        Assert.Equal(0.75, ple["gates"]![0]!["experts"]![1]!["mean"]!.GetValue<double>());
        Assert.Equal(2, curves.Count);
        Assert.Equal(2, curves[0]!["epochs"]!.AsArray().Count);
        Assert.Equal(2, curves[0]!["best_epoch"]!.GetValue<int>());
        Assert.Equal(0.8, curves[0]!["epochs"]![1]!["validation"]!["a"]!.GetValue<double>());
    }

    private static SeedRun Run(string model, ulong seed, params (string Task, double Value)[] metrics)
    {
        Dictionary<string, double> test = metrics.ToDictionary(m => m.Task, m => m.Value);
        var epochs = new List<EpochResult>
        {
            new(0, 1.0, [1.0], test.ToDictionary(kv => kv.Key, kv => kv.Value - 0.1), 1000),
            new(1, 0.5, [0.5], test, 1000),
        };
        TaskMetric[] testMetrics = [.. metrics.Select(m => new TaskMetric(m.Task, TaskKind.Binary, "auc", m.Value, MetricDirection.HigherIsBetter))];
        return new SeedRun(model, seed, string.Empty, testMetrics, new TrainingHistory(epochs, 1, metrics[0].Value, false, false, MetricDirection.HigherIsBetter), null, TimeSpan.FromSeconds(1));
    }
}
