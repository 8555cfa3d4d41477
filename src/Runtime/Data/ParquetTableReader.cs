using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace PleGen.Runtime.Data;

/// <summary>Reads the flat columns of a Parquet file (every row group) into a <see cref="DataTable"/> through Parquet.Net.</summary>
internal static class ParquetTableReader
{
    public static async Task<DataTable> ReadAsync(Stream stream, string source, ParquetReadOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            throw new DataFormatException(source, null, 0, 0, null, $"the file is not readable as Parquet ({e.Message}).", "Check that it is a complete Parquet file.", e);
        }

        await using (reader.ConfigureAwait(false))
        {
            DataField[] all = reader.Schema.GetDataFields();
            string[] names = all.Select(f => f.Name).ToArray();
            foreach (string name in options.Categorical)
            {
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    throw new ColumnNotFoundException(source, name, names, "ParquetReadOptions.Categorical");
                }
            }

            DataField[] fields = options.Columns is null
                ? all
                : options.Columns.Select(c => all.FirstOrDefault(f => f.Name == c) ?? throw new ColumnNotFoundException(source, c, names, "ParquetReadOptions.Columns")).ToArray();
            var builders = fields.Select(f => Builder.For(f, source, options)).ToArray();
            int rowsBefore = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                int rows = checked((int)group.RowCount);
                foreach (Builder builder in builders)
                {
                    await builder.ReadAsync(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
                }

                rowsBefore += rows;
            }

            if (rowsBefore == 0)
            {
                throw new DataFormatException(source, null, 0, 0, null, "the file has no rows.", "Check that it is the right file.");
            }

            return new DataTable(builders.Select(b => b.ToColumn()).ToArray(), source, null, null);
        }
    }

    private sealed class Builder
    {
        private readonly DataField _field;
        private readonly string _source;
        private readonly string? _emptyCategory;
        private readonly List<float>? _numbers;
        private readonly CategoricalEncoder? _categories;

        private Builder(DataField field, string source, bool categorical, string? emptyCategory)
        {
            _field = field;
            _source = source;
            _emptyCategory = emptyCategory;
            if (categorical)
            {
                _categories = new CategoricalEncoder();
            }
            else
            {
                _numbers = new List<float>();
            }
        }

        public static Builder For(DataField field, string source, ParquetReadOptions options)
        {
            Type type = field.ClrType;
            bool supported = !field.IsArray && (IsString(type) || type == typeof(bool) || IsNumber(type));
            if (!supported)
            {
                throw new DataFormatException(source, field.Name, 0, 0, null,
                    $"the column holds {(field.IsArray ? "lists" : type.Name)}, which a table column cannot hold (numbers, booleans and strings can).",
                    "Leave it out with ParquetReadOptions.Columns, or convert it when writing the file.");
            }

            bool categorical = IsString(type) || options.Categorical.Contains(field.Name, StringComparer.Ordinal);
            return new Builder(field, source, categorical, options.EmptyCategory);
        }

        public async Task ReadAsync(ParquetRowGroupReader group, int rows, int rowsBefore, CancellationToken cancellation)
        {
            Type type = _field.ClrType;
            if (IsString(type))
            {
                var values = new string?[rows];
                await group.ReadAsync(_field, values.AsMemory(), null, cancellation).ConfigureAwait(false);
                for (int i = 0; i < rows; i++)
                {
                    AddCategory(values[i], rowsBefore + i + 1);
                }

                return;
            }

            if (type == typeof(bool))
            {
                await ReadStructAsync<bool>(group, rows, rowsBefore, b => b ? 1f : 0f, b => b ? "true" : "false", cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(float))
            {
                await ReadNumberAsync<float>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(double))
            {
                await ReadNumberAsync<double>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(int))
            {
                await ReadNumberAsync<int>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(long))
            {
                await ReadNumberAsync<long>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(short))
            {
                await ReadNumberAsync<short>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(sbyte))
            {
                await ReadNumberAsync<sbyte>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(byte))
            {
                await ReadNumberAsync<byte>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(ushort))
            {
                await ReadNumberAsync<ushort>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(uint))
            {
                await ReadNumberAsync<uint>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else if (type == typeof(ulong))
            {
                await ReadNumberAsync<ulong>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
            else
            {
                await ReadNumberAsync<decimal>(group, rows, rowsBefore, cancellation).ConfigureAwait(false);
            }
        }

        public DataColumn ToColumn() => _numbers is not null ? new NumericColumn(_field.Name, _numbers.ToArray()) : _categories!.ToColumn(_field.Name);

        // Parquet.Net 6 gives UTF-8 columns as ReadOnlyMemory<char>; they read as strings all the same.
        private static bool IsString(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

        private static bool IsNumber(Type type) =>
            type == typeof(float) || type == typeof(double) || type == typeof(decimal) || type == typeof(int) || type == typeof(long)
            || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

        private Task ReadNumberAsync<T>(ParquetRowGroupReader group, int rows, int rowsBefore, CancellationToken cancellation)
            where T : struct, INumberBase<T> =>
            ReadStructAsync<T>(group, rows, rowsBefore, float.CreateSaturating, v => v.ToString(null, CultureInfo.InvariantCulture), cancellation);

        private async Task ReadStructAsync<T>(ParquetRowGroupReader group, int rows, int rowsBefore, Func<T, float> number, Func<T, string> text, CancellationToken cancellation)
            where T : struct
        {
            var values = new T?[rows];
            if (_field.IsNullable)
            {
                await group.ReadAsync(_field, values.AsMemory(), null, cancellation).ConfigureAwait(false);
            }
            else
            {
                var required = new T[rows];
                await group.ReadAsync(_field, required.AsMemory(), null, cancellation).ConfigureAwait(false);
                for (int i = 0; i < rows; i++)
                {
                    values[i] = required[i];
                }
            }

            for (int i = 0; i < rows; i++)
            {
                int row = rowsBefore + i + 1;
                if (_categories is not null)
                {
                    AddCategory(values[i] is { } v ? text(v) : null, row);
                    continue;
                }

                if (values[i] is not { } value)
                {
                    throw DataFormatException.Empty(_source, _field.Name, row, 0);
                }

                float f = number(value);
                _numbers!.Add(float.IsFinite(f) ? f : throw DataFormatException.NotANumber(_source, _field.Name, row, 0, text(value)));
            }
        }

        private void AddCategory(string? value, int row)
        {
            if (string.IsNullOrEmpty(value))
            {
                value = _emptyCategory ?? throw DataFormatException.Empty(_source, _field.Name, row, 0);
            }

            _categories!.Add(value);
        }
    }
}
