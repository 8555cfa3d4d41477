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

    /// <summary>Throws with a message naming the setting when a value cannot work.</summary>
    /// <exception cref="ArgumentException">Epochs or BatchSize below 1, or a negative Patience.</exception>
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
    }
}
