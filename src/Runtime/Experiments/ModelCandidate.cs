using System;

namespace PleGen.Runtime.Experiments;

/// <summary>
/// One model of a comparison: the name the results use (e.g. "PLE") and how to start a freshly initialized run of it
/// for a seed. The backend and optimizer are the caller's choice, made inside <paramref name="Start"/>; the runner only
/// drives the session it returns.
/// </summary>
/// <param name="Name">The name the results use.</param>
/// <param name="Start">A new run initialized from the seed (a new model and optimizer every call).</param>
public sealed record ModelCandidate<TDataset>(string Name, Func<ulong, ModelRun<TDataset>> Start)
{
    /// <summary>The name the results use.</summary>
    public string Name { get; init; } = string.IsNullOrWhiteSpace(Name) ? throw new ArgumentException("A model candidate needs a non-empty name: the results are reported under it.", nameof(Name)) : Name;

    /// <summary>A new run initialized from the seed.</summary>
    public Func<ulong, ModelRun<TDataset>> Start { get; init; } = Start ?? throw new ArgumentNullException(nameof(Start));

    /// <summary>
    /// Trains one fresh model per task, each stopping early on its own task's validation metric, and scores each task
    /// with its own run: how a single-task baseline is compared fairly (its tasks share nothing, not even when to stop).
    /// </summary>
    public bool StopsPerTask { get; init; }
}
