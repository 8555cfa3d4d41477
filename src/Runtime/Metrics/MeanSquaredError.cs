using System;

namespace PleGen.Runtime.Metrics;

public static partial class Metrics
{
    /// <summary>Mean squared error in double, as scikit-learn's mean_squared_error.</summary>
    /// <param name="predictions">One prediction per sample.</param>
    /// <param name="targets">One finite target per sample.</param>
    /// <param name="mask">Optional 0/1 per sample: evaluate only where 1 (a task's sample space, PLE Eq. 9).</param>
    public static double MeanSquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, ReadOnlySpan<float> mask = default)
    {
        const string metric = "MeanSquaredError";
        int n = MetricInputs.Validate(metric, predictions, targets, mask, LabelKind.Real);
        double sum = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            if (MetricInputs.IsSelected(metric, mask, i))
            {
                double difference = (double)predictions[i] - targets[i];
                sum += difference * difference;
            }
        }

        return sum / n;
    }
}
