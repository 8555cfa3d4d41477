using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace PleGen.Runtime.Data;

/// <summary>Reads CSV into a <see cref="DataTable"/>, checking every loaded cell as it goes.</summary>
internal static class CsvTableReader
{
    public static DataTable Read(string path, CsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file not found: {Path.GetFullPath(path)}.", path);
        }

        using TextReader reader = OpenText(path);
        try
        {
            return Read(reader, path, options);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, null, 0, 0, null, $"the file looks like gzip but does not decompress ({e.Message}).", "Check that it is a complete gzip file (download it again), or a plain CSV file.", e);
        }
    }

    /// <summary>Plain text, or gzip when the name ends with ".gz" or the file starts with gzip's magic bytes.</summary>
    public static StreamReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            bool gzip = (read == 2 && magic[0] == 0x1f && magic[1] == 0x8b) || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            Stream content = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            return new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static DataTable Read(TextReader text, string source, CsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = options.Delimiter,
            HasHeaderRecord = options.HasHeader,
            TrimOptions = options.TrimFields ? TrimOptions.Trim : TrimOptions.None,
            IgnoreBlankLines = true,
            BadDataFound = args => badData ??= args.RawRecord,
        };
        using var parser = new CsvParser(text, configuration);
        string[] names = Header(parser, source, options, () => badData);
        int[] loaded = LoadedFields(names, source, options);
        var numeric = new HashSet<string>(options.Numeric, StringComparer.Ordinal);
        var numbers = new Dictionary<int, List<float>>();
        var categories = new Dictionary<int, CategoricalEncoder>();
        foreach (int field in loaded)
        {
            if (numeric.Contains(names[field]))
            {
                numbers[field] = new List<float>();
            }
            else
            {
                categories[field] = new CategoricalEncoder();
            }
        }

        var lines = new List<int>();
        int row = 0;
        while (parser.Read())
        {
            row++;
            int start = StartLine(parser);
            if (parser.Count != names.Length)
            {
                throw FieldCount(source, names, row, start, parser.Count);
            }

            lines.Add(start);
            foreach (int field in loaded)
            {
                string cell = parser[field];
                if (numbers.TryGetValue(field, out List<float>? values))
                {
                    if (cell.Length == 0)
                    {
                        throw DataFormatException.Empty(source, names[field], row, start);
                    }

                    if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                    {
                        throw DataFormatException.NotANumber(source, names[field], row, start, cell);
                    }

                    values.Add(value);
                }
                else
                {
                    if (cell.Length == 0)
                    {
                        cell = options.EmptyCategory ?? throw DataFormatException.Empty(source, names[field], row, start);
                    }

                    categories[field].Add(cell);
                }
            }

            // CsvHelper reports a stray quote when the field is read (a field this read does not load is not checked).
            CheckBadData(badData, source, row, start);
        }

        if (row == 0)
        {
            throw new DataFormatException(source, null, 0, 0, null, "the file has no data rows.", "Check that it is the right file and that it is not empty.");
        }

        DataColumn[] columns = loaded
            .Select(f => numbers.TryGetValue(f, out List<float>? values) ? (DataColumn)new NumericColumn(names[f], values.ToArray()) : categories[f].ToColumn(names[f]))
            .ToArray();
        return new DataTable(columns, source, null, lines.ToArray());
    }

    private static string[] Header(CsvParser parser, string source, CsvOptions options, Func<string?> badData)
    {
        if (!options.HasHeader)
        {
            if (options.ColumnNames is not { Count: > 0 } given)
            {
                throw new ArgumentException($"{source}: CsvOptions.HasHeader is false, so CsvOptions.ColumnNames must name the columns (one per field, in file order).", nameof(options));
            }

            CheckUnique(given, source, "CsvOptions.ColumnNames");
            return given.ToArray();
        }

        if (!parser.Read())
        {
            throw new DataFormatException(source, null, 0, 0, null, "the file is empty: it has no header.", "A CSV file with CsvOptions.HasHeader needs a first line naming the columns.");
        }

        string[] names = parser.Record!;
        int line = parser.RawRow;
        if (badData() is { } bad)
        {
            throw new DataFormatException(source, null, 0, line, bad, "the header has a stray quote.", "Quote a column name that contains quotes, commas or line breaks, doubling its quotes.");
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new DataFormatException(source, null, 0, line, null, $"header field {i + 1} is empty.", "Name every column in the header.");
            }
        }

        CheckUnique(names, source, "the header");
        if (options.ColumnNames is not null)
        {
            throw new ArgumentException($"{source}: CsvOptions.ColumnNames is for files without a header; this file has one (CsvOptions.HasHeader is true). Select columns with CsvOptions.Columns.", nameof(options));
        }

        return names;
    }

    private static void CheckUnique(IReadOnlyList<string> names, string source, string where)
    {
        string? repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new DataFormatException(source, repeated, 0, 0, null, $"{where} names column '{repeated}' twice.", "Column names must be unique: rename one of them.");
        }
    }

    private static int[] LoadedFields(string[] names, string source, CsvOptions options)
    {
        foreach (string numeric in options.Numeric)
        {
            if (!names.Contains(numeric, StringComparer.Ordinal))
            {
                throw new ColumnNotFoundException(source, numeric, names, "CsvOptions.Numeric");
            }

            if (options.Columns is not null && !options.Columns.Contains(numeric, StringComparer.Ordinal))
            {
                throw new ArgumentException($"{source}: CsvOptions.Numeric names '{numeric}', which CsvOptions.Columns does not load; add it to Columns or remove it from Numeric.", nameof(options));
            }
        }

        if (options.Columns is null)
        {
            return Enumerable.Range(0, names.Length).ToArray();
        }

        var fields = new List<int>();
        foreach (string column in options.Columns)
        {
            int field = Array.IndexOf(names, column);
            fields.Add(field >= 0 ? field : throw new ColumnNotFoundException(source, column, names, "CsvOptions.Columns"));
        }

        return fields.ToArray();
    }

    // A quoted field may hold line breaks: the record starts that many lines before the parser's current line.
    private static int StartLine(CsvParser parser)
    {
        ReadOnlySpan<char> raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        return parser.RawRow - raw.Count('\n');
    }

    private static void CheckBadData(string? badData, string source, int row, int line)
    {
        if (badData is { } bad)
        {
            throw new DataFormatException(source, null, row, line, bad.TrimEnd('\r', '\n'), "the row has a stray quote (a field that is not quoted contains '\"', or a quoted field does not end at a delimiter).",
                "Quote fields that contain quotes, delimiters or line breaks, and double the quotes inside them (\"say \"\"hi\"\"\").");
        }
    }

    private static DataFormatException FieldCount(string source, string[] names, int row, int line, int found)
    {
        string? column = found < names.Length ? names[found] : null;
        string problem = found < names.Length
            ? $"the row has {found} fields but the header has {names.Length}: column '{names[found]}' and those after it have no value."
            : $"the row has {found} fields but the header has {names.Length}.";
        return new DataFormatException(source, column, row, line, null, problem, "Check the row's delimiters and quotes: a field holding the delimiter must be quoted.");
    }
}
