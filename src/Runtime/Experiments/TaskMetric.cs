using System;

namespace PleGen.Runtime.Experiments;

/// <summary>One task's metric on one data set: which task, what it predicts, which metric, its value and which way it improves.</summary>
/// <param name="Task">The task's declared name, e.g. "income".</param>
/// <param name="Kind">What the task predicts (binary or regression), which fixes its metric.</param>
/// <param name="Metric">The metric's name, e.g. "auc" or "mse" (<see cref="TaskInfo.Metric"/>).</param>
/// <param name="Value">The metric's value on the data set.</param>
/// <param name="Direction">Which way the metric improves.</param>
public sealed record TaskMetric(string Task, TaskKind Kind, string Metric, double Value, MetricDirection Direction)
{
    /// <summary>The metric the trainer computes for <paramref name="task"/> (AUC or MSE), with <paramref name="value"/>.</summary>
    public static TaskMetric Of(TaskInfo task, double value)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskMetric(task.Name, task.Kind, task.Metric, value, task.Direction);
    }
}
