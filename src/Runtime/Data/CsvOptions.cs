using System.Collections.Generic;

namespace PleGen.Runtime.Data;

/// <summary>How <see cref="DataTable.ReadCsv(string, CsvOptions?)"/> reads a CSV file (RFC 4180 quoting, through CsvHelper).</summary>
public sealed record CsvOptions
{
    /// <summary>The field separator. Default ",".</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>Whether the first record holds the column names. Default true.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The column names of a file without a header (<see cref="HasHeader"/> false), one per field, in file order.</summary>
    public IReadOnlyList<string>? ColumnNames { get; init; }

    /// <summary>Columns parsed as numbers (invariant culture); every other loaded column is categorical (strings). Default none.</summary>
    public IReadOnlyCollection<string> Numeric { get; init; } = [];

    /// <summary>The columns to load (each must exist); null loads every column. Default null.</summary>
    public IReadOnlyCollection<string>? Columns { get; init; }

    /// <summary>Whether spaces around fields (outside quotes) are removed. Default true.</summary>
    public bool TrimFields { get; init; } = true;

    /// <summary>
    /// The category an empty cell of a categorical column becomes (e.g. "unknown"); null (the default) makes an empty cell an
    /// error. An empty numeric cell is always an error.
    /// </summary>
    public string? EmptyCategory { get; init; }
}
