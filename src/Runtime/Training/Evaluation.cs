using System;
using System.Collections.Generic;
using System.Linq;

// Inside PleGen.Runtime, "Metrics" names the namespace; the class of metric functions needs its full name.
using MetricFunctions = PleGen.Runtime.Metrics.Metrics;

namespace PleGen.Runtime.Training;

/// <summary>
/// Per-task metrics of a generated model on a data set: AUC for binary tasks, MSE for regression, each over the task's
/// sample space. A task has no metric on data where that is undefined (no sample in its sample space, or for AUC only
/// one class among them): its value is NaN, so the other tasks are still evaluated.
/// </summary>
public static class Evaluation
{
    /// <summary>AUC (binary) or MSE (regression) per task of a managed-flavor model, on each task's sample space (NaN: no metric there), without recording a graph.</summary>
    public static IReadOnlyDictionary<string, double> Run<TDataset>(ITrainableModel<TDataset> model, TDataset data, int batchSize = 4096, BufferPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Run(ManagedTrainingSession<TDataset>.ForEvaluation(model, pool), data, batchSize);
    }

    /// <summary>
    /// AUC (binary) or MSE (regression) per task of a session's model, on each task's sample space, in evaluation mode
    /// (the session's mode is restored afterwards). NaN for a task without a metric on this data: no sample in its sample
    /// space, or for a binary task only one class among them.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Run<TDataset>(ITrainingSession<TDataset> session, TDataset data, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int count = session.Count(data), tasks = session.TaskInfos.Count;
        float[][] predictions = Predict(session, data, batchSize, count, tasks);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int t = 0; t < tasks; t++)
        {
            TaskInfo task = session.TaskInfos[t];
            ReadOnlySpan<float> labels = session.Labels(data, t), mask = session.Mask(data, t);
            if (labels.Length == count && !SampleSpace.Of(labels, mask).HasMetric(task.IsBinary))
            {
                metrics[task.Name] = double.NaN;
                continue;
            }

            metrics[task.Name] = task.IsBinary
                ? MetricFunctions.RocAuc(predictions[t], labels, mask)
                : MetricFunctions.MeanSquaredError(predictions[t], labels, mask);
        }

        return metrics;
    }

    /// <summary>Every task's predictions for every sample, in evaluation mode, task-major.</summary>
    private static float[][] Predict<TDataset>(ITrainingSession<TDataset> session, TDataset data, int batchSize, int count, int tasks)
    {
        float[][] predictions = [.. Enumerable.Range(0, tasks).Select(_ => new float[count])];
        bool training = session.Training;
        session.Training = false;
        try
        {
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
        }
        finally
        {
            session.Training = training;
        }

        return predictions;
    }
}
