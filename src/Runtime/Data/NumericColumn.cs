using System;
using System.Collections.Generic;
using System.Globalization;

namespace PleGen.Runtime.Data;

/// <summary>A column of finite numbers (stored as <see cref="float"/>).</summary>
public sealed class NumericColumn : DataColumn
{
    private readonly float[] _values;

    /// <summary>Creates the column over <paramref name="values"/> (not copied: do not change the array afterwards).</summary>
    /// <exception cref="DataFormatException">A value is NaN or infinite.</exception>
    public NumericColumn(string name, float[] values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw DataFormatException.NotANumber("in-memory columns", name, i + 1, 0, values[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        _values = values;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <inheritdoc />
    public override int Length => _values.Length;

    /// <summary>The values, one per row.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>The value of <paramref name="row"/>.</summary>
    public float this[int row] => _values[row];

    /// <inheritdoc />
    public override DataColumn Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new float[rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _values[rows[i]];
        }

        return new NumericColumn(Name, values);
    }

    /// <inheritdoc />
    public override string Text(int row) => _values[row].ToString(CultureInfo.InvariantCulture);
}
