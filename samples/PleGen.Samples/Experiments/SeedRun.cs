using System;
using System.Collections.Generic;
using PleGen.Runtime;

namespace PleGen.Samples.Experiments;

/// <summary>One trained model: its test metric per task, the training history and, for gated models, the gates' utilization on the test set.</summary>
/// <param name="Model">The model's reported name.</param>
/// <param name="Seed">The seed it was trained with.</param>
/// <param name="Label">What the run was about besides model and seed (e.g. "p = 0.5"), or empty.</param>
/// <param name="TestMetrics">Task name to test metric (AUC or MSE, on the task's sample space).</param>
/// <param name="History">Per-epoch losses and validation metrics; the best epoch's parameters were restored.</param>
/// <param name="GateReport">Mean/std weight per gate and expert on the test set, or null for models without gates.</param>
/// <param name="Duration">Wall-clock time of training and evaluation.</param>
public sealed record SeedRun(
    string Model,
    ulong Seed,
    string Label,
    IReadOnlyDictionary<string, double> TestMetrics,
    TrainingHistory History,
    GateReport? GateReport,
    TimeSpan Duration);
