using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Data;

/// <summary>A column was asked for by name and the table has none of that name; the message lists the columns it has.</summary>
public sealed class ColumnNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception; <paramref name="neededFor"/> says who asked ("CsvOptions.Numeric", "dense feature 'user'").</summary>
    public ColumnNotFoundException(string source, string column, IReadOnlyList<string> available, string? neededFor = null)
        : base(Compose(source, column, available, neededFor))
    {
        DataSource = source;
        Column = column;
        Available = available;
        Suggestion = NameSuggestions.Closest(column, available);
    }

    /// <summary>The table's source (a file, or "in-memory columns").</summary>
    public string DataSource { get; }

    /// <summary>The column that is missing.</summary>
    public string Column { get; }

    /// <summary>The columns the table has.</summary>
    public IReadOnlyList<string> Available { get; }

    /// <summary>The existing column whose name is closest to <see cref="Column"/>, if one is close.</summary>
    public string? Suggestion { get; }

    private static string Compose(string source, string column, IReadOnlyList<string> available, string? neededFor) =>
        $"{source} has no column '{column}'{(neededFor is null ? string.Empty : $" (needed for {neededFor})")}. "
        + NameSuggestions.Describe(column, available);
}
