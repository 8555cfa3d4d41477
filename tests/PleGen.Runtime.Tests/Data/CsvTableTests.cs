using System.IO;
using System.Linq;
using PleGen.Runtime.Data;
using Xunit;

namespace PleGen.Runtime.Tests.Data;

public sealed class CsvTableTests
{
    private const string People = "name,age,city,clicked\n\"Smith, Jane\",34,\"New \"\"York\"\"\",1\nBob , 27 ,Paris,0\n\"Multi\nline\",41,Oslo,1\n";

    [Fact]
    public void Quoted_fields_with_commas_quotes_and_line_breaks_read_as_one_value()
    {
        using var scratch = new DataScratch();
        DataTable table = DataTable.ReadCsv(scratch.Write("people.csv", People), new CsvOptions { Numeric = ["age", "clicked"] });

        Assert.Equal(3, table.RowCount);
        Assert.Equal(new[] { "name", "age", "city", "clicked" }, table.ColumnNames);
        CategoricalColumn name = table.Categorical("name");
        Assert.Equal(new[] { "Smith, Jane", "Bob", "Multi\nline" }, Enumerable.Range(0, 3).Select(i => name[i]));
        Assert.Equal("New \"York\"", table.Categorical("city")[0]);
        Assert.Equal(new[] { 34f, 27f, 41f }, table.Numeric("age").Values.ToArray());
        Assert.Equal(new[] { 2, 3, 4 }, Enumerable.Range(0, 3).Select(table.LineNumber)); // the record of row 3 starts on line 4
    }

    [Fact]
    public void Gzip_csv_reads_the_same_table_as_plain_text()
    {
        using var scratch = new DataScratch();
        DataTable plain = DataTable.ReadCsv(scratch.Write("p.csv", People), new CsvOptions { Numeric = ["age"] });
        DataTable gzip = DataTable.ReadCsv(scratch.WriteGzip("p.csv.gz", People), new CsvOptions { Numeric = ["age"] });

        Assert.Equal(plain.Numeric("age").Values.ToArray(), gzip.Numeric("age").Values.ToArray());
        Assert.Equal(plain.Categorical("city").DistinctValues, gzip.Categorical("city").DistinctValues);
    }

    [Fact]
    public void A_missing_column_names_it_lists_the_columns_and_suggests_the_near_miss()
    {
        using var scratch = new DataScratch();
        string path = scratch.Write("people.csv", People);

        var e = Assert.Throws<ColumnNotFoundException>(() => DataTable.ReadCsv(path, new CsvOptions { Numeric = ["agee"] }));

        Assert.Equal("agee", e.Column);
        Assert.Equal("age", e.Suggestion);
        Assert.Contains("has no column 'agee' (needed for CsvOptions.Numeric)", e.Message);
        Assert.Contains("Did you mean 'age'?", e.Message);
        Assert.Contains("'name', 'age', 'city', 'clicked'", e.Message);
    }

    [Fact]
    public void A_non_numeric_cell_names_column_row_line_and_value()
    {
        using var scratch = new DataScratch();
        string path = scratch.Write("people.csv", People + "Ann,thirty,Rome,0\n");

        var e = Assert.Throws<DataFormatException>(() => DataTable.ReadCsv(path, new CsvOptions { Numeric = ["age"] }));

        Assert.Equal(("age", 4, 6, "thirty"), (e.Column, e.Row, e.Line, e.Value));
        Assert.StartsWith($"{path} row 4 (line 6), column 'age': 'thirty' is not a finite number.", e.Message);
        Assert.Contains("read the column as categorical", e.Message);
    }

    [Fact]
    public void An_empty_required_cell_is_an_error_unless_an_empty_category_is_given()
    {
        using var scratch = new DataScratch();
        string path = scratch.Write("e.csv", "a,b\nx,1\n,2\n");

        var e = Assert.Throws<DataFormatException>(() => DataTable.ReadCsv(path, new CsvOptions { Numeric = ["b"] }));
        Assert.Equal(("a", 2, 3, (string?)null), (e.Column, e.Row, e.Line, e.Value));
        Assert.Contains("the cell is empty", e.Message);

        DataTable filled = DataTable.ReadCsv(path, new CsvOptions { Numeric = ["b"], EmptyCategory = "unknown" });
        Assert.Equal("unknown", filled.Categorical("a")[1]);

        string emptyNumber = scratch.Write("n.csv", "a,b\nx,\n");
        Assert.Equal("b", Assert.Throws<DataFormatException>(() => DataTable.ReadCsv(emptyNumber, new CsvOptions { Numeric = ["b"], EmptyCategory = "unknown" })).Column);
    }

    [Fact]
    public void A_row_with_too_few_fields_names_the_first_missing_column()
    {
        using var scratch = new DataScratch();
        string path = scratch.Write("short.csv", "a,b,c\n1,2,3\n\n4,5\n");

        var e = Assert.Throws<DataFormatException>(() => DataTable.ReadCsv(path));

        Assert.Equal(("c", 2, 4), (e.Column, e.Row, e.Line)); // the blank line 3 is skipped but still counted as a line
        Assert.Contains("the row has 2 fields but the header has 3", e.Message);
    }

    [Fact]
    public void A_file_without_header_takes_its_names_from_the_options_and_columns_select_a_subset()
    {
        using var scratch = new DataScratch();
        string path = scratch.Write("n.txt", "1; x; 9\n2; y; 8\n");

        DataTable table = DataTable.ReadCsv(path, new CsvOptions { HasHeader = false, Delimiter = ";", ColumnNames = ["id", "tag", "score"], Columns = ["tag", "score"], Numeric = ["score"] });

        Assert.Equal(new[] { "tag", "score" }, table.ColumnNames);
        Assert.Equal(new[] { 9f, 8f }, table.Numeric("score").Values.ToArray());
        Assert.Equal("y", table.Categorical("tag")[1]);
        Assert.Equal(1, table.LineNumber(0));
    }

    [Fact]
    public void A_missing_file_and_a_stray_quote_are_reported()
    {
        using var scratch = new DataScratch();
        Assert.Throws<FileNotFoundException>(() => DataTable.ReadCsv(scratch.File("none.csv")));

        string path = scratch.Write("q.csv", "a,b\nok,1\n\"bad\"value,2\n");
        var e = Assert.Throws<DataFormatException>(() => DataTable.ReadCsv(path));
        Assert.Equal((2, 3), (e.Row, e.Line));
        Assert.Contains("stray quote", e.Message);
    }
}
