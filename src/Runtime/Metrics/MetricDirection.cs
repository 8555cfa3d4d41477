namespace PleGen.Runtime.Metrics;

/// <summary>
/// Which way a metric improves. It decides what early stopping keeps (<see cref="Trainer{TDataset}"/>), how
/// <see cref="TaskInfo.Direction"/> reads a task's validation metric, and the sign of the MTL gain
/// (<see cref="Experiments.MtlGain"/>).
/// </summary>
public enum MetricDirection
{
    /// <summary>AUC, accuracy: larger is better (a binary task's AUC).</summary>
    HigherIsBetter,

    /// <summary>MSE, log loss: smaller is better (a regression task's MSE).</summary>
    LowerIsBetter,
}
