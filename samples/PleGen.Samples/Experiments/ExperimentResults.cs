using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PleGen.Runtime;
using PleGen.Samples.Reporting;

namespace PleGen.Samples.Experiments;

/// <summary>
/// The finished runs of an experiment, turned into what the reports show: one result row per model, task (and
/// task correlation) with a value per seed and the MTL gain against the single-task model, the expert
/// utilization of the gated models, and the per-epoch training curves.
/// </summary>
public sealed class ExperimentResults
{
    private readonly List<(SeedRun Run, double? Correlation)> _runs = [];

    /// <summary>Creates an empty result set for tasks with the given metrics (task name to "auc" or "mse").</summary>
    public ExperimentResults(IReadOnlyDictionary<string, string> taskMetrics, string singleTaskModel)
    {
        ArgumentNullException.ThrowIfNull(taskMetrics);
        ArgumentException.ThrowIfNullOrWhiteSpace(singleTaskModel);
        TaskMetrics = taskMetrics;
        SingleTaskModel = singleTaskModel;
    }

    /// <summary>Task name to its metric.</summary>
    public IReadOnlyDictionary<string, string> TaskMetrics { get; }

    /// <summary>The model the MTL gain is measured against.</summary>
    public string SingleTaskModel { get; }

    /// <summary>The finished runs, in the order they finished.</summary>
    public IReadOnlyList<SeedRun> Runs => _runs.Select(r => r.Run).ToArray();

    /// <summary>Adds a finished run (with the task correlation of its synthetic data, if any).</summary>
    public void Add(SeedRun run, double? correlation = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (string task in TaskMetrics.Keys)
        {
            if (!run.TestMetrics.ContainsKey(task))
            {
                throw new ArgumentException($"Run {run.Model} (seed {run.Seed}) has no test metric for task '{task}'.", nameof(run));
            }
        }

        _runs.Add((run, correlation));
    }

    /// <summary>
    /// The result table: rows ordered by correlation, then model (in order of first appearance), then task; values
    /// in seed order; MTL gains (Eq. 11) against <see cref="SingleTaskModel"/>.
    /// </summary>
    public ResultTable Table()
    {
        var rows = new List<ResultRow>();
        double?[] correlations = _runs.Select(r => r.Correlation).Distinct().OrderBy(c => c ?? double.NegativeInfinity).ToArray();
        string[] models = _runs.Select(r => r.Run.Model).Distinct().ToArray();
        foreach (double? correlation in correlations)
        {
            foreach (string model in models)
            {
                SeedRun[] runs = _runs.Where(r => r.Correlation == correlation && r.Run.Model == model).Select(r => r.Run).OrderBy(r => r.Seed).ToArray();
                if (runs.Length == 0)
                {
                    continue;
                }

                foreach ((string task, string metric) in TaskMetrics)
                {
                    rows.Add(ResultRow.FromValues(model, task, metric, runs.Select(r => r.TestMetrics[task]).ToArray(), correlation));
                }
            }
        }

        return new ResultTable(rows).WithMtlGains(SingleTaskModel);
    }

    /// <summary>
    /// Expert utilization of every gated run as JSON: per model, seed (and correlation), per gate the experts with
    /// the mean and std of their weight on the test set.
    /// </summary>
    public JsonArray ExpertUtilizationJson()
    {
        var array = new JsonArray();
        foreach ((SeedRun run, double? correlation) in _runs.Where(r => r.Run.GateReport is not null))
        {
            var gates = new JsonArray();
            foreach (GateUtilization gate in run.GateReport!.Gates)
            {
                var experts = new JsonArray();
                for (int e = 0; e < gate.Experts.Count; e++)
                {
                    experts.Add(new JsonObject { ["expert"] = gate.Experts[e], ["mean"] = gate.Mean[e], ["std"] = gate.Std[e] });
                }

                gates.Add(new JsonObject { ["gate"] = gate.Gate, ["samples"] = gate.Samples, ["experts"] = experts });
            }

            JsonObject entry = RunKey(run, correlation);
            entry["gates"] = gates;
            array.Add(entry);
        }

        return array;
    }

    /// <summary>Per-epoch training loss and validation metrics of every run as JSON.</summary>
    public JsonArray TrainingCurvesJson()
    {
        var array = new JsonArray();
        foreach ((SeedRun run, double? correlation) in _runs)
        {
            var epochs = new JsonArray();
            foreach (EpochResult epoch in run.History.Epochs)
            {
                var validation = new JsonObject();
                foreach ((string task, double value) in epoch.Validation)
                {
                    validation[task] = value;
                }

                epochs.Add(new JsonObject
                {
                    ["epoch"] = epoch.Epoch + 1,
                    ["train_loss"] = epoch.TrainLoss,
                    ["validation"] = validation,
                    ["samples_per_second"] = Math.Round(epoch.SamplesPerSecond),
                });
            }

            JsonObject entry = RunKey(run, correlation);
            entry["best_epoch"] = run.History.BestEpoch + 1;
            entry["stopped_early"] = run.History.StoppedEarly;
            entry["seconds"] = Math.Round(run.Duration.TotalSeconds, 2);
            entry["epochs"] = epochs;
            array.Add(entry);
        }

        return array;
    }

    private static JsonObject RunKey(SeedRun run, double? correlation)
    {
        var key = new JsonObject { ["model"] = run.Model, ["seed"] = run.Seed };
        if (correlation is { } p)
        {
            key["correlation"] = p;
        }

        return key;
    }
}
