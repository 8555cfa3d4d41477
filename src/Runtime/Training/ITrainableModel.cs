using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Training;

/// <summary>A task as the trainer sees it.</summary>
/// <param name="Name">Declared name.</param>
/// <param name="IsBinary">Binary (AUC, higher is better) or regression (MSE, lower is better).</param>
/// <param name="Masked">Whether the task has its own sample space.</param>
public sealed record TaskInfo(string Name, bool IsBinary, bool Masked)
{
    /// <summary>What the task predicts: <see cref="TaskKind.Binary"/> or <see cref="TaskKind.Regression"/>.</summary>
    public TaskKind Kind => IsBinary ? TaskKind.Binary : TaskKind.Regression;

    /// <summary>The validation metric of the task: "auc" or "mse".</summary>
    public string Metric => IsBinary ? "auc" : "mse";

    /// <summary>Which way <see cref="Metric"/> improves: AUC higher, MSE lower.</summary>
    public MetricDirection Direction => IsBinary ? MetricDirection.HigherIsBetter : MetricDirection.LowerIsBetter;
}

/// <summary>
/// What the <see cref="Trainer{TDataset}"/> needs from a generated model and its typed data set
/// (every generated model implements it for its own <c>Dataset</c>).
/// </summary>
public interface ITrainableModel<TDataset> : IMultiTaskModel
{
    /// <summary>The declared tasks, in order.</summary>
    IReadOnlyList<TaskInfo> TaskInfos { get; }

    /// <summary>Number of samples in <paramref name="data"/>.</summary>
    int Count(TDataset data);

    /// <summary>Forward, joint loss at <paramref name="epoch"/> and backward on the given rows; returns the total and writes each task's loss.</summary>
    float TrainStep(TDataset data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses);

    /// <summary>Predictions (probabilities or values) for the rows, task-major: predictions[task * rows.Length + i].</summary>
    void Predict(TDataset data, ReadOnlySpan<int> rows, Span<float> predictions);

    /// <summary>All labels of a task.</summary>
    ReadOnlySpan<float> Labels(TDataset data, int task);

    /// <summary>The task's sample-space mask, or empty when every sample counts.</summary>
    ReadOnlySpan<float> Mask(TDataset data, int task);
}
