using System.Collections.Generic;

namespace PleGen.Runtime.Data;

/// <summary>How <see cref="DataTable.ReadParquet(string, ParquetReadOptions?)"/> reads a Parquet file.</summary>
public sealed record ParquetReadOptions
{
    /// <summary>The columns to load (each must exist); null loads every column. Default null.</summary>
    public IReadOnlyCollection<string>? Columns { get; init; }

    /// <summary>
    /// Numeric (or boolean) columns to read as categories, their values written in the invariant culture (coded
    /// categories such as an industry code). String columns are always categorical, number columns numeric otherwise.
    /// </summary>
    public IReadOnlyCollection<string> Categorical { get; init; } = [];

    /// <summary>The category a null cell of a categorical column becomes; null (the default) makes a null cell an error.</summary>
    public string? EmptyCategory { get; init; }
}
