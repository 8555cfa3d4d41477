using System;

namespace PleGen.Runtime.Experiments;

/// <summary>
/// MTL gain (PLE paper, Eq. 11): how much better a task does in a multi-task model than in the single-task model.
/// Eq. 11 writes it as multi minus single for a higher-is-better metric; it is oriented here so that positive is
/// always better: multi minus single when higher is better (AUC), single minus multi when lower is better (MSE).
/// A negative gain is negative transfer (the seesaw phenomenon).
/// </summary>
public static class MtlGain
{
    /// <summary>The gain (Eq. 11) of <paramref name="multiTaskMean"/> over <paramref name="singleTaskMean"/>; positive is better.</summary>
    public static double Compute(double multiTaskMean, double singleTaskMean, MetricDirection direction) => direction switch
    {
        MetricDirection.HigherIsBetter => multiTaskMean - singleTaskMean,
        MetricDirection.LowerIsBetter => singleTaskMean - multiTaskMean,
        _ => throw MetricDirections.Unknown(direction),
    };

    /// <summary>The gain (Eq. 11) of a multi-task model's mean over seeds against the single-task model's, for the same task and metric.</summary>
    /// <exception cref="ArgumentException">The summaries are of different tasks, metrics or directions.</exception>
    public static double Of(TaskMetricSummary multiTask, TaskMetricSummary singleTask)
    {
        ArgumentNullException.ThrowIfNull(multiTask);
        ArgumentNullException.ThrowIfNull(singleTask);
        if (multiTask.Task != singleTask.Task || multiTask.Metric != singleTask.Metric || multiTask.Direction != singleTask.Direction)
        {
            throw new ArgumentException($"The MTL gain compares one task's metric in two models; got {multiTask.Task} {multiTask.Metric} against {singleTask.Task} {singleTask.Metric}.", nameof(singleTask));
        }

        return Compute(multiTask.Mean, singleTask.Mean, multiTask.Direction);
    }
}
