using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Data;

/// <summary>One named column of a <see cref="DataTable"/>: <see cref="NumericColumn"/> or <see cref="CategoricalColumn"/>.</summary>
public abstract class DataColumn
{
    private protected DataColumn(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The column's name, as the table's header has it and as declarations and mappings refer to it.</summary>
    public string Name { get; }

    /// <summary>Numeric or categorical.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Rows in the column.</summary>
    public abstract int Length { get; }

    /// <summary>The column restricted to <paramref name="rows"/> (0-based indices, in that order).</summary>
    public abstract DataColumn Select(IReadOnlyList<int> rows);

    /// <summary>The value of <paramref name="row"/> as text (numbers in the invariant culture).</summary>
    public abstract string Text(int row);

    /// <summary>"numeric column 'age'" / "categorical column 'education'", as messages name it.</summary>
    public override string ToString() => $"{(Kind == ColumnKind.Numeric ? "numeric" : "categorical")} column '{Name}'";
}
