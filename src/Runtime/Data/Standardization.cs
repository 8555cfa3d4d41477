using System;
using System.Collections.Generic;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Data;

/// <summary>
/// z-scoring of one numeric column with the training split's mean and population standard deviation (n in the
/// denominator, as scikit-learn's StandardScaler). A column that is constant on the training split
/// (<see cref="IsConstant"/>) only has its mean removed (divisor 1), so it never divides by zero.
/// </summary>
/// <param name="Column">The column standardized.</param>
/// <param name="Mean">The training mean.</param>
/// <param name="Std">The training population standard deviation (0 for a constant column).</param>
public sealed record Standardization(string Column, double Mean, double Std)
{
    /// <summary>Whether the training split had no spread in this column (std at most 1e-12 of max(1, |mean|)).</summary>
    public bool IsConstant => !(Std > 1e-12 * Math.Max(1.0, Math.Abs(Mean)));

    /// <summary>Fits mean and standard deviation on <paramref name="trainingRows"/> (all rows when null) of <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentException">No training rows.</exception>
    public static Standardization Fit(NumericColumn column, IReadOnlyList<int>? trainingRows = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        double[] values = Gather(column, trainingRows);
        if (values.Length == 0)
        {
            throw new ArgumentException($"Cannot standardize '{column.Name}': the training split is empty.", nameof(trainingRows));
        }

        // Two passes in double: columns such as capital gains reach 1e5, where one-pass float sums lose digits.
        double mean = TensorPrimitives.Sum<double>(values) / values.Length;
        TensorPrimitives.Subtract(values, mean, values);
        double variance = TensorPrimitives.SumOfSquares<double>(values) / values.Length;
        return new Standardization(column.Name, mean, Math.Sqrt(variance));
    }

    /// <summary>The standardized value (x - mean) / std, or x - mean for a constant column.</summary>
    public float Apply(double value) => (float)(IsConstant ? value - Mean : (value - Mean) / Std);

    /// <summary>The standardized <paramref name="rows"/> of <paramref name="column"/> (all rows when null), computed in double.</summary>
    public float[] Apply(NumericColumn column, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        double[] values = Gather(column, rows);
        TensorPrimitives.Subtract(values, Mean, values);
        if (!IsConstant)
        {
            TensorPrimitives.Divide(values, Std, values);
        }

        var result = new float[values.Length];
        TensorPrimitives.ConvertTruncating<double, float>(values, result); // (float)x: round to nearest
        return result;
    }

    private static double[] Gather(NumericColumn column, IReadOnlyList<int>? rows)
    {
        ReadOnlySpan<float> source = column.Values;
        if (rows is null)
        {
            var all = new double[source.Length];
            TensorPrimitives.ConvertChecked<float, double>(source, all);
            return all;
        }

        var values = new double[rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = source[rows[i]];
        }

        return values;
    }
}
