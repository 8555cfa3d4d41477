using System;

namespace PleGen.Runtime.Experiments;

/// <summary>One seed of a candidate, tried: exactly one of <see cref="Run"/> (it finished) and <see cref="Failure"/> (it failed) is set.</summary>
public sealed record SeedAttempt
{
    private SeedAttempt(SeedRun? run, FailedRun? failure) => (Run, Failure) = (run, failure);

    /// <summary>The finished run, or null when it failed.</summary>
    public SeedRun? Run { get; }

    /// <summary>The failure, or null when the run finished.</summary>
    public FailedRun? Failure { get; }

    /// <summary>The candidate's name.</summary>
    public string Model => Run?.Model ?? Failure!.Model;

    /// <summary>The seed.</summary>
    public ulong Seed => Run?.Seed ?? Failure!.Seed;

    /// <summary>Wall-clock time until it finished or failed.</summary>
    public TimeSpan Duration => Run?.Duration ?? Failure!.Duration;

    /// <summary>A run that finished.</summary>
    public static SeedAttempt Finished(SeedRun run) => new(run ?? throw new ArgumentNullException(nameof(run)), null);

    /// <summary>A run that failed.</summary>
    public static SeedAttempt Failed(FailedRun failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
