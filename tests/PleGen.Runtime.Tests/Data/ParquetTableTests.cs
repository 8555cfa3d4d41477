using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;
using PleGen.Runtime.Data;
using Xunit;

namespace PleGen.Runtime.Tests.Data;

public sealed class ParquetTableTests
{
    private static async Task<string> Write(DataScratch scratch, string name, double?[] ages, string?[] cities, int[] codes)
    {
        var age = new DataField<double?>("age");
        var city = new DataField<string>("city");
        var code = new DataField<int>("code");
        string path = scratch.File(name);
        await using (FileStream stream = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(age, city, code), stream);
            for (int start = 0; start < ages.Length; start += 2) // two rows per row group: rows are counted across groups
            {
                int end = Math.Min(start + 2, ages.Length);
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync(age, new ReadOnlyMemory<double?>(ages[start..end]));
                await group.WriteAsync(city, cities[start..end]);
                await group.WriteAsync(code, new ReadOnlyMemory<int>(codes[start..end]));
            }
        }

        return path;
    }

    [Fact]
    public async Task Numbers_strings_and_coded_categories_read_across_row_groups()
    {
        using var scratch = new DataScratch();
        string path = await Write(scratch, "t.parquet", [30, 41.5, 22], ["Oslo", "Rome", "Oslo"], [7, 3, 7]);

        DataTable table = DataTable.ReadParquet(path, new ParquetReadOptions { Categorical = ["code"] });

        Assert.Equal(3, table.RowCount);
        Assert.Equal(new[] { 30f, 41.5f, 22f }, table.Numeric("age").Values.ToArray());
        Assert.Equal(new[] { "Oslo", "Rome" }, table.Categorical("city").DistinctValues);
        Assert.Equal(new[] { "7", "3" }, table.Categorical("code").DistinctValues);
        Assert.Equal(ColumnKind.Numeric, DataTable.ReadParquet(path).Column("code").Kind);
    }

    [Fact]
    public async Task A_null_cell_names_column_and_row_and_a_missing_column_lists_the_others()
    {
        using var scratch = new DataScratch();
        string path = await Write(scratch, "n.parquet", [30, 41, null], ["Oslo", "Rome", "Oslo"], [1, 2, 3]);

        var e = Assert.Throws<DataFormatException>(() => DataTable.ReadParquet(path));
        Assert.Equal(("age", 3, 0), (e.Column, e.Row, e.Line));
        Assert.Contains("row 3, column 'age': the cell is empty", e.Message);

        var missing = Assert.Throws<ColumnNotFoundException>(() => DataTable.ReadParquet(path, new ParquetReadOptions { Columns = ["cty"] }));
        Assert.Equal("city", missing.Suggestion);
    }
}
