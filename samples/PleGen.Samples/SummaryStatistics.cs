using System;

namespace PleGen.Samples;

/// <summary>The statistics of the samples' data; the spread of a metric over seeds is the runtime's <c>SeedStatistics</c>.</summary>
public static class SummaryStatistics
{
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
}
