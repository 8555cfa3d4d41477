using System;

namespace PleGen.Runtime.Training;

/// <summary>How a <see cref="Trainer{TDataset}"/> trains.</summary>
public sealed record TrainerOptions
{
    /// <summary>Maximum number of epochs.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per mini-batch.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Seed of the per-epoch shuffling.</summary>
    public ulong ShuffleSeed { get; init; }

    /// <summary>Optional learning-rate schedule, asked before every optimizer step (per-epoch schedules keep one rate per epoch).</summary>
    public ILearningRateSchedule? Schedule { get; init; }

    /// <summary>
    /// Task whose validation metric drives early stopping and the best checkpoint (default: the first task).
    /// <see cref="AllTasks"/> monitors the mean of every task's metric instead (all tasks must share a metric).
    /// </summary>
    public string? MonitorTask { get; init; }

    /// <summary>The <see cref="MonitorTask"/> value that monitors the mean metric over all tasks.</summary>
    public const string AllTasks = "*";

    /// <summary>Epochs without improvement of the monitored metric before stopping; 0 disables early stopping.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>
    /// When set, the best model is also written there as a safetensors checkpoint after every improvement. The best epoch is
    /// chosen on validation data, so Fit then needs some, and it checks before the first step that the path can be written.
    /// </summary>
    public string? BestCheckpointPath { get; init; }

    /// <summary>Called after every mini-batch and every epoch.</summary>
    public Action<TrainingProgress>? Progress { get; init; }
}

/// <summary>A progress report: where training is, how fast, and the latest losses.</summary>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    int Batch,
    int Batches,
    double SamplesPerSecond,
    TimeSpan Remaining,
    float TotalLoss,
    float[] TaskLosses,
    EpochResult? CompletedEpoch);
