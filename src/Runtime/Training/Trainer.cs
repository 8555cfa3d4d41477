using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace PleGen.Runtime;

/// <summary>
/// Trains any generated model: epochs of seeded-shuffled mini-batches (each step inside a pooled
/// <see cref="TensorScope"/>), the loss weights of PLE Eq. 10 advanced per epoch, validation metrics per task
/// after every epoch (AUC for binary tasks, MSE for regression, on each task's sample space), early stopping on
/// a chosen task with the best parameters restored, progress reports and cancellation.
/// </summary>
public sealed class Trainer<TDataset>
{
    private readonly ITrainableModel<TDataset> _model;
    private readonly Optimizer _optimizer;
    private readonly TrainerOptions _options;
    private readonly BufferPool _pool = new();

    public Trainer(ITrainableModel<TDataset> model, Optimizer optimizer, TrainerOptions? options = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _options = options ?? new TrainerOptions();
        if (_options.Epochs < 1 || _options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Epochs and BatchSize must be at least 1.");
        }

        string monitor = _options.MonitorTask ?? model.TaskInfos[0].Name;
        if (monitor == TrainerOptions.AllTasks)
        {
            // A mean of AUCs or of MSEs means something; a mean of an AUC and an MSE does not.
            if (model.TaskInfos.Select(t => t.IsBinary).Distinct().Count() > 1)
            {
                throw new ArgumentException($"MonitorTask '{TrainerOptions.AllTasks}' averages the tasks' validation metrics, but this model mixes binary (AUC) and regression (MSE) tasks: {string.Join(", ", model.TaskInfos.Select(t => $"{t.Name} ({t.Metric})"))}. Monitor one task by name instead.", nameof(options));
            }

            MonitorIndex = AllTasksIndex;
            return;
        }

        MonitorIndex = model.TaskInfos.Select(t => t.Name).ToList().IndexOf(monitor);
        if (MonitorIndex < 0)
        {
            throw new ArgumentException($"MonitorTask '{monitor}' is not a task of the model; tasks: {string.Join(", ", model.TaskInfos.Select(t => t.Name))} (or '{TrainerOptions.AllTasks}' for their mean).", nameof(options));
        }
    }

    private const int AllTasksIndex = -1;

    private int MonitorIndex { get; }

    /// <summary>Trains on <paramref name="train"/>, validating on <paramref name="validation"/> after each epoch when given.</summary>
    public TrainingHistory Fit(TDataset train, TDataset? validation = default, CancellationToken cancellation = default)
    {
        int count = _model.Count(train);
        int tasks = _model.TaskInfos.Count;
        int batches = (count + _options.BatchSize - 1) / _options.BatchSize;
        int[] order = Enumerable.Range(0, count).ToArray();
        var shuffle = new RandomSource(_options.ShuffleSeed);
        double initialRate = _optimizer.LearningRate;
        var history = new List<EpochResult>();
        var taskLosses = new float[tasks];
        float[][]? best = null;
        int bestEpoch = -1, sinceBest = 0;
        double bestMetric = double.NaN;
        bool cancelled = false, stoppedEarly = false;
        var clock = Stopwatch.StartNew();
        long samplesDone = 0, samplesTotal = (long)count * _options.Epochs;

        for (int epoch = 0; epoch < _options.Epochs && !cancelled; epoch++)
        {
            shuffle.Shuffle(order.AsSpan());
            _model.Training = true;
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
                    _optimizer.LearningRate = _options.Schedule.LearningRate(epoch, b, batches, initialRate);
                }

                float total;
                using (new TensorScope(_pool))
                {
                    total = _model.TrainStep(train, rows, epoch, taskLosses);
                    _optimizer.Step();
                    _optimizer.ZeroGrad();
                }

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
                best = _model.Parameters.Select(p => p.Tensor.ToArray()).ToArray();
                if (_options.BestCheckpointPath is not null)
                {
                    _model.Save(_options.BestCheckpointPath);
                }
            }
            else if (_options.Patience > 0 && ++sinceBest >= _options.Patience)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (best is not null)
        {
            for (int i = 0; i < best.Length; i++)
            {
                best[i].CopyTo(_model.Parameters[i].Tensor.Data);
            }
        }

        _model.Training = false;
        return new TrainingHistory(history, bestEpoch, bestMetric, stoppedEarly, cancelled);
    }

    private (double Metric, bool HigherIsBetter) Monitored(IReadOnlyDictionary<string, double> metrics)
    {
        if (MonitorIndex == AllTasksIndex)
        {
            return (_model.TaskInfos.Average(t => metrics[t.Name]), _model.TaskInfos[0].IsBinary);
        }

        TaskInfo monitored = _model.TaskInfos[MonitorIndex];
        return (metrics[monitored.Name], monitored.IsBinary);
    }

    /// <summary>Each task's metric on <paramref name="data"/> (AUC or MSE over the task's sample space), in evaluation mode.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(TDataset data) => Evaluation.Run(_model, data, _options.BatchSize, _pool);
}

/// <summary>Per-task metrics of a generated model on a data set.</summary>
public static class Evaluation
{
    /// <summary>AUC (binary) or MSE (regression) per task, computed on each task's sample space, without recording a graph.</summary>
    public static IReadOnlyDictionary<string, double> Run<TDataset>(ITrainableModel<TDataset> model, TDataset data, int batchSize = 4096, BufferPool? pool = null)
    {
        pool ??= new BufferPool();
        int count = model.Count(data), tasks = model.TaskInfos.Count;
        var predictions = new float[tasks][];
        for (int t = 0; t < tasks; t++)
        {
            predictions[t] = new float[count];
        }

        bool training = model.Training;
        model.Training = false;
        int[] rows = Enumerable.Range(0, count).ToArray();
        var scratch = new float[tasks * batchSize];
        using (Autograd.NoGrad())
        {
            for (int start = 0; start < count; start += batchSize)
            {
                int n = Math.Min(batchSize, count - start);
                using (new TensorScope(pool))
                {
                    model.Predict(data, rows.AsSpan(start, n), scratch.AsSpan(0, tasks * n));
                }

                for (int t = 0; t < tasks; t++)
                {
                    scratch.AsSpan(t * n, n).CopyTo(predictions[t].AsSpan(start));
                }
            }
        }

        model.Training = training;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int t = 0; t < tasks; t++)
        {
            TaskInfo task = model.TaskInfos[t];
            metrics[task.Name] = task.IsBinary
                ? Metrics.RocAuc(predictions[t], model.Labels(data, t), model.Mask(data, t))
                : Metrics.MeanSquaredError(predictions[t], model.Labels(data, t), model.Mask(data, t));
        }

        return metrics;
    }
}
