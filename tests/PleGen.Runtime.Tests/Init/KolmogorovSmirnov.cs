using System;
using System.Linq;

namespace PleGen.Runtime.Tests.Init;

/// <summary>Kolmogorov-Smirnov distances and their 1% critical values, for distribution checks of initializers.</summary>
internal static class KolmogorovSmirnov
{
    /// <summary>c(alpha) for alpha = 0.01: reject when D exceeds c * sqrt(1 / n) (or sqrt((n + m) / (n m))).</summary>
    private const double CriticalCoefficient = 1.63;

    /// <summary>The largest distance between the empirical CDF of <paramref name="sample"/> and <paramref name="cdf"/>.</summary>
    public static double Distance(float[] sample, Func<double, double> cdf)
    {
        double[] sorted = [.. sample.Select(v => (double)v).Order()];
        double d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / sorted.Length) - f, f - ((double)i / sorted.Length)));
        }

        return d;
    }

    /// <summary>The largest distance between the empirical CDFs of two samples.</summary>
    public static double Distance(float[] first, float[] second)
    {
        float[] a = [.. first.Order()], b = [.. second.Order()];
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            float x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == x)
            {
                i++;
            }

            while (j < b.Length && b[j] == x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return d;
    }

    public static double Critical(int n) => CriticalCoefficient / Math.Sqrt(n);

    public static double Critical(int n, int m) => CriticalCoefficient * Math.Sqrt((double)(n + m) / ((double)n * m));

    /// <summary>The standard normal CDF, from erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static readonly double[] ErfcCoefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double polynomial = 0;
        for (int k = ErfcCoefficients.Length - 1; k >= 0; k--)
        {
            polynomial = (polynomial * t) + ErfcCoefficients[k];
        }

        double r = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
