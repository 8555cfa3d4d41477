using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PleGen.Runtime.Data;

/// <summary>
/// A table of named columns of equal length, numeric or categorical, read from CSV (<see cref="ReadCsv(string, CsvOptions?)"/>),
/// Parquet (<see cref="ReadParquet(string, ParquetReadOptions?)"/>) or built from in-memory columns. Each row remembers where it
/// came from (its 1-based data row and, for text files, its line), so errors after a split still name the row in the file.
/// </summary>
public sealed class DataTable
{
    /// <summary>The source name of tables built from in-memory columns.</summary>
    public const string InMemory = "in-memory columns";

    private readonly DataColumn[] _columns;
    private readonly Dictionary<string, DataColumn> _byName;
    private readonly int[]? _rowNumbers;
    private readonly int[]? _lines;

    /// <summary>Creates a table from in-memory columns (at least one, equal lengths, distinct names).</summary>
    /// <exception cref="ArgumentException">No columns, lengths differ, or a name repeats.</exception>
    public DataTable(IEnumerable<DataColumn> columns, string source = InMemory)
        : this(columns?.ToArray() ?? throw new ArgumentNullException(nameof(columns)), source, null, null)
    {
    }

    internal DataTable(DataColumn[] columns, string source, int[]? rowNumbers, int[]? lines)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (columns.Length == 0)
        {
            throw new ArgumentException($"{source}: a table needs at least one column.", nameof(columns));
        }

        _byName = new Dictionary<string, DataColumn>(StringComparer.Ordinal);
        foreach (DataColumn column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            if (!_byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"{source}: two columns are named '{column.Name}'; column names must be unique.", nameof(columns));
            }

            if (column.Length != columns[0].Length)
            {
                throw new ArgumentException($"{source}: column '{column.Name}' has {column.Length} rows but '{columns[0].Name}' has {columns[0].Length}; every column needs one value per row.", nameof(columns));
            }
        }

        _columns = columns;
        Source = source;
        RowCount = columns[0].Length;
        _rowNumbers = rowNumbers;
        _lines = lines;
    }

    /// <summary>Where the rows come from: a file path, or <see cref="InMemory"/>.</summary>
    public string Source { get; }

    /// <summary>Rows in the table.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in table order.</summary>
    public IReadOnlyList<DataColumn> Columns => _columns;

    /// <summary>The column names, in table order.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToArray();

    /// <summary>Reads a CSV file (plain, or gzip: a ".gz" name or gzip's magic bytes); see <see cref="CsvOptions"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ColumnNotFoundException">A column the options name is not in the file.</exception>
    /// <exception cref="DataFormatException">A malformed row or cell, with its row, line, column and value.</exception>
    public static DataTable ReadCsv(string path, CsvOptions? options = null) => CsvTableReader.Read(path, options ?? new CsvOptions());

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    public static DataTable ReadCsv(TextReader reader, string source, CsvOptions? options = null) => CsvTableReader.Read(reader, source, options ?? new CsvOptions());

    /// <summary>Reads a Parquet file through Parquet.Net; see <see cref="ParquetReadOptions"/>.</summary>
    public static DataTable ReadParquet(string path, ParquetReadOptions? options = null) =>
        ReadParquetAsync(path, options).GetAwaiter().GetResult();

    /// <summary>Reads a Parquet file through Parquet.Net.</summary>
    public static async Task<DataTable> ReadParquetAsync(string path, ParquetReadOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Parquet file not found: {Path.GetFullPath(path)}.", path);
        }

        await using FileStream stream = File.OpenRead(path);
        return await ParquetTableReader.ReadAsync(stream, path, options ?? new ParquetReadOptions(), cancellation).ConfigureAwait(false);
    }

    /// <summary>Reads Parquet data from <paramref name="stream"/>; <paramref name="source"/> names it in messages.</summary>
    public static Task<DataTable> ReadParquetAsync(Stream stream, string source, ParquetReadOptions? options = null, CancellationToken cancellation = default) =>
        ParquetTableReader.ReadAsync(stream, source, options ?? new ParquetReadOptions(), cancellation);

    /// <summary>Whether the table has a column named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="ColumnNotFoundException">No such column; the message lists the table's columns and a near miss.</exception>
    public DataColumn Column(string name, string? neededFor = null) =>
        _byName.TryGetValue(name, out DataColumn? column) ? column : throw new ColumnNotFoundException(Source, name, ColumnNames, neededFor);

    /// <summary>The numeric column named <paramref name="name"/>.</summary>
    /// <exception cref="ColumnNotFoundException">No such column.</exception>
    /// <exception cref="DataBindingException">The column is categorical.</exception>
    public NumericColumn Numeric(string name, string? neededFor = null) => Column(name, neededFor) as NumericColumn
        ?? throw new DataBindingException(neededFor ?? $"column '{name}'", $"{Source}: column '{name}'{For(neededFor)} is categorical, but a number is needed. Read it as numeric (CsvOptions.Numeric) or bind it as a categorical feature.");

    /// <summary>The categorical column named <paramref name="name"/>.</summary>
    /// <exception cref="ColumnNotFoundException">No such column.</exception>
    /// <exception cref="DataBindingException">The column is numeric.</exception>
    public CategoricalColumn Categorical(string name, string? neededFor = null) => Column(name, neededFor) as CategoricalColumn
        ?? throw new DataBindingException(neededFor ?? $"column '{name}'", $"{Source}: column '{name}'{For(neededFor)} is numeric, but categories are needed. Read it as categorical (leave it out of CsvOptions.Numeric, or list it in ParquetReadOptions.Categorical).");

    /// <summary>The table restricted to <paramref name="rows"/> (0-based indices, in that order); rows keep their file row and line.</summary>
    public DataTable Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var numbers = new int[rows.Count];
        int[]? lines = _lines is null ? null : new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if ((uint)rows[i] >= (uint)RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), rows[i], $"{Source}: row index {rows[i]} is outside [0, {RowCount}).");
            }

            numbers[i] = RowNumber(rows[i]);
            if (lines is not null)
            {
                lines[i] = _lines![rows[i]];
            }
        }

        return new DataTable(_columns.Select(c => c.Select(rows)).ToArray(), Source, numbers, lines);
    }

    /// <summary>The 1-based data row of the source that row <paramref name="row"/> (0-based) of this table comes from.</summary>
    public int RowNumber(int row) => _rowNumbers is null ? row + 1 : _rowNumbers[row];

    /// <summary>The 1-based file line where row <paramref name="row"/> starts, or 0 when the source has no lines.</summary>
    public int LineNumber(int row) => _lines is null ? 0 : _lines[row];

    /// <summary>"data.csv row 17 (line 18)": where row <paramref name="row"/> (0-based) of this table is in its source.</summary>
    public string DescribeRow(int row) => DataFormatException.Where(Source, RowNumber(row), LineNumber(row));

    private static string For(string? neededFor) => neededFor is null ? string.Empty : $" (needed for {neededFor})";
}
