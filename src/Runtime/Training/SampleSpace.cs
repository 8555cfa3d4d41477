using System;

namespace PleGen.Runtime.Training;

/// <summary>
/// A task's samples inside its sample space (PLE Eq. 9) on one data set: how many, and how many are labelled 1. A task's
/// metric is defined when there is a sample (and, for AUC, both classes); without one the task has no metric there.
/// </summary>
internal readonly record struct SampleSpace(int Samples, int Positives)
{
    public int Negatives => Samples - Positives;

    /// <summary>Counts the samples whose mask is not 0 (no mask: every sample), and among them the labels equal to 1.</summary>
    public static SampleSpace Of(ReadOnlySpan<float> labels, ReadOnlySpan<float> mask)
    {
        int samples = 0, positives = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (mask.IsEmpty || (i < mask.Length && mask[i] != 0f))
            {
                samples++;
                positives += labels[i] == 1f ? 1 : 0;
            }
        }

        return new SampleSpace(samples, positives);
    }

    /// <summary>Whether the task's metric (AUC for binary tasks, MSE otherwise) is defined on these samples.</summary>
    public bool HasMetric(bool binary) => Samples > 0 && (!binary || (Positives > 0 && Negatives > 0));
}
