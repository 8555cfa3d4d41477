using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Experiments;

/// <summary>The spread of a metric over seeds, computed in double.</summary>
public static class SeedStatistics
{
    /// <summary>Arithmetic mean.</summary>
    /// <exception cref="ArgumentException">There are no values.</exception>
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
    /// <exception cref="ArgumentException">There are no values.</exception>
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

    private static void RequireValues(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is needed (one per seed).", name);
        }
    }
}
