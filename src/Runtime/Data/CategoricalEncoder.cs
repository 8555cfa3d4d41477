using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Data;

/// <summary>
/// Builds a <see cref="CategoricalColumn"/> row by row: codes in order of first appearance, looked up from spans so a
/// reader needs no string per cell for values it has seen.
/// </summary>
public sealed class CategoricalEncoder
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<int> _rows = new();
    private readonly List<string> _values = new();

    /// <summary>Creates an empty encoder.</summary>
    public CategoricalEncoder() => _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Rows added so far.</summary>
    public int Count => _rows.Count;

    /// <summary>Appends a row holding <paramref name="value"/>.</summary>
    public void Add(ReadOnlySpan<char> value)
    {
        if (!_lookup.TryGetValue(value, out int code))
        {
            code = _values.Count;
            string text = value.ToString();
            _values.Add(text);
            _codes.Add(text, code);
        }

        _rows.Add(code);
    }

    /// <summary>The column of the rows added so far.</summary>
    public CategoricalColumn ToColumn(string name)
    {
        (int[] codes, string[] values) = Build();
        return new CategoricalColumn(name, codes, values);
    }

    internal (int[] Codes, string[] Values) Build() => (_rows.ToArray(), _values.ToArray());
}
