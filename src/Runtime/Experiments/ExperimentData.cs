using System;

namespace PleGen.Runtime.Experiments;

/// <summary>The three data sets of an experiment: training, validation (early stopping) and test (the reported metrics).</summary>
/// <param name="Train">What the models learn from.</param>
/// <param name="Validation">What early stopping watches; the best epoch on it is kept.</param>
/// <param name="Test">What the reported metrics and gate utilization are measured on.</param>
public sealed record ExperimentData<TDataset>(TDataset Train, TDataset Validation, TDataset Test)
{
    /// <summary>What the models learn from.</summary>
    public TDataset Train { get; init; } = Train ?? throw new ArgumentNullException(nameof(Train));

    /// <summary>What early stopping watches.</summary>
    public TDataset Validation { get; init; } = Validation ?? throw new ArgumentNullException(nameof(Validation), "An experiment needs validation data: early stopping chooses the best epoch on it.");

    /// <summary>What the reported metrics are measured on.</summary>
    public TDataset Test { get; init; } = Test ?? throw new ArgumentNullException(nameof(Test));
}
