using System;

namespace PleGen.Runtime.Metrics;

public static partial class Metrics
{
    /// <summary>
    /// Share of samples whose predicted class (1 when probability &gt;= <paramref name="threshold"/>, else 0) equals
    /// the 0/1 label, as scikit-learn's accuracy_score on thresholded predictions.
    /// </summary>
    /// <param name="probabilities">One probability of the positive class per sample.</param>
    /// <param name="labels">One 0/1 label per sample.</param>
    /// <param name="threshold">The decision threshold (0.5 by default).</param>
    /// <param name="mask">Optional 0/1 per sample: evaluate only where 1 (a task's sample space, PLE Eq. 9).</param>
    public static double Accuracy(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, float threshold = 0.5f, ReadOnlySpan<float> mask = default)
    {
        const string metric = "Accuracy";
        if (!float.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"{metric}: the threshold must be a finite number.");
        }

        int n = MetricInputs.Validate(metric, probabilities, labels, mask, LabelKind.Binary);
        int correct = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (MetricInputs.IsSelected(metric, mask, i) && (probabilities[i] >= threshold ? 1f : 0f) == labels[i])
            {
                correct++;
            }
        }

        return (double)correct / n;
    }
}
