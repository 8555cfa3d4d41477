using System;

namespace PleGen.Runtime.Experiments;

/// <summary>How the <see cref="ExperimentRunner{TDataset}"/> trains every candidate: the same for each, so the comparison is fair.</summary>
public sealed record RunSettings
{
    /// <summary>Maximum epochs per run.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Samples per mini-batch (also the evaluation batch size).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Epochs without improvement of the monitored validation metric before stopping; 0 trains every epoch.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>
    /// What early stopping watches for a candidate trained once for all its tasks: by default
    /// <see cref="TrainerOptions.AllTasks"/>, the mean validation metric over the tasks (so no task is favoured; they must
    /// share a metric), or one task's name, for a model mixing binary and regression tasks. A candidate that
    /// <see cref="ModelCandidate{TDataset}.StopsPerTask"/> watches each task's own metric whatever this says.
    /// </summary>
    public string MonitorTask { get; init; } = TrainerOptions.AllTasks;

    /// <summary>Throws with a message naming the setting when a value cannot work.</summary>
    /// <exception cref="ArgumentException">Epochs or BatchSize below 1, a negative Patience, or no MonitorTask.</exception>
    public void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentException($"RunSettings.Epochs must be at least 1 (got {Epochs}).");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"RunSettings.BatchSize must be at least 1 (got {BatchSize}).");
        }

        if (Patience < 0)
        {
            throw new ArgumentException($"RunSettings.Patience must be 0 (off) or more (got {Patience}).");
        }

        if (string.IsNullOrWhiteSpace(MonitorTask))
        {
            throw new ArgumentException($"RunSettings.MonitorTask must name a task, or be '{TrainerOptions.AllTasks}' for the mean over all tasks.");
        }
    }
}
