namespace PleGen.Samples.Reporting;

/// <summary>
/// MTL gain (PLE paper, Eq. 11): how much better a task does in a multi-task model than in the single-task
/// model. Oriented so that positive is always better: multi minus single for higher-is-better metrics (AUC),
/// single minus multi for lower-is-better metrics (MSE). A negative gain is negative transfer (the seesaw).
/// </summary>
public static class MtlGain
{
    /// <summary>The gain of <paramref name="multiTaskMean"/> over <paramref name="singleTaskMean"/>.</summary>
    public static double Compute(double multiTaskMean, double singleTaskMean, MetricDirection direction) =>
        direction == MetricDirection.HigherIsBetter ? multiTaskMean - singleTaskMean : singleTaskMean - multiTaskMean;
}
