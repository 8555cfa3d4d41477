using System;

namespace PleGen.Runtime.Metrics;

/// <summary>What a metric requires of its labels.</summary>
internal enum LabelKind
{
    /// <summary>0 or 1 (binary tasks).</summary>
    Binary,

    /// <summary>Any finite number (regression targets).</summary>
    Real,
}

/// <summary>
/// The checks every metric makes before computing anything: equal lengths, a 0/1 mask of the same length, no NaN
/// prediction, labels of the right kind, and at least one sample left after masking.
/// </summary>
internal static class MetricInputs
{
    /// <summary>Validates the inputs and returns the number of masked-in samples.</summary>
    public static int Validate(string metric, ReadOnlySpan<float> predictions, ReadOnlySpan<float> labels, ReadOnlySpan<float> mask, LabelKind labelKind)
    {
        if (predictions.Length != labels.Length)
        {
            throw new ArgumentException($"{metric}: {predictions.Length} predictions but {labels.Length} labels; pass one label per prediction.");
        }

        if (!mask.IsEmpty && mask.Length != predictions.Length)
        {
            throw new ArgumentException($"{metric}: {predictions.Length} predictions but the mask has {mask.Length} values; the mask needs one 0/1 value per sample (or pass none).");
        }

        int selected = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            if (!IsSelected(metric, mask, i))
            {
                continue;
            }

            if (float.IsNaN(predictions[i]))
            {
                throw new ArgumentException($"{metric}: the prediction of sample {i} is NaN; the model's outputs diverged or the input holds NaN.");
            }

            float label = labels[i];
            if (labelKind == LabelKind.Binary && label != 0f && label != 1f)
            {
                throw new ArgumentException($"{metric}: labels must be 0 or 1, but sample {i} has {label}.");
            }

            if (labelKind == LabelKind.Real && !float.IsFinite(label))
            {
                throw new ArgumentException($"{metric}: the target of sample {i} is {label}; targets must be finite numbers.");
            }

            selected++;
        }

        if (selected == 0)
        {
            throw new ArgumentException($"{metric}: no sample to evaluate ({predictions.Length} samples, {(mask.IsEmpty ? "no mask" : "all masked out")}).");
        }

        return selected;
    }

    /// <summary>Whether sample <paramref name="index"/> is in the task's sample space (no mask: every sample).</summary>
    public static bool IsSelected(string metric, ReadOnlySpan<float> mask, int index)
    {
        if (mask.IsEmpty)
        {
            return true;
        }

        float m = mask[index];
        if (m != 0f && m != 1f)
        {
            throw new ArgumentException($"{metric}: mask values must be 0 or 1 (PLE Eq. 9 sample spaces), but sample {index} has {m}.");
        }

        return m == 1f;
    }
}
