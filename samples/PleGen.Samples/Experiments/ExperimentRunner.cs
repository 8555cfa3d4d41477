using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using PleGen.Runtime;

namespace PleGen.Samples.Experiments;

/// <summary>
/// Trains one model for one seed the way every model of a comparison is trained: the seed initializes the model
/// and shuffles the batches; early stopping watches the mean validation metric over all tasks (so no task is
/// favoured) and restores the best epoch; then the test set is scored and, for gated models, the gates' expert
/// utilization is recorded on it.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>
    /// <see cref="Run"/>, with the outcome recorded in <paramref name="results"/> and told to <paramref name="observer"/>:
    /// a run that throws (a diverging model's <c>NonFiniteLossException</c>, a native error...) is a failed run, and
    /// the experiment goes on with the next one instead of losing every finished run. Cancellation still ends it.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled before the run finished; the run is discarded.</exception>
    public static void RunAndRecord<TDataset>(
        ModelCandidate<TDataset> candidate,
        ulong seed,
        string label,
        double? correlation,
        (TDataset Train, TDataset Validation, TDataset Test) data,
        TrainingSettings settings,
        ExperimentResults results,
        IRunObserver observer,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(observer);
        var clock = Stopwatch.StartNew();
        SeedRun run;
        try
        {
            run = Run(candidate, seed, label, data.Train, data.Validation, data.Test, settings, observer, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The Trainer wraps a failure during Fit in a TrainingException (the model's state after it); the report
            // wants the cause: a diverged loss, a refused prediction.
            Exception cause = e is TrainingException { InnerException: { } inner } ? inner : e;
            var failed = new FailedRun(candidate.Name, seed, label, cause.Message, cause.GetType().Name, clock.Elapsed);
            results.AddFailure(failed, correlation);
            observer.RunFailed(failed);
            return;
        }

        results.Add(run, correlation);
        observer.RunFinished(run);
    }

    /// <summary>Trains and tests <paramref name="candidate"/> with <paramref name="seed"/> on the settings' backend.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the run finished; the run is discarded.</exception>
    /// <exception cref="NonFiniteMetricException">A test metric is NaN or infinite (the model diverged).</exception>
    public static SeedRun Run<TDataset>(
        ModelCandidate<TDataset> candidate,
        ulong seed,
        string label,
        TDataset train,
        TDataset validation,
        TDataset test,
        TrainingSettings settings,
        IRunObserver? observer = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        if (!candidate.StopsPerTask)
        {
            (TrainingHistory history, IReadOnlyDictionary<string, double> metrics, GateReport? gates, _) =
                TrainAndTest(candidate, seed, TrainerOptions.AllTasks, train, validation, test, settings, observer, cancellation);
            RequireFinite(metrics);
            return new SeedRun(candidate.Name, seed, label, metrics, history, gates, clock.Elapsed);
        }

        // One run per task, each monitoring its own task; a task's test metric comes from its own run. The first run
        // monitors the first task (MonitorTask null) and tells which tasks there are.
        var first = TrainAndTest(candidate, seed, null, train, validation, test, settings, observer, cancellation);
        string firstTask = first.Tasks[0].Name;
        var histories = new Dictionary<string, TrainingHistory>(StringComparer.Ordinal) { [firstTask] = first.History };
        var testMetrics = new Dictionary<string, double>(StringComparer.Ordinal) { [firstTask] = first.Metrics[firstTask] };
        foreach (TaskInfo task in first.Tasks.Skip(1))
        {
            var own = TrainAndTest(candidate, seed, task.Name, train, validation, test, settings, observer, cancellation);
            histories[task.Name] = own.History;
            testMetrics[task.Name] = own.Metrics[task.Name];
        }

        RequireFinite(testMetrics);
        return new SeedRun(candidate.Name, seed, label, testMetrics, first.History, first.Gates, clock.Elapsed, histories);
    }

    private static void RequireFinite(IReadOnlyDictionary<string, double> metrics)
    {
        foreach ((string task, double value) in metrics)
        {
            if (!double.IsFinite(value))
            {
                throw new NonFiniteMetricException(task, value);
            }
        }
    }

    /// <summary>One fresh model: trained with early stopping on <paramref name="monitor"/> (null: the first task), then scored on the test set.</summary>
    private static (TrainingHistory History, IReadOnlyDictionary<string, double> Metrics, GateReport? Gates, IReadOnlyList<TaskInfo> Tasks) TrainAndTest<TDataset>(
        ModelCandidate<TDataset> candidate,
        ulong seed,
        string? monitor,
        TDataset train,
        TDataset validation,
        TDataset test,
        TrainingSettings settings,
        IRunObserver? observer,
        CancellationToken cancellation)
    {
        using ModelRun<TDataset> run = candidate.Start(settings.Backend, seed, settings);
        var trainer = new Trainer<TDataset>(run.Session, new TrainerOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            ShuffleSeed = seed,
            MonitorTask = monitor,
            Patience = settings.Patience,
            Progress = observer is null ? null : observer.Progress,
        });

        TrainingHistory history = trainer.Fit(train, validation, cancellation);
        if (history.Cancelled)
        {
            throw new OperationCanceledException($"Training of {candidate.Name} (seed {seed}) was cancelled.", cancellation);
        }

        IReadOnlyDictionary<string, double> metrics = trainer.Evaluate(test);
        GateReport? gates = null;
        if (run.AttachGates is { } attach)
        {
            var statistics = new GateStatistics();
            attach(statistics);
            Evaluation.Run(run.Session, test, settings.BatchSize);
            attach(null);
            gates = statistics.Report();
        }

        return (history, metrics, gates, run.Session.TaskInfos);
    }
}
