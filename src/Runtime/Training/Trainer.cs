using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace PleGen.Runtime.Training;

/// <summary>
/// Trains any generated model, on either backend: epochs of seeded-shuffled mini-batches, the loss weights of PLE Eq. 10
/// advanced per epoch, validation metrics per task after every epoch (AUC for binary tasks, MSE for regression, on each
/// task's sample space), early stopping on a chosen task with the best parameters restored, progress reports and
/// cancellation. The loop is the same for every backend; an <see cref="ITrainingSession{TDataset}"/> runs the steps.
/// </summary>
public sealed class Trainer<TDataset>
{
    private readonly ITrainingSession<TDataset> _session;
    private readonly TrainerOptions _options;

    /// <summary>Trains a managed-flavor model with one of the engine's optimizers (each step in a pooled tensor scope).</summary>
    public Trainer(ITrainableModel<TDataset> model, Optimizer optimizer, TrainerOptions? options = null)
        : this(new ManagedTrainingSession<TDataset>(model ?? throw new ArgumentNullException(nameof(model)), optimizer ?? throw new ArgumentNullException(nameof(optimizer))), options)
    {
    }

    /// <summary>Trains through a session: a TorchSharp model's <c>ForTrainer(optimizer)</c>, or any other backend's.</summary>
    public Trainer(ITrainingSession<TDataset> session, TrainerOptions? options = null)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _options = options ?? new TrainerOptions();
        if (_options.Epochs < 1 || _options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Epochs and BatchSize must be at least 1.");
        }

        IReadOnlyList<TaskInfo> tasks = session.TaskInfos;
        string monitor = _options.MonitorTask ?? tasks[0].Name;
        if (monitor == TrainerOptions.AllTasks)
        {
            // A mean of AUCs or of MSEs means something; a mean of an AUC and an MSE does not.
            if (tasks.Select(t => t.Kind).Distinct().Count() > 1)
            {
                throw new ArgumentException($"MonitorTask '{TrainerOptions.AllTasks}' averages the tasks' validation metrics, but this model mixes binary (AUC) and regression (MSE) tasks: {string.Join(", ", tasks.Select(t => $"{t.Name} ({t.Metric})"))}. Monitor one task by name instead.", nameof(options));
            }

            MonitorIndex = AllTasksIndex;
            return;
        }

