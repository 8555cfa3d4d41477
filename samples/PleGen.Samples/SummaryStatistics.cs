using System;
using System.Collections.Generic;

namespace PleGen.Samples;

/// <summary>The few descriptive statistics the samples report, computed in double.</summary>
public static class SummaryStatistics
{
    /// <summary>Arithmetic mean; throws on an empty list.</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        RequireValues(values, nameof(values));
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum / values.Count;
    }

    /// <summary>
    /// Sample standard deviation (n - 1 in the denominator: the seeds are a sample of possible runs).
    /// One value has no observable spread and gives 0.
    /// </summary>
    public static double SampleStd(IReadOnlyList<double> values)
    {
        double mean = Mean(values);
        if (values.Count == 1)
        {
            return 0;
        }

        double squares = 0;
        for (int i = 0; i < values.Count; i++)
        {
            double d = values[i] - mean;
            squares += d * d;
        }

        return Math.Sqrt(squares / (values.Count - 1));
    }

    /// <summary>Pearson correlation of two equally long series; 0 when either is constant.</summary>
    public static double PearsonCorrelation(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length || x.IsEmpty)
        {
            throw new ArgumentException($"Pearson correlation needs two non-empty series of equal length; got {x.Length} and {y.Length} values.");
        }

        double meanX = 0, meanY = 0;
        for (int i = 0; i < x.Length; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= x.Length;
        meanY /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0;
    }

    private static void RequireValues(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is needed (one per seed).", name);
        }
    }
}
