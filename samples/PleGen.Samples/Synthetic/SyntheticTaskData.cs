using System;

namespace PleGen.Samples.Synthetic;

/// <summary>Generated samples: inputs x row-major [Count, Dimension] and the two regression labels.</summary>
public sealed class SyntheticTaskData
{
    internal SyntheticTaskData(long firstSample, int dimension, double correlation, float[] features, float[] y1, float[] y2)
    {
        FirstSample = firstSample;
        Dimension = dimension;
        Correlation = correlation;
        Features = features;
        Y1 = y1;
        Y2 = y2;
    }

    /// <summary>Index of the first sample in the generator's sample sequence.</summary>
    public long FirstSample { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>The task correlation p the data was generated with.</summary>
    public double Correlation { get; }

    /// <summary>Samples.</summary>
    public int Count => Y1.Length;

    /// <summary>x, row-major [Count, Dimension].</summary>
    public float[] Features { get; }

    /// <summary>Task 1's label.</summary>
    public float[] Y1 { get; }

    /// <summary>Task 2's label.</summary>
    public float[] Y2 { get; }

    /// <summary>The Pearson correlation of the two labels on these samples (rises with p; equals neither p nor 1 exactly).</summary>
    public double LabelCorrelation() => SummaryStatistics.PearsonCorrelation(Y1, Y2);

    /// <summary>One sample's input row.</summary>
    public ReadOnlySpan<float> Row(int sample) => Features.AsSpan(sample * Dimension, Dimension);
}