        MonitorIndex = tasks.Select(t => t.Name).ToList().IndexOf(monitor);
        if (MonitorIndex < 0)
        {
            throw new ArgumentException($"MonitorTask '{monitor}' is not a task of the model; tasks: {string.Join(", ", tasks.Select(t => t.Name))} (or '{TrainerOptions.AllTasks}' for their mean).", nameof(options));
        }
    }

    private const int AllTasksIndex = -1;

    private int MonitorIndex { get; }

    /// <summary>
    /// Trains on <paramref name="train"/>, validating on <paramref name="validation"/> after each epoch when given. The data
    /// is checked before the first step (<see cref="ArgumentException"/>, nothing trained). A task that has no metric on the
    /// validation data (no sample in its sample space, or one class only) gets NaN in <see cref="EpochResult.Validation"/>;
    /// the monitored task must have one. Fit leaves the model in evaluation mode whether it returns or throws; when training
    /// fails it throws a <see cref="TrainingException"/> (the failure as inner exception) after restoring the best
    /// parameters so far, if an epoch was validated.
    /// </summary>
    /// <exception cref="ArgumentException">The data cannot train or validate the model, or <see cref="TrainerOptions.BestCheckpointPath"/> cannot be written (or has no validation data to choose by).</exception>
    /// <exception cref="TrainingException">Training failed midway; the message says where and in which state the model is.</exception>
    public TrainingHistory Fit(TDataset train, TDataset? validation = default, CancellationToken cancellation = default)
    {
        try
        {
            CheckBeforeTraining(train, validation);
        }
        catch
        {
            _session.Training = false;
            throw;
        }

        var run = new Run(validation is not null);
        try
        {
            return Train(train, validation, cancellation, run);
        }
        catch (Exception e)
        {
            throw Failed(e, run);
        }
    }

    /// <summary>Each task's metric on <paramref name="data"/> (AUC or MSE over the task's sample space; NaN where it has none), in evaluation mode.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(TDataset data) => Evaluation.Run(_session, data, _options.BatchSize);

    private TrainingHistory Train(TDataset train, TDataset? validation, CancellationToken cancellation, Run run)
    {
        int count = _session.Count(train);
        int tasks = _session.TaskInfos.Count;
        int batches = (count + _options.BatchSize - 1) / _options.BatchSize;
        int[] order = Enumerable.Range(0, count).ToArray();
        var shuffle = new RandomSource(_options.ShuffleSeed);
        double initialRate = _session.LearningRate;
        var taskLosses = new float[tasks];
        int sinceBest = 0;
        bool cancelled = false, stoppedEarly = false;
        var clock = Stopwatch.StartNew();
        long samplesDone = 0, samplesTotal = (long)count * _options.Epochs;

        for (int epoch = 0; epoch < _options.Epochs && !cancelled; epoch++)
        {
            shuffle.Shuffle(order.AsSpan());
            _session.Training = true;
            var epochClock = Stopwatch.StartNew();
            double lossSum = 0;
            var taskSums = new double[tasks];
            for (int b = 0; b < batches; b++)
            {
                if (cancellation.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                (run.Epoch, run.Batch, run.Batches, run.Phase) = (epoch, b + 1, batches, Phase.Step);
                ReadOnlySpan<int> rows = order.AsSpan(b * _options.BatchSize, Math.Min(_options.BatchSize, count - (b * _options.BatchSize)));
                if (_options.Schedule is not null)
                {
                    _session.LearningRate = _options.Schedule.LearningRate(epoch, b, batches, initialRate);
                }

                float total = _session.Step(train, rows, epoch, taskLosses);

                lossSum += total * rows.Length;
                for (int t = 0; t < tasks; t++)
                {
                    taskSums[t] += taskLosses[t] * rows.Length;
                }

                samplesDone += rows.Length;
                double rate = samplesDone / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                run.Phase = Phase.BatchProgress;
                _options.Progress?.Invoke(new TrainingProgress(epoch, _options.Epochs, b + 1, batches, rate,
                    TimeSpan.FromSeconds((samplesTotal - samplesDone) / Math.Max(rate, 1e-9)), total, (float[])taskLosses.Clone(), null));
            }

            if (cancelled)
            {
                break;
            }

            run.Phase = Phase.Validating;
            IReadOnlyDictionary<string, double> metrics = validation is null ? new Dictionary<string, double>() : Evaluate(validation);
            var result = new EpochResult(epoch, lossSum / count, taskSums.Select(s => s / count).ToArray(), metrics,
                count / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9));
            run.Epochs.Add(result);
            run.Phase = Phase.EpochProgress;
            _options.Progress?.Invoke(new TrainingProgress(epoch, _options.Epochs, batches, batches, result.SamplesPerSecond, TimeSpan.Zero,
                (float)result.TrainLoss, result.TrainTaskLosses.Select(v => (float)v).ToArray(), result));

            if (validation is null)
            {
                continue;
            }

            double metric = Monitored(metrics);
            bool improved = double.IsNaN(run.BestMetric) || MonitoredDirection.IsBetter(metric, run.BestMetric);
            if (improved)
            {
                run.Phase = Phase.KeepingBest;
                _session.KeepBestParameters();
                (run.BestMetric, run.BestEpoch, run.Kept, sinceBest) = (metric, epoch, true, 0);
                if (_options.BestCheckpointPath is not null)
                {
                    run.Phase = Phase.SavingBest;
                    _session.Save(_options.BestCheckpointPath);
                }
            }
            else if (_options.Patience > 0 && ++sinceBest >= _options.Patience)
            {
                stoppedEarly = true;
                break;
            }
        }

        run.Phase = Phase.Restoring;
        if (run.Kept)
        {
            _session.RestoreBestParameters();
        }

        _session.Training = false;
        return new TrainingHistory(run.Epochs, run.BestEpoch, run.BestMetric, stoppedEarly, cancelled, MonitoredDirection);
    }

    /// <summary>Everything that can be checked before the first step, so a bad data set or option fails now, not after an epoch.</summary>
    private void CheckBeforeTraining(TDataset train, TDataset? validation)
    {
        ArgumentNullException.ThrowIfNull(train);
        bool[] monitored = [.. _session.TaskInfos.Select((_, t) => MonitorIndex == AllTasksIndex || t == MonitorIndex)];
        List<string> problems = TrainingDataChecks.Problems(_session, train, validation: false, monitored);
        if (validation is not null)
        {
            problems.AddRange(TrainingDataChecks.Problems(_session, validation, validation: true, monitored));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(TrainingDataChecks.Message(problems));
        }

        if (_options.BestCheckpointPath is not { } checkpoint)
        {
            return;
        }

        if (validation is null)
        {
            throw new ArgumentException($"TrainerOptions.BestCheckpointPath is set but no validation data was given: the best epoch is chosen on validation data. Pass validation data to Fit, or leave BestCheckpointPath unset and save the model after Fit. Nothing was trained.", "options");
        }

        try
        {
            SafeTensorsWriter.CheckWritable(checkpoint);
        }
        catch (CheckpointException e)
        {
            throw new ArgumentException($"TrainerOptions.BestCheckpointPath cannot be written, so training did not start: {e.Message}", "options", e);
        }
    }

    /// <summary>Puts the model in the state the exception describes: best parameters back if any, evaluation mode.</summary>
    private TrainingException Failed(Exception error, Run run)
    {
        string parameters;
        bool restored = false;
        if (!run.Kept)
        {
            string reason = run.Validating ? "no epoch had been validated yet" : "no validation data was given";
            parameters = $"with the parameters the failure left ({reason}, so there are no best parameters to restore)";
        }
        else
        {
            try
            {
                _session.RestoreBestParameters();
                restored = true;
                parameters = $"with the parameters of epoch {run.BestEpoch} ({MonitoredName} {run.BestMetric.ToString("G6", CultureInfo.InvariantCulture)}), the best so far, restored";
            }
            catch (Exception restoreError)
            {
                parameters = $"with the parameters the failure left (restoring those of the best epoch, {run.BestEpoch}, failed too: {restoreError.Message})";
            }
        }

        string mode = "in evaluation mode";
        try
        {
            _session.Training = false;
        }
        catch (Exception modeError)
        {
            mode = $"possibly still in training mode (switching to evaluation mode failed: {modeError.Message})";
        }

        string cause = error.Message.TrimEnd();
        string message = $"Training failed {Where(run)}: {cause}{(cause.EndsWith('.') ? "" : ".")} The model is {mode} {parameters}; " +
            $"the History of this exception holds the {run.Epochs.Count} completed epochs.";
        return new TrainingException(message, error, new TrainingHistory([.. run.Epochs], run.BestEpoch, run.BestMetric, StoppedEarly: false, Cancelled: false, MonitoredDirection), restored);
    }

    private string MonitoredName => MonitorIndex == AllTasksIndex
        ? "mean " + _session.TaskInfos[0].Metric
        : _session.TaskInfos[MonitorIndex].Name + " " + _session.TaskInfos[MonitorIndex].Metric;

    private double Monitored(IReadOnlyDictionary<string, double> metrics) => MonitorIndex == AllTasksIndex
        ? _session.TaskInfos.Average(t => metrics[t.Name])
        : metrics[_session.TaskInfos[MonitorIndex].Name];

    // With all tasks monitored they share one kind (checked in the constructor), so the first task's direction is theirs.
    private MetricDirection MonitoredDirection => _session.TaskInfos[MonitorIndex == AllTasksIndex ? 0 : MonitorIndex].Direction;

    /// <summary>Where a run was when it failed, as a failure message says it.</summary>
    private string Where(Run run)
    {
        string within = $"in epoch {run.Epoch} (counting from 0), at batch {run.Batch} of {run.Batches}";
        string after = $"after epoch {run.Epoch} (counting from 0)";
        return run.Phase switch
        {
            Phase.Step => within,
            Phase.BatchProgress => within + ", in the progress callback",
            Phase.Validating => after + ", validating",
            Phase.EpochProgress => after + ", in the progress callback",
            Phase.KeepingBest => after + ", keeping the best parameters",
            Phase.SavingBest => $"{after}, saving the best checkpoint to {_options.BestCheckpointPath}",
            _ => "at the end, restoring the best parameters",
        };
    }

    /// <summary>What a run is doing (set before each action, so a failure can say where it happened).</summary>
    private enum Phase
    {
        Step,
        BatchProgress,
        Validating,
        EpochProgress,
        KeepingBest,
        SavingBest,
        Restoring,
    }

    /// <summary>What a failure report needs: the completed epochs, the best so far, and what was being done.</summary>
    private sealed class Run(bool validating)
    {
        public bool Validating { get; } = validating;

        public List<EpochResult> Epochs { get; } = [];

        public bool Kept { get; set; }

        public int BestEpoch { get; set; } = -1;

        public double BestMetric { get; set; } = double.NaN;

        public int Epoch { get; set; }

        public int Batch { get; set; }

        public int Batches { get; set; }

        public Phase Phase { get; set; }
    }
}

