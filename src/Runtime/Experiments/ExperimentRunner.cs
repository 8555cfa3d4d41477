using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace PleGen.Runtime.Experiments;

/// <summary>
/// Trains every candidate of a comparison the same way, whatever its backend: the seed initializes the model (through
/// <see cref="ModelCandidate{TDataset}.Start"/>) and shuffles the batches; early stopping watches
/// <see cref="RunSettings.MonitorTask"/> (by default the mean validation metric over all tasks, so no task is
/// favoured), or each task's own metric for a candidate that
/// <see cref="ModelCandidate{TDataset}.StopsPerTask"/>, and restores the best epoch; then the test set is scored and,
/// for gated models, the gates' expert utilization is recorded on it. One runner holds what every run of a comparison
/// shares: the data, the settings and who follows the runs.
/// </summary>
public sealed class ExperimentRunner<TDataset>
{
    private readonly ExperimentData<TDataset> _data;
    private readonly RunSettings _settings;
    private readonly IRunObserver? _observer;

    /// <summary>Runs candidates on <paramref name="data"/> with <paramref name="settings"/>, telling <paramref name="observer"/> (optional) about every run.</summary>
    /// <exception cref="ArgumentException">Settings that cannot work.</exception>
    public ExperimentRunner(ExperimentData<TDataset> data, RunSettings settings, IRunObserver? observer = null)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        settings.Validate();
        _observer = observer;
    }

    /// <summary>
    /// Runs <paramref name="candidate"/> once per seed (<see cref="TryRun"/>): a seed that fails is reported in the
    /// results with its error while the other seeds still run, and each task is summarized over the finished seeds.
    /// </summary>
    /// <exception cref="ArgumentException">No seed, or a seed given twice.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the seeds that ended before were told to the observer.</exception>
    public CandidateResults RunSeeds(ModelCandidate<TDataset> candidate, IReadOnlyList<ulong> seeds, string label, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            throw new ArgumentException($"Candidate {candidate.Name} needs at least one seed to run.", nameof(seeds));
        }

        if (seeds.Distinct().Count() != seeds.Count)
        {
            throw new ArgumentException($"The seeds of {candidate.Name} repeat a value ({string.Join(", ", seeds)}): a repeated seed repeats its run exactly; give each seed once.", nameof(seeds));
        }

        var attempts = new List<SeedAttempt>(seeds.Count);
        foreach (ulong seed in seeds)
        {
            cancellation.ThrowIfCancellationRequested();
            attempts.Add(TryRun(candidate, seed, label, cancellation));
        }

        return new CandidateResults(candidate.Name, attempts);
    }

    /// <summary>
    /// <see cref="Run"/>, told to the observer (started, then finished or failed): a run that throws (a
    /// diverging model's <see cref="NonFiniteLossException"/>, a native error...) is a failed run, so an experiment goes on
    /// with the next one instead of losing every finished run. Cancellation still ends it.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled before the run finished; the run is discarded.</exception>
    public SeedAttempt TryRun(ModelCandidate<TDataset> candidate, ulong seed, string label, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(label);
        _observer?.RunStarted(candidate.Name, seed, label);
        var clock = Stopwatch.StartNew();
        SeedRun run;
        try
        {
            run = Run(candidate, seed, label, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The Trainer wraps a failure during Fit in a TrainingException (the model's state after it); the report
            // wants the cause: a diverged loss, a refused prediction.
            Exception cause = e is TrainingException { InnerException: { } inner } ? inner : e;
            var failed = new FailedRun(candidate.Name, seed, label, cause.Message, cause.GetType().Name, clock.Elapsed);
            _observer?.RunFailed(failed);
            return SeedAttempt.Failed(failed);
        }

        _observer?.RunFinished(run);
        return SeedAttempt.Finished(run);
    }

    /// <summary>Trains and tests <paramref name="candidate"/> with <paramref name="seed"/>; the observer sees the trainer's progress only.</summary>
    /// <exception cref="ArgumentException">Data the model cannot train on.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the run finished; the run is discarded.</exception>
    /// <exception cref="NonFiniteMetricException">A test metric is NaN or infinite (the model diverged).</exception>
    /// <exception cref="TrainingException">Training failed midway (a non-finite loss, say).</exception>
    public SeedRun Run(ModelCandidate<TDataset> candidate, ulong seed, string label, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(label);
        var clock = Stopwatch.StartNew();
        if (!candidate.StopsPerTask)
        {
            TrainedModel all = TrainAndTest(candidate, seed, _settings.MonitorTask, cancellation);
            RequireFinite(all.Metrics);
            return new SeedRun(candidate.Name, seed, label, all.Metrics, all.History, all.Gates, clock.Elapsed);
        }

        // One run per task, each monitoring its own task; a task's test metric comes from its own run. The first run
        // monitors the first task (MonitorTask null) and tells which tasks there are.
        TrainedModel first = TrainAndTest(candidate, seed, null, cancellation);
        TaskMetric firstMetric = first.Metrics[0];
        var histories = new Dictionary<string, TrainingHistory>(StringComparer.Ordinal) { [firstMetric.Task] = first.History };
        var testMetrics = new List<TaskMetric> { firstMetric };
        foreach (TaskMetric other in first.Metrics.Skip(1))
        {
            TrainedModel own = TrainAndTest(candidate, seed, other.Task, cancellation);
            histories[other.Task] = own.History;
            testMetrics.Add(own.Metrics.Single(m => m.Task == other.Task));
        }

        RequireFinite(testMetrics);
        return new SeedRun(candidate.Name, seed, label, testMetrics, first.History, first.Gates, clock.Elapsed, histories);
    }

    private static void RequireFinite(IReadOnlyList<TaskMetric> metrics)
    {
        TaskMetric? bad = metrics.FirstOrDefault(m => !double.IsFinite(m.Value));
        if (bad is not null)
        {
            throw new NonFiniteMetricException(bad.Task, bad.Value);
        }
    }

    /// <summary>One fresh model: trained with early stopping on <paramref name="monitor"/> (null: the first task), then scored on the test set.</summary>
    private TrainedModel TrainAndTest(ModelCandidate<TDataset> candidate, ulong seed, string? monitor, CancellationToken cancellation)
    {
        using ModelRun<TDataset> run = candidate.Start(seed)
            ?? throw new InvalidOperationException($"Candidate {candidate.Name} started no run for seed {seed}: its Start returned null; return a new ModelRun.");
        var trainer = new Trainer<TDataset>(run.Session, new TrainerOptions
        {
            Epochs = _settings.Epochs,
            BatchSize = _settings.BatchSize,
            ShuffleSeed = seed,
            MonitorTask = monitor,
            Patience = _settings.Patience,
            Progress = _observer is null ? null : _observer.Progress,
        });

        TrainingHistory history = trainer.Fit(_data.Train, _data.Validation, cancellation);
        if (history.Cancelled)
        {
            throw new OperationCanceledException($"Training of {candidate.Name} (seed {seed}) was cancelled.", cancellation);
        }

        IReadOnlyDictionary<string, double> values = trainer.Evaluate(_data.Test);
        TaskMetric[] metrics = [.. run.Session.TaskInfos.Select(t => TaskMetric.Of(t, values[t.Name]))];
        GateReport? gates = null;
        if (run.AttachGates is { } attach)
        {
            var statistics = new GateStatistics();
            attach(statistics);
            Evaluation.Run(run.Session, _data.Test, _settings.BatchSize);
            attach(null);
            gates = statistics.Report();
        }

        return new TrainedModel(history, metrics, gates);
    }

    /// <summary>What one trained model gave: its history, every task's test metric and its gates' utilization (null without gates).</summary>
    private sealed record TrainedModel(TrainingHistory History, IReadOnlyList<TaskMetric> Metrics, GateReport? Gates);
}
