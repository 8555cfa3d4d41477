using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace PleGen.Runtime;

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
            if (tasks.Select(t => t.IsBinary).Distinct().Count() > 1)
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

    /// <summary>Trains on <paramref name="train"/>, validating on <paramref name="validation"/> after each epoch when given.</summary>
    public TrainingHistory Fit(TDataset train, TDataset? validation = default, CancellationToken cancellation = default)
    {
        int count = _session.Count(train);
        int tasks = _session.TaskInfos.Count;
        int batches = (count + _options.BatchSize - 1) / _options.BatchSize;
        int[] order = Enumerable.Range(0, count).ToArray();
        var shuffle = new RandomSource(_options.ShuffleSeed);
        double initialRate = _session.LearningRate;
        var history = new List<EpochResult>();
        var taskLosses = new float[tasks];
        bool kept = false;
        int bestEpoch = -1, sinceBest = 0;
        double bestMetric = double.NaN;
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
                _options.Progress?.Invoke(new TrainingProgress(epoch, _options.Epochs, b + 1, batches, rate,
                    TimeSpan.FromSeconds((samplesTotal - samplesDone) / Math.Max(rate, 1e-9)), total, (float[])taskLosses.Clone(), null));
            }

            if (cancelled)
            {
                break;
            }

            IReadOnlyDictionary<string, double> metrics = validation is null ? new Dictionary<string, double>() : Evaluate(validation);
            var result = new EpochResult(epoch, lossSum / count, taskSums.Select(s => s / count).ToArray(), metrics,
                count / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9));
            history.Add(result);
            _options.Progress?.Invoke(new TrainingProgress(epoch, _options.Epochs, batches, batches, result.SamplesPerSecond, TimeSpan.Zero,
                (float)result.TrainLoss, result.TrainTaskLosses.Select(v => (float)v).ToArray(), result));

            if (validation is null)
            {
                continue;
            }

            (double metric, bool higherIsBetter) = Monitored(metrics);
            bool improved = double.IsNaN(bestMetric) || (higherIsBetter ? metric > bestMetric : metric < bestMetric);
            if (improved)
            {
                bestMetric = metric;
                bestEpoch = epoch;
                sinceBest = 0;
                _session.KeepBestParameters();
                kept = true;
                if (_options.BestCheckpointPath is not null)
                {
                    _session.Save(_options.BestCheckpointPath);
                }
            }
            else if (_options.Patience > 0 && ++sinceBest >= _options.Patience)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (kept)
        {
            _session.RestoreBestParameters();
        }

        _session.Training = false;
        return new TrainingHistory(history, bestEpoch, bestMetric, stoppedEarly, cancelled);
    }

    private (double Metric, bool HigherIsBetter) Monitored(IReadOnlyDictionary<string, double> metrics)
    {
        if (MonitorIndex == AllTasksIndex)
        {
            return (_session.TaskInfos.Average(t => metrics[t.Name]), _session.TaskInfos[0].IsBinary);
        }

        TaskInfo monitored = _session.TaskInfos[MonitorIndex];
        return (metrics[monitored.Name], monitored.IsBinary);
    }

    /// <summary>Each task's metric on <paramref name="data"/> (AUC or MSE over the task's sample space), in evaluation mode.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(TDataset data) => Evaluation.Run(_session, data, _options.BatchSize);
}

/// <summary>Per-task metrics of a generated model on a data set.</summary>
public static class Evaluation
{
    /// <summary>AUC (binary) or MSE (regression) per task of a managed-flavor model, on each task's sample space, without recording a graph.</summary>
    public static IReadOnlyDictionary<string, double> Run<TDataset>(ITrainableModel<TDataset> model, TDataset data, int batchSize = 4096, BufferPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Run(ManagedTrainingSession<TDataset>.ForEvaluation(model, pool), data, batchSize);
    }

    /// <summary>AUC (binary) or MSE (regression) per task of a session's model, on each task's sample space, in evaluation mode.</summary>
    public static IReadOnlyDictionary<string, double> Run<TDataset>(ITrainingSession<TDataset> session, TDataset data, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int count = session.Count(data), tasks = session.TaskInfos.Count;
        var predictions = new float[tasks][];
        for (int t = 0; t < tasks; t++)
        {
            predictions[t] = new float[count];
        }

        bool training = session.Training;
        session.Training = false;
        int[] rows = Enumerable.Range(0, count).ToArray();
        var scratch = new float[tasks * Math.Min(batchSize, Math.Max(count, 1))];
        for (int start = 0; start < count; start += batchSize)
        {
            int n = Math.Min(batchSize, count - start);
            session.Predict(data, rows.AsSpan(start, n), scratch.AsSpan(0, tasks * n));
            for (int t = 0; t < tasks; t++)
            {
                scratch.AsSpan(t * n, n).CopyTo(predictions[t].AsSpan(start));
            }
        }

        session.Training = training;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int t = 0; t < tasks; t++)
        {
            TaskInfo task = session.TaskInfos[t];
            metrics[task.Name] = task.IsBinary
                ? Metrics.RocAuc(predictions[t], session.Labels(data, t), session.Mask(data, t))
                : Metrics.MeanSquaredError(predictions[t], session.Labels(data, t), session.Mask(data, t));
        }

        return metrics;
    }
}
