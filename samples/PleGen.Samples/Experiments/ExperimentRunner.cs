using System;
using System.Collections.Generic;
using System.Diagnostics;
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
    /// <summary>Trains and tests <paramref name="candidate"/> with <paramref name="seed"/> on the settings' backend.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the run finished; the run is discarded.</exception>
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
        using ModelRun<TDataset> run = candidate.Start(settings.Backend, seed, settings);
        var trainer = new Trainer<TDataset>(run.Session, new TrainerOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            ShuffleSeed = seed,
            MonitorTask = TrainerOptions.AllTasks,
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

        return new SeedRun(candidate.Name, seed, label, metrics, history, gates, clock.Elapsed);
    }
}
