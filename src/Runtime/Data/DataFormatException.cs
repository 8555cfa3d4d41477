using System;

namespace PleGen.Runtime.Data;

/// <summary>
/// A cell of a table is unusable: not a number in a numeric column, empty, or a row with too few or too many fields. The
/// message names the source, the 1-based data row (and file line for text files), the column, the value and what to do.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception; <paramref name="problem"/> and <paramref name="fix"/> are full sentences.</summary>
    public DataFormatException(string source, string? column, int row, int line, string? value, string problem, string fix, Exception? inner = null)
        : base($"{Where(source, row, line)}{(column is null ? string.Empty : $", column '{column}'")}: {problem} {fix}", inner)
    {
        DataSource = source;
        Column = column;
        Row = row;
        Line = line;
        Value = value;
    }

    /// <summary>The file (or "in-memory columns") the row comes from.</summary>
    public string DataSource { get; }

    /// <summary>The column of the cell, or null when the row as a whole is malformed.</summary>
    public string? Column { get; }

    /// <summary>1-based data row (the header is not a data row).</summary>
    public int Row { get; }

    /// <summary>1-based line of the file where the row starts, or 0 when the source has no lines (Parquet, memory).</summary>
    public int Line { get; }

    /// <summary>The offending value as read, or null for an empty cell.</summary>
    public string? Value { get; }

    /// <summary>"data.csv row 3 (line 4)".</summary>
    internal static string Where(string source, int row, int line) =>
        row <= 0 ? (line > 0 ? $"{source} line {line}" : source)
        : line > 0 ? $"{source} row {row} (line {line})" : $"{source} row {row}";

    internal static DataFormatException NotANumber(string source, string column, int row, int line, string value) => new(
        source, column, row, line, value,
        $"'{value}' is not a finite number.",
        "A numeric column needs a number in every row (invariant culture: '.' as decimal point); fix the cell, or read the column as categorical.");

    internal static DataFormatException Empty(string source, string column, int row, int line) => new(
        source, column, row, line, null,
        "the cell is empty.",
        "Every loaded column needs a value in every row: fill it in (a categorical column can name the missing value, e.g. 'unknown', or set CsvOptions.EmptyCategory), or leave the column out.");
}
