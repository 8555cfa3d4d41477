using System;

namespace PleGen.Runtime.Metrics;

/// <summary>
/// Evaluation metrics, computed in double precision and equal to scikit-learn's: <see cref="RocAuc"/>,
/// <see cref="LogLoss"/>, <see cref="MeanSquaredError"/>, <see cref="Accuracy"/>, one file each. Every metric takes
/// an optional 0/1 mask to evaluate a task only on its own sample space (PLE Eq. 9), and rejects mismatched
/// lengths, NaN predictions and invalid labels with a message naming the sample.
/// </summary>
public static partial class Metrics
{
    /// <summary>
    /// Exact area under the ROC curve, equal to scikit-learn's roc_auc_score: samples ranked by score (descending),
    /// tied scores grouped into one ROC point, area by trapezoids, so a tie between a positive and a negative
    /// counts one half. O(n log n). Labels must be 0 or 1 with both classes present among the masked-in samples
    /// (scikit-learn raises in that case too); scores may be any non-NaN numbers (probabilities or logits).
    /// </summary>
    /// <param name="scores">One score per sample.</param>
    /// <param name="labels">One 0/1 label per sample.</param>
    /// <param name="mask">Optional 0/1 per sample: evaluate only where 1 (a task's sample space, PLE Eq. 9).</param>
    public static double RocAuc(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, ReadOnlySpan<float> mask = default)
    {
        const string metric = "RocAuc";
        int n = MetricInputs.Validate(metric, scores, labels, mask, LabelKind.Binary);
        var sortedScores = new float[n];
        var sortedLabels = new float[n];
        for (int i = 0, j = 0; i < scores.Length; i++)
        {
            if (MetricInputs.IsSelected(metric, mask, i))
            {
                sortedScores[j] = scores[i];
                sortedLabels[j] = labels[i];
                j++;
            }
        }

        Array.Sort(sortedScores, sortedLabels);

        // Walk from the highest score down, one tie group at a time. Counts and the doubled area are integers,
        // exact in double up to 2^53, so the only rounding is the final division.
        double positives = 0, negatives = 0, twiceArea = 0;
        for (int k = n - 1; k >= 0;)
        {
            float score = sortedScores[k];
            double groupPositives = 0, groupNegatives = 0;
            for (; k >= 0 && sortedScores[k] == score; k--)
            {
                if (sortedLabels[k] == 1f)
                {
                    groupPositives++;
                }
                else
                {
                    groupNegatives++;
                }
            }

            // Trapezoid from (negatives, positives) to (negatives + groupNegatives, positives + groupPositives).
            twiceArea += groupNegatives * ((2 * positives) + groupPositives);
            positives += groupPositives;
            negatives += groupNegatives;
        }

        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException(
                $"{metric}: only one class is present ({positives} positives, {negatives} negatives among {n} samples); ROC AUC is not defined then. Evaluate on data holding both classes.");
        }

        return twiceArea / (2 * positives * negatives);
    }
}
