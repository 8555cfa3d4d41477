using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PleGen.Samples.Compression;

namespace PleGen.Samples.Census;

/// <summary>
/// Streams the rows of a Census-Income (KDD) file, plain or gzip (recognized by its magic bytes), validating
/// each: 42 fields, numbers where numbers belong (invariant culture), a non-negative instance weight and a
/// known income label. A malformed row throws a <see cref="CensusFormatException"/> naming the file and line,
/// or, with <see cref="CensusReadOptions.SkipBadRows"/>, is skipped and counted in <see cref="BadRows"/>.
/// Blank lines at the end are ignored; a blank line followed by more data is malformed.
/// </summary>
public sealed class CensusReader
{
    private readonly CensusReadOptions _options;

    /// <summary>Prepares to read <paramref name="path"/>; a missing file throws <see cref="CensusDataNotFoundException"/>.</summary>
    public CensusReader(string path, CensusReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CensusDataNotFoundException([Path.GetFullPath(path)]);
        }

        _options = options ?? CensusReadOptions.Strict;
        if (_options.ReportedBadRows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.ReportedBadRows, "CensusReadOptions.ReportedBadRows must be >= 0.");
        }

        FilePath = path;
        BadRows = new CensusBadRows(path, _options.ReportedBadRows);
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>Rows skipped by the last complete read (always empty in strict mode).</summary>
    public CensusBadRows BadRows { get; }

    /// <summary>Reads a whole file into a column-major table.</summary>
    public static CensusTable ReadTable(string path, CensusReadOptions? options = null) => new CensusReader(path, options).ReadTable();

    /// <summary>Reads the file into a column-major table; <see cref="CensusTable.BadRows"/> reports skipped rows.</summary>
    public CensusTable ReadTable()
    {
        var builder = new CensusTableBuilder();
        foreach (CensusLineParser row in AcceptedRows())
        {
            builder.Append(row);
        }

        return builder.Build(FilePath, BadRows);
    }

    /// <summary>Streams the valid rows one at a time (the file is never held in memory).</summary>
    public IEnumerable<CensusRecord> ReadRecords()
    {
        foreach (CensusLineParser row in AcceptedRows())
        {
            yield return new CensusRecord(
                row.LineNumber,
                CensusColumns.CategoricalFields.Select(f => row.Field(f).ToString()).ToArray(),
                row.Numeric.ToArray(),
                row.InstanceWeight,
                row.Field(CensusColumns.MaritalStatusField).ToString(),
                row.IncomeAbove50K);
        }
    }

    /// <summary>Yields the parser after each accepted row; its fields are valid until the next row.</summary>
    private IEnumerable<CensusLineParser> AcceptedRows()
    {
        BadRows.Clear();
        var parser = new CensusLineParser();
        using StreamReader text = CensusFileOpener.OpenText(FilePath);
        int lineNumber = 0;
        int accepted = 0;
        var pendingBlankLines = new List<int>();
        while (ReadLine(text, lineNumber + 1) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                pendingBlankLines.Add(lineNumber);
                continue;
            }

            foreach (int blank in pendingBlankLines)
            {
                Reject(blank, "blank line before the end of the data");
            }

            pendingBlankLines.Clear();
            string? problem = parser.Parse(line, lineNumber);
            if (problem is null)
            {
                accepted++;
                yield return parser;
            }
            else
            {
                Reject(lineNumber, problem);
            }
        }

        if (accepted == 0 && BadRows.Count == 0)
        {
            throw new CensusFormatException(FilePath, 0, "the file has no data rows");
        }
    }

    private void Reject(int lineNumber, string problem)
    {
        if (!_options.SkipBadRows)
        {
            throw new CensusFormatException(FilePath, lineNumber, problem);
        }

        BadRows.Add(lineNumber, problem);
    }

    private string? ReadLine(StreamReader text, int lineNumber)
    {
        try
        {
            return text.ReadLine();
        }
        catch (DamagedGzipException e)
        {
            throw CensusFormatException.Damaged(FilePath, e.Message, lineNumber - 1, e);
        }
        catch (InvalidDataException e)
        {
            throw new CensusFormatException(FilePath, 0, $"the file starts like gzip but does not decompress ({e.Message})", e);
        }
    }
}
