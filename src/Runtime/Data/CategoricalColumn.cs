using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Data;

/// <summary>
/// A column of strings, dictionary-encoded: each row holds a code into <see cref="DistinctValues"/> (the column's distinct
/// values in order of first appearance). Codes belong to this column only; model ids come from a <see cref="CategoricalVocabulary"/>.
/// </summary>
public sealed class CategoricalColumn : DataColumn
{
    private readonly int[] _codes;
    private readonly string[] _distinct;

    /// <summary>Creates the column from one string per row.</summary>
    /// <exception cref="DataFormatException">A value is null.</exception>
    public CategoricalColumn(string name, IReadOnlyList<string> values)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        var encoder = new CategoricalEncoder();
        for (int i = 0; i < values.Count; i++)
        {
            encoder.Add(values[i] ?? throw DataFormatException.Empty("in-memory columns", name, i + 1, 0));
        }

        (_codes, _distinct) = encoder.Build();
    }

    /// <summary>Creates the column from codes into <paramref name="distinctValues"/> (both taken as they are, not copied).</summary>
    /// <exception cref="ArgumentException">A code is outside <paramref name="distinctValues"/>, or a distinct value repeats.</exception>
    public CategoricalColumn(string name, int[] codes, string[] distinctValues)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(distinctValues);
        if (new HashSet<string>(distinctValues, StringComparer.Ordinal).Count != distinctValues.Length)
        {
            throw new ArgumentException($"Column '{name}': the distinct values repeat a value; each must appear once.", nameof(distinctValues));
        }

        for (int i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)distinctValues.Length)
            {
                throw new ArgumentException($"Column '{name}' row {i + 1}: code {codes[i]} is outside [0, {distinctValues.Length}).", nameof(codes));
            }
        }

        _codes = codes;
        _distinct = distinctValues;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Categorical;

    /// <inheritdoc />
    public override int Length => _codes.Length;

    /// <summary>Per row, the index of its value in <see cref="DistinctValues"/>.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The distinct values of the column, in order of first appearance.</summary>
    public IReadOnlyList<string> DistinctValues => _distinct;

    /// <summary>The value of <paramref name="row"/>.</summary>
    public string this[int row] => _distinct[_codes[row]];

    /// <inheritdoc />
    public override DataColumn Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var codes = new int[rows.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = _codes[rows[i]];
        }

        return new CategoricalColumn(Name, codes, _distinct);
    }

    /// <inheritdoc />
    public override string Text(int row) => this[row];

    /// <summary>How many of <paramref name="rows"/> (all rows when null) hold each distinct value, indexed by code.</summary>
    public int[] CountCodes(IReadOnlyList<int>? rows = null)
    {
        var counts = new int[_distinct.Length];
        if (rows is null)
        {
            foreach (int code in _codes)
            {
                counts[code]++;
            }
        }
        else
        {
            foreach (int row in rows)
            {
                counts[_codes[row]]++;
            }
        }

        return counts;
    }
}
