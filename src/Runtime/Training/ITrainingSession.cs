using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Training;

/// <summary>
/// A model together with its optimizer, on one backend, as the <see cref="Trainer{TDataset}"/> drives it. The trainer owns
/// the loop (epochs, shuffling, Eq. 10 epochs, validation, early stopping); a session owns what differs between backends:
/// how a step runs, where tensors live and how parameters are copied. The managed flavor's session is made by the
/// trainer from a model and an <see cref="Optimizer"/>; a TorchSharp model makes its own with <c>ForTrainer(optimizer)</c>.
/// Disposing a session frees what it keeps (a TorchSharp session's copy of the best parameters); the model stays.
/// </summary>
public interface ITrainingSession<TDataset> : IDisposable
{
    /// <summary>The declared tasks, in order.</summary>
    IReadOnlyList<TaskInfo> TaskInfos { get; }

    /// <summary>Training mode (dropout on) or evaluation mode.</summary>
    bool Training { get; set; }

    /// <summary>The optimizer's learning rate (a schedule sets it before every step).</summary>
    double LearningRate { get; set; }

    /// <summary>Number of samples in <paramref name="data"/>.</summary>
    int Count(TDataset data);

    /// <summary>
    /// One optimization step on the given rows: forward, joint loss at <paramref name="epoch"/>, backward, optimizer step,
    /// gradients cleared. Returns the total loss and writes each task's loss.
    /// </summary>
    float Step(TDataset data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses);

    /// <summary>Predictions (probabilities or values) for the rows without recording gradients, task-major: predictions[task * rows.Length + i].</summary>
    void Predict(TDataset data, ReadOnlySpan<int> rows, Span<float> predictions);

    /// <summary>All labels of a task.</summary>
    ReadOnlySpan<float> Labels(TDataset data, int task);

    /// <summary>The task's sample-space mask, or empty when every sample counts.</summary>
    ReadOnlySpan<float> Mask(TDataset data, int task);

    /// <summary>Keeps a copy of the current parameters as the best so far (replacing an earlier copy).</summary>
    void KeepBestParameters();

    /// <summary>Copies the kept parameters back into the model; does nothing when none were kept.</summary>
    void RestoreBestParameters();

    /// <summary>Writes the parameters as a safetensors checkpoint, atomically.</summary>
    void Save(string path);
}
