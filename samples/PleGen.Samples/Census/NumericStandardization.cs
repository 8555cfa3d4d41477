using System;
using System.Collections.Generic;

namespace PleGen.Samples.Census;

/// <summary>
/// z-scoring of one numeric column with the training split's mean and population standard deviation (n in the
/// denominator, as scikit-learn's StandardScaler). A column that is constant on the training split only has its
/// mean removed (divisor 1), so it never divides by zero.
/// </summary>
public sealed record NumericStandardization(string Column, double Mean, double Std)
{
    /// <summary>Whether the training split had no spread in this column.</summary>
    public bool IsConstant => !(Std > 1e-12 * Math.Max(1.0, Math.Abs(Mean)));

    /// <summary>Fits mean and standard deviation on the given rows (the training split) of a column.</summary>
    public static NumericStandardization Fit(string column, IReadOnlyList<double> values, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException($"Cannot standardize '{column}': the training split is empty.", nameof(rows));
        }

        // Two passes in double: the census columns reach 1e5 (capital gains), where one-pass sums lose digits.
        double sum = 0;
        foreach (int row in rows)
        {
            sum += values[row];
        }

        double mean = sum / rows.Count;
        double squares = 0;
        foreach (int row in rows)
        {
            double d = values[row] - mean;
            squares += d * d;
        }

        return new NumericStandardization(column, mean, Math.Sqrt(squares / rows.Count));
    }

    /// <summary>The standardized value (x - mean) / std, or x - mean for a constant column.</summary>
    public float Apply(double value) => (float)(IsConstant ? value - Mean : (value - Mean) / Std);
}
