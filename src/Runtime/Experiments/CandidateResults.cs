using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Experiments;

/// <summary>
/// Every seed of one candidate, tried in order: the finished runs, the failed ones with their errors, and each task's test
/// metric summarized (mean and std) over the finished seeds, so a failing seed costs its own result only.
/// </summary>
public sealed class CandidateResults
{
    /// <summary>Collects the attempts of <paramref name="model"/>, in the order they were tried.</summary>
    /// <exception cref="ArgumentException">An attempt is of another model.</exception>
    public CandidateResults(string model, IReadOnlyList<SeedAttempt> attempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(attempts);
        SeedAttempt? other = attempts.FirstOrDefault(a => a.Model != model);
        if (other is not null)
        {
            throw new ArgumentException($"The results of candidate '{model}' hold its own seeds only; seed {other.Seed} is of '{other.Model}'.", nameof(attempts));
        }

        Model = model;
        Attempts = [.. attempts];
        Runs = [.. attempts.Where(a => a.Run is not null).Select(a => a.Run!)];
        Failures = [.. attempts.Where(a => a.Failure is not null).Select(a => a.Failure!)];
        Summaries = Runs.Count == 0
            ? []
            : [.. Runs[0].TestMetrics.Select(m => TaskMetricSummary.Of([.. Runs.OrderBy(r => r.Seed).Select(r => r.TestMetric(m.Task))]))];
    }

    /// <summary>The candidate's name.</summary>
    public string Model { get; }

    /// <summary>Every seed tried, in order.</summary>
    public IReadOnlyList<SeedAttempt> Attempts { get; }

    /// <summary>The finished runs, in the order they were tried.</summary>
    public IReadOnlyList<SeedRun> Runs { get; }

    /// <summary>The failed runs, in the order they were tried.</summary>
    public IReadOnlyList<FailedRun> Failures { get; }

    /// <summary>Each task's test metric over the finished seeds (in seed order), in the model's task order; empty when every seed failed.</summary>
    public IReadOnlyList<TaskMetricSummary> Summaries { get; }

    /// <summary>The summary of <paramref name="task"/> over the finished seeds.</summary>
    /// <exception cref="InvalidOperationException">Every seed failed, so there is nothing to summarize.</exception>
    /// <exception cref="ArgumentException">The model has no task of that name.</exception>
    public TaskMetricSummary Summary(string task)
    {
        if (Summaries.Count == 0)
        {
            throw new InvalidOperationException($"Every seed of '{Model}' failed ({string.Join("; ", Failures.Select(f => $"seed {f.Seed}: {f.Error}"))}); there is no test metric to summarize.");
        }

        return Summaries.FirstOrDefault(s => s.Task == task)
            ?? throw new ArgumentException($"'{Model}' has no task '{task}'; its tasks: {string.Join(", ", Summaries.Select(s => s.Task))}.", nameof(task));
    }
}
