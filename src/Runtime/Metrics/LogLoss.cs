using System;

namespace PleGen.Runtime.Metrics;

public static partial class Metrics
{
    /// <summary>
    /// Log-loss clipping: probabilities are clipped to [eps, 1 - eps] with eps = float32's machine epsilon (2^-23),
    /// which is what scikit-learn's log_loss does by default (eps = "auto": the epsilon of the predictions' dtype)
    /// for float32 predictions. A certain but wrong prediction therefore costs -ln(2^-23) ~ 15.9, not infinity.
    /// </summary>
    public const double LogLossEpsilon = 1.0 / (1 << 23);

    /// <summary>
    /// Mean binary log loss (cross-entropy) of probabilities, as scikit-learn's log_loss: each probability clipped
    /// to [<see cref="LogLossEpsilon"/>, 1 - <see cref="LogLossEpsilon"/>], then -(y ln p + (1 - y) ln(1 - p))
    /// averaged, in double. Labels must be 0 or 1; probabilities must lie in [0, 1] (pass sigmoid(logit), not the
    /// logit: scikit-learn would clip a logit silently).
    /// </summary>
    /// <param name="probabilities">One probability of the positive class per sample.</param>
    /// <param name="labels">One 0/1 label per sample.</param>
    /// <param name="mask">Optional 0/1 per sample: evaluate only where 1 (a task's sample space, PLE Eq. 9).</param>
    public static double LogLoss(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, ReadOnlySpan<float> mask = default)
    {
        const string metric = "LogLoss";
        int n = MetricInputs.Validate(metric, probabilities, labels, mask, LabelKind.Binary);
        double sum = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (!MetricInputs.IsSelected(metric, mask, i))
            {
                continue;
            }

            float p = probabilities[i];
            if (!(p >= 0f && p <= 1f))
            {
                throw new ArgumentException($"{metric}: sample {i} has probability {p}, outside [0, 1]; pass probabilities (apply a sigmoid to logits).");
            }

            double clipped = Math.Clamp(p, LogLossEpsilon, 1 - LogLossEpsilon);
            sum -= labels[i] == 1f ? Math.Log(clipped) : Math.Log(1 - clipped);
        }

        return sum / n;
    }
}
