namespace PleGen.Samples.Reporting;

/// <summary>Which way a metric improves; decides the sign of the MTL gain.</summary>
public enum MetricDirection
{
    /// <summary>AUC, accuracy: larger is better.</summary>
    HigherIsBetter,

    /// <summary>MSE, log loss: smaller is better.</summary>
    LowerIsBetter,
}
