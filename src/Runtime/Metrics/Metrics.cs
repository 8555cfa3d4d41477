using System;

namespace PleGen.Runtime;

/// <summary>
/// Evaluation metrics computed in double precision. Each takes an optional 0/1 mask (PLE Eq. 9: evaluate a task
/// only on its own sample space).
/// </summary>
public static class Metrics
{
    /// <summary>
    /// Exact ROC AUC with ties, as scikit-learn's roc_auc_score: samples sorted by score, tied scores grouped into
    /// one ROC point, area by trapezoids. O(n log n). Labels must be 0 or 1 and both classes present.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, ReadOnlySpan<float> mask = default)
    {
        CheckLengths("RocAuc", scores.Length, labels.Length, mask.Length);
        int n = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (mask.IsEmpty || mask[i] != 0f)
            {
                n++;
            }
        }

        var s = new float[n];
        var y = new float[n];
        for (int i = 0, j = 0; i < scores.Length; i++)
        {
            if (!mask.IsEmpty && mask[i] == 0f)
            {
                continue;
            }

            if (float.IsNaN(scores[i]))
            {
                throw new ArgumentException($"RocAuc: the score of sample {i} is NaN.");
            }

            if (labels[i] != 0f && labels[i] != 1f)
            {
                throw new ArgumentException($"RocAuc: labels must be 0 or 1, but sample {i} has {labels[i]}.");
            }

            s[j] = scores[i];
            y[j] = labels[i];
            j++;
        }

        // Descending by score; labels ride along.
        Array.Sort(s, y);
        double positives = 0, negatives = 0;
        foreach (float label in y)
        {
            if (label == 1f)
            {
                positives++;
            }
            else
            {
                negatives++;
            }
        }

        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"RocAuc: only one class is present ({positives} positives, {negatives} negatives); ROC AUC is not defined in that case.");
        }

        double area = 0, tp = 0, fp = 0;
        int k = n - 1;
        while (k >= 0)
        {
            float score = s[k];
            double groupTp = 0, groupFp = 0;
            while (k >= 0 && s[k] == score)
            {
                if (y[k] == 1f)
                {
                    groupTp++;
                }
                else
                {
                    groupFp++;
                }

                k--;
            }

            // Trapezoid between (fp, tp) and (fp + groupFp, tp + groupTp).
            area += groupFp * (tp + (groupTp / 2));
            tp += groupTp;
            fp += groupFp;
        }

        return area / (positives * negatives);
    }

    /// <summary>
    /// Mean binary log loss of probabilities, as scikit-learn's log_loss with its default eps = 1e-15: each
    /// probability is clipped to [eps, 1 - eps] before taking logs.
    /// </summary>
    public static double LogLoss(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, ReadOnlySpan<float> mask = default)
    {
        CheckLengths("LogLoss", probabilities.Length, labels.Length, mask.Length);
        const double eps = 1e-15;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (!mask.IsEmpty && mask[i] == 0f)
            {
                continue;
            }

            if (float.IsNaN(probabilities[i]))
            {
                throw new ArgumentException($"LogLoss: the probability of sample {i} is NaN.");
            }

            double p = Math.Clamp(probabilities[i], eps, 1 - eps);
            sum -= (labels[i] * Math.Log(p)) + ((1 - labels[i]) * Math.Log(1 - p));
            count++;
        }

        return RequireSamples("LogLoss", count, sum);
    }

    /// <summary>Mean squared error.</summary>
    public static double MeanSquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, ReadOnlySpan<float> mask = default)
    {
        CheckLengths("MeanSquaredError", predictions.Length, targets.Length, mask.Length);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            if (!mask.IsEmpty && mask[i] == 0f)
            {
                continue;
            }

            double d = (double)predictions[i] - targets[i];
            sum += d * d;
            count++;
        }

        return RequireSamples("MeanSquaredError", count, sum);
    }

    /// <summary>Share of samples whose prediction (1 when probability &gt;= threshold) equals the label.</summary>
    public static double Accuracy(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, float threshold = 0.5f, ReadOnlySpan<float> mask = default)
    {
        CheckLengths("Accuracy", probabilities.Length, labels.Length, mask.Length);
        double correct = 0;
        int count = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (!mask.IsEmpty && mask[i] == 0f)
            {
                continue;
            }

            float predicted = probabilities[i] >= threshold ? 1f : 0f;
            correct += predicted == labels[i] ? 1 : 0;
            count++;
        }

        return RequireSamples("Accuracy", count, correct);
    }

    private static void CheckLengths(string metric, int predictions, int labels, int mask)
    {
        if (predictions != labels)
        {
            throw new ArgumentException($"{metric}: {predictions} predictions but {labels} labels.");
        }

        if (mask != 0 && mask != predictions)
        {
            throw new ArgumentException($"{metric}: {predictions} predictions but the mask has {mask} values.");
        }
    }

    private static double RequireSamples(string metric, int count, double sum)
    {
        if (count == 0)
        {
            throw new ArgumentException($"{metric}: no sample to evaluate (empty input or everything masked out).");
        }

        return sum / count;
    }
}
