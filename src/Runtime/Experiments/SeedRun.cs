using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Experiments;

/// <summary>One trained model: its test metric per task, the training history and, for gated models, the gates' utilization on the test set.</summary>
/// <param name="Model">The candidate's name.</param>
/// <param name="Seed">The seed it was trained with.</param>
/// <param name="Label">What the run was about besides model and seed (e.g. "p = 0.5"), or empty.</param>
/// <param name="TestMetrics">Every task's test metric (AUC or MSE, on the task's sample space), in the model's task order.</param>
/// <param name="History">Per-epoch losses and validation metrics; the best epoch's parameters were restored.</param>
/// <param name="GateReport">Mean/std weight per gate and expert on the test set, or null for models without gates.</param>
/// <param name="Duration">Wall-clock time of training and evaluation.</param>
/// <param name="TaskHistories">
/// For a model trained once per task (a single-task baseline stopping early on each task's own metric): each task's run,
/// whose test metric is that task's; null when one run served every task (then <paramref name="History"/> is it).
/// </param>
public sealed record SeedRun(
    string Model,
    ulong Seed,
    string Label,
    IReadOnlyList<TaskMetric> TestMetrics,
    TrainingHistory History,
    GateReport? GateReport,
    TimeSpan Duration,
    IReadOnlyDictionary<string, TrainingHistory>? TaskHistories = null)
{
    /// <summary>The test metric of <paramref name="task"/>.</summary>
    /// <exception cref="ArgumentException">The run has no task of that name.</exception>
    public TaskMetric TestMetric(string task) => TestMetrics.FirstOrDefault(m => m.Task == task)
        ?? throw new ArgumentException($"Run {Model} (seed {Seed}) has no test metric for task '{task}'; its tasks: {string.Join(", ", TestMetrics.Select(m => m.Task))}.", nameof(task));

    /// <summary>The run whose parameters produced <paramref name="task"/>'s test metric.</summary>
    public TrainingHistory HistoryFor(string task) => TaskHistories is not null && TaskHistories.TryGetValue(task, out TrainingHistory? own) ? own : History;
}
