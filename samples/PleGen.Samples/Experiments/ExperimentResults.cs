using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Models;
using PleGen.Runtime.Training;
using PleGen.Samples.Reporting;

namespace PleGen.Samples.Experiments;

/// <summary>
/// The runs of an experiment, finished or failed, turned into what the reports show: one result row per model, task
/// (and task correlation) with a value per finished seed and the MTL gain against the single-task model, the failed
/// runs with their errors, the status of every run, the expert utilization of the gated models, and the per-epoch
/// training curves.
/// </summary>
public sealed class ExperimentResults
{
    private readonly List<(SeedAttempt Attempt, double? Correlation)> _attempts = [];

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
    public IReadOnlyList<SeedRun> Runs => Finished().Select(f => f.Run).ToArray();

    /// <summary>The failed runs, in the order they failed.</summary>
    public IReadOnlyList<FailedRun> Failures => _attempts.Where(a => a.Attempt.Failure is not null).Select(a => a.Attempt.Failure!).ToArray();

    /// <summary>Adds a finished run (with the task correlation of its synthetic data, if any).</summary>
    public void Add(SeedRun run, double? correlation = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (string task in TaskMetrics.Keys)
        {
            if (!run.TestMetrics.Any(m => m.Task == task))
            {
                throw new ArgumentException($"Run {run.Model} (seed {run.Seed}) has no test metric for task '{task}'.", nameof(run));
            }
        }

        _attempts.Add((SeedAttempt.Finished(run), correlation));
    }

    /// <summary>
    /// An observer that adds every run that ends (finished or failed) to these results, with the task correlation of its
    /// data, as soon as it ends (so an interrupted experiment keeps what it finished), then tells <paramref name="display"/>.
    /// </summary>
    public IRunObserver Recording(double? correlation, IRunObserver display) => new ResultsRecorder(this, correlation, display);

    /// <summary>Adds a failed run (with the task correlation of its synthetic data, if any).</summary>
    public void AddFailure(FailedRun failure, double? correlation = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        _attempts.Add((SeedAttempt.Failed(failure), correlation));
    }

    /// <summary>
    /// The result table: rows ordered by correlation, then model (in order of first appearance, failed runs included),
    /// then task; values of the finished runs in seed order; MTL gains (Eq. 11) against <see cref="SingleTaskModel"/>
    /// from those values; the failed runs.
    /// </summary>
    public ResultTable Table()
    {
        var rows = new List<ResultRow>();
        double?[] correlations = _attempts.Select(a => a.Correlation).Distinct().OrderBy(c => c ?? double.NegativeInfinity).ToArray();
        string[] models = _attempts.Select(a => a.Attempt.Model).Distinct().ToArray();
        foreach (double? correlation in correlations)
        {
            foreach (string model in models)
            {
                SeedRun[] runs = Finished().Where(f => f.Correlation == correlation && f.Run.Model == model).Select(f => f.Run).OrderBy(r => r.Seed).ToArray();
                if (runs.Length == 0)
                {
                    continue;
                }

                foreach ((string task, string metric) in TaskMetrics)
                {
                    rows.Add(ResultRow.FromValues(model, task, metric, runs.Select(r => r.TestMetric(task).Value).ToArray(), correlation));
                }
            }
        }

        RunFailure[] failures = _attempts.Where(a => a.Attempt.Failure is not null).Select(a => new RunFailure(a.Attempt.Model, a.Attempt.Seed, a.Correlation, a.Attempt.Failure!.Error)).ToArray();
        return new ResultTable(rows, failures).WithMtlGains(SingleTaskModel);
    }

    /// <summary>
    /// Every run tried, in order, as JSON: model, seed (and correlation), "status" "finished" or "failed", seconds, and
    /// for a failed run its error and the error's type.
    /// </summary>
    public JsonArray RunsJson()
    {
        var array = new JsonArray();
        foreach ((SeedAttempt attempt, double? correlation) in _attempts)
        {
            JsonObject entry = RunKey(attempt.Model, attempt.Seed, correlation);
            entry["status"] = attempt.Run is not null ? "finished" : "failed";
            entry["seconds"] = Math.Round(attempt.Duration.TotalSeconds, 2);
            if (attempt.Failure is { } failure)
            {
                entry["error"] = failure.Error;
                entry["error_type"] = failure.ErrorType;
            }

            array.Add(entry);
        }

        return array;
    }

    /// <summary>
    /// Expert utilization of every gated run as JSON: per model, seed (and correlation), per gate the experts with
    /// the mean and std of their weight on the test set.
    /// </summary>
    public JsonArray ExpertUtilizationJson()
    {
        var array = new JsonArray();
        foreach ((SeedRun run, double? correlation) in Finished().Where(r => r.Run.GateReport is not null))
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

            JsonObject entry = RunKey(run.Model, run.Seed, correlation);
            entry["gates"] = gates;
            array.Add(entry);
        }

        return array;
    }

    /// <summary>Per-epoch training loss and validation metrics of every finished run as JSON.</summary>
    public JsonArray TrainingCurvesJson()
    {
        var array = new JsonArray();
        foreach ((SeedRun run, double? correlation) in Finished())
        {
            JsonArray epochs = EpochsJson(run.History);

            JsonObject entry = RunKey(run.Model, run.Seed, correlation);
            entry["best_epoch"] = run.History.BestEpoch + 1;
            entry["stopped_early"] = run.History.StoppedEarly;
            entry["seconds"] = Math.Round(run.Duration.TotalSeconds, 2);
            entry["epochs"] = epochs;
            if (run.TaskHistories is not null)
            {
                // One model per task: "epochs" above is the first task's run; every task's run is here.
                var perTask = new JsonObject();
                foreach ((string task, TrainingHistory history) in run.TaskHistories)
                {
                    perTask[task] = new JsonObject
                    {
                        ["best_epoch"] = history.BestEpoch + 1,
                        ["stopped_early"] = history.StoppedEarly,
                        ["epochs"] = EpochsJson(history),
                    };
                }

                entry["per_task_runs"] = perTask;
            }

            array.Add(entry);
        }

        return array;
    }

    private static JsonArray EpochsJson(TrainingHistory history)
    {
        var epochs = new JsonArray();
        foreach (EpochResult epoch in history.Epochs)
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

        return epochs;
    }

    private IEnumerable<(SeedRun Run, double? Correlation)> Finished() => _attempts.Where(a => a.Attempt.Run is not null).Select(a => (a.Attempt.Run!, a.Correlation));

    private static JsonObject RunKey(string model, ulong seed, double? correlation)
    {
        var key = new JsonObject { ["model"] = model, ["seed"] = seed };
        if (correlation is { } p)
        {
            key["correlation"] = p;
        }

        return key;
    }
}
