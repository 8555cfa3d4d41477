using System.IO;
using System.Linq;
using PleGen.Runtime.Data;
using PleGen.Samples.Census;
using PleGen.Samples.Tests.Compression;
using Xunit;

namespace PleGen.Samples.Tests.Census;

public sealed class CensusReaderTests
{
    private static readonly string[] ThreeRows =
    [
        CensusLines.Row(38, "Bachelors degree(BA AB BS)", neverMarried: false, incomeAbove50K: true, weight: 1032.38),
        CensusLines.Row(2, "Children", neverMarried: true, incomeAbove50K: false, weight: 1601.75),
        CensusLines.Row(44, "Masters degree(MA MS MEng MEd MSW MBA)", neverMarried: true, incomeAbove50K: false, weight: 0),
    ];

    [Fact]
    public void Plain_and_gzip_files_read_the_same_rows_whatever_the_extension()
    {
        using var dir = new TemporaryDirectory();
        string plain = dir.WriteText("census.csv", CensusLines.File(ThreeRows));
        string gzip = dir.WriteGzip("census.data", CensusLines.File(ThreeRows)); // gzip without a .gz name: detected by magic bytes

        CensusRecord[] fromPlain = new CensusReader(plain).ReadRecords().ToArray();
        CensusRecord[] fromGzip = new CensusReader(gzip).ReadRecords().ToArray();

        Assert.Equal(3, fromPlain.Length);
        Assert.Equal(fromPlain.Select(r => (r.LineNumber, r.InstanceWeight, r.MaritalStatus, r.IncomeAbove50K)), fromGzip.Select(r => (r.LineNumber, r.InstanceWeight, r.MaritalStatus, r.IncomeAbove50K)));
        Assert.Equal(fromPlain.SelectMany(r => r.Categorical), fromGzip.SelectMany(r => r.Categorical));
        Assert.Equal(new[] { true, false, false }, fromPlain.Select(r => r.IncomeAbove50K));
        Assert.Equal(new[] { false, true, true }, fromPlain.Select(r => r.NeverMarried));
        Assert.Equal(new[] { 38.0, 2.0, 44.0 }, fromPlain.Select(r => r.Numeric[0]));
        Assert.Equal(1032.38, fromPlain[0].InstanceWeight);
    }

    [Fact]
    public void Records_keep_categorical_fields_trimmed_and_exclude_marital_status_weight_and_label()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.WriteText("c.txt", CensusLines.File(ThreeRows));

        CensusRecord record = new CensusReader(path).ReadRecords().First();

        Assert.Equal(32, record.Categorical.Count);
        Assert.Equal(7, record.Numeric.Count);
        Assert.DoesNotContain("marital_stat", CensusColumns.Categorical);
        Assert.DoesNotContain("instance_weight", CensusColumns.Categorical);
        Assert.DoesNotContain("income_50k", CensusColumns.Categorical);
        int citizenship = CensusColumns.Categorical.ToList().IndexOf("citizenship");
        Assert.Equal("Foreign born- Not a citizen of U S", record.Categorical[citizenship]);
        Assert.Equal("Bachelors degree(BA AB BS)", record.Categorical[CensusColumns.Categorical.ToList().IndexOf("education")]);
    }

    [Fact]
    public void Table_is_column_major_with_dictionary_encoded_categories()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.WriteGzip("c.gz", CensusLines.File(ThreeRows));

        CensusTable table = CensusReader.ReadTable(path);

        Assert.Equal(3, table.Count);
        CategoricalColumn education = table.Categorical.Single(c => c.Name == "education");
        Assert.Equal(new[] { "Bachelors degree(BA AB BS)", "Children", "Masters degree(MA MS MEng MEd MSW MBA)" }, education.DistinctValues);
        Assert.Equal(new[] { 0, 1, 2 }, education.Codes.ToArray());
        CategoricalColumn sex = table.Categorical.Single(c => c.Name == "sex");
        Assert.Equal(new[] { 0, 0, 0 }, sex.Codes.ToArray());
        Assert.Equal(new[] { 38.0, 2.0, 44.0 }, table.Numeric("age"));
        Assert.Equal(1, table.CountIncomeAbove50K());
        Assert.Equal(2, table.CountNeverMarried());
        Assert.Equal(0, table.BadRows.Count);
    }

    [Fact]
    public void A_row_with_missing_fields_throws_naming_file_and_line()
    {
        using var dir = new TemporaryDirectory();
        string shortRow = string.Join(", ", CensusLines.Fields().Take(17));
        string path = dir.WriteGzip("census-income.test.gz", CensusLines.File([ThreeRows[0], ThreeRows[1], shortRow, ThreeRows[2]]));

        var e = Assert.Throws<CensusFormatException>(() => CensusReader.ReadTable(path));

        Assert.Equal(3, e.LineNumber);
        Assert.StartsWith("census-income.test.gz line 3: expected 42 fields, found 17", e.Message);
        Assert.Contains(Path.GetFullPath(path), e.Message);
        Assert.EndsWith("Fix or remove the row, or pass --skip-bad-rows to skip and count malformed rows.", e.Message); // the sample's option, not an API name
        Assert.DoesNotContain("CensusReadOptions", e.Message);
    }

    [Theory]
    [InlineData("age", "thirty", "field 1 (age): 'thirty' is not a number")]
    [InlineData("capital_gains", "1,5", "expected 42 fields, found 43")]
    [InlineData("weeks_worked", "NaN", "field 40 (weeks_worked): 'NaN' is not a number")]
    [InlineData("instance_weight", "-3", "field 25 (instance_weight): -3 is negative")]
    [InlineData("income_50k", "50000", "field 42 (income_50k): unknown label '50000'; expected '- 50000.' or '50000+.'")]
    [InlineData("education", "", "field 5 (education) is empty")]
    public void Each_kind_of_malformed_row_names_the_field_and_problem(string column, string value, string problem)
    {
        using var dir = new TemporaryDirectory();
        string path = dir.WriteText("bad.txt", CensusLines.File([ThreeRows[0], CensusLines.Row((column, value))]));

        var e = Assert.Throws<CensusFormatException>(() => new CensusReader(path).ReadRecords().ToArray());

        Assert.Equal(2, e.LineNumber);
        Assert.Equal(problem, e.Problem);
        Assert.StartsWith($"bad.txt line 2: {problem}", e.Message);
    }

    [Fact]
    public void Numbers_parse_with_the_invariant_culture_whatever_the_current_culture()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.WriteText("c.txt", CensusLines.File([CensusLines.Row(("wage_per_hour", "12.5"), ("instance_weight", "1e3"))]));
        System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            CensusRecord record = new CensusReader(path).ReadRecords().Single();
            Assert.Equal(12.5, record.Numeric[CensusColumns.Numeric.ToList().IndexOf("wage_per_hour")]);
            Assert.Equal(1000, record.InstanceWeight);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Skip_bad_rows_counts_them_and_keeps_the_first_line_numbers()
    {
        using var dir = new TemporaryDirectory();
        string bad = string.Join(", ", CensusLines.Fields().Take(17));
        string[] lines = [ThreeRows[0], bad, ThreeRows[1], CensusLines.Row(("age", "x")), bad, bad, ThreeRows[2], bad];
        string path = dir.WriteText("c.txt", CensusLines.File(lines));

        var reader = new CensusReader(path, new CensusReadOptions { SkipBadRows = true, ReportedBadRows = 3 });
        CensusTable table = reader.ReadTable();

        Assert.Equal(3, table.Count);
        Assert.Equal(5, table.BadRows.Count);
        Assert.Equal(new[] { 2, 4, 5 }, table.BadRows.FirstLineNumbers);
        Assert.Equal("field 1 (age): 'x' is not a number", table.BadRows.First[1].Problem);
        Assert.StartsWith("c.txt: skipped 5 malformed rows; first: line 2 (expected 42 fields, found 17), line 4 (", table.BadRows.ToString());
        Assert.EndsWith(", ...", table.BadRows.ToString());
        Assert.Same(reader.BadRows, table.BadRows);
    }

    [Fact]
    public void Trailing_blank_lines_and_crlf_are_fine_but_a_blank_line_inside_the_data_is_not()
    {
        using var dir = new TemporaryDirectory();
        string trailing = dir.WriteText("t.txt", string.Join("\r\n", ThreeRows) + "\r\n\r\n\n  \n");
        Assert.Equal(3, CensusReader.ReadTable(trailing).Count);

        string inside = dir.WriteText("i.txt", ThreeRows[0] + "\n\n" + ThreeRows[1] + "\n");
        var e = Assert.Throws<CensusFormatException>(() => CensusReader.ReadTable(inside));
        Assert.Equal(2, e.LineNumber);
        Assert.Equal("blank line before the end of the data", e.Problem);

        CensusTable skipped = CensusReader.ReadTable(inside, new CensusReadOptions { SkipBadRows = true });
        Assert.Equal(2, skipped.Count);
        Assert.Equal(new[] { 2 }, skipped.BadRows.FirstLineNumbers);
    }

    [Fact]
    public void An_empty_file_and_a_corrupt_gzip_get_clear_messages()
    {
        using var dir = new TemporaryDirectory();
        string empty = dir.WriteText("empty.txt", "\n\n");
        var e1 = Assert.Throws<CensusFormatException>(() => CensusReader.ReadTable(empty));
        Assert.StartsWith("empty.txt: the file has no data rows", e1.Message);

        string corrupt = dir.File("corrupt.gz");
        File.WriteAllBytes(corrupt, [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]);
        var e2 = Assert.Throws<CensusFormatException>(() => CensusReader.ReadTable(corrupt));
        Assert.Contains("corrupt.gz", e2.Message);
        Assert.Contains("gzip", e2.Message);
    }

    [Fact]
    public void A_gzip_file_cut_at_a_flush_point_or_at_any_byte_is_refused_as_truncated_even_when_skipping_bad_rows()
    {
        using var dir = new TemporaryDirectory();
        string[] rows = Enumerable.Range(0, 5000).Select(i => CensusLines.Row(20 + (i % 60), "Children", i % 3 == 0, i % 7 == 0, weight: 1000 + i)).ToArray();
        string text = CensusLines.File(rows);
        (byte[] gzip, int flushPoint) = GzipBytes.WithFlushPoint(text, CensusLines.File(rows[..1250]).Length);
        string whole = dir.File("census-whole.gz");
        File.WriteAllBytes(whole, gzip);
        string atFlushPoint = dir.File("census-flushed.gz");
        File.WriteAllBytes(atFlushPoint, gzip[..flushPoint]); // decompresses to exactly 1,250 complete rows
        string atAnyByte = dir.File("census-cut.gz");
        File.WriteAllBytes(atAnyByte, gzip[..((gzip.Length * 2 / 3) + 1)]);

        Assert.Equal(5000, CensusReader.ReadTable(whole).Count);
        foreach (string cut in new[] { atFlushPoint, atAnyByte })
        {
            foreach (CensusReadOptions options in new[] { CensusReadOptions.Strict, new CensusReadOptions { SkipBadRows = true } })
            {
                var e = Assert.Throws<CensusFormatException>(() => CensusReader.ReadTable(cut, options));
                Assert.StartsWith($"{Path.GetFileName(cut)}: the file ends before its gzip trailer: it is truncated or still downloading; download it again", e.Message);
                Assert.Contains(Path.GetFullPath(cut), e.Message);
                Assert.Equal(0, e.LineNumber); // the file as a whole, not a row to fix or skip
            }
        }

        var flushed = Assert.Throws<CensusFormatException>(() => CensusReader.ReadTable(atFlushPoint));
        Assert.Contains("1250 complete lines read", flushed.Message);
    }

    [Fact]
    public void A_gzip_file_whose_trailer_does_not_match_its_data_is_refused_as_damaged()
    {
        using var dir = new TemporaryDirectory();
        byte[] gzip = GzipBytes.Of(CensusLines.File(ThreeRows));
        gzip[^6] ^= 0x10; // a bit of the CRC32
        string damaged = dir.File("damaged.gz");
        File.WriteAllBytes(damaged, gzip);

        var e = Assert.Throws<CensusFormatException>(() => CensusReader.ReadTable(damaged, new CensusReadOptions { SkipBadRows = true }));

        Assert.StartsWith("damaged.gz: the data does not match its gzip trailer (CRC32 and length): the file is damaged; download it again", e.Message);
    }

    [Fact]
    public void A_missing_file_says_where_it_was_looked_for_where_to_get_it_and_which_option_to_pass()
    {
        using var dir = new TemporaryDirectory();
        string missing = dir.File("census-income.test.gz");

        var e = Assert.Throws<CensusDataNotFoundException>(() => new CensusReader(missing));

        Assert.Equal(new[] { missing }, e.LookedAt);
        Assert.Contains($"'{missing}'", e.Message);
        Assert.Contains("UCI Machine Learning Repository", e.Message);
        Assert.Contains("Census-Income (KDD)", e.Message);
        Assert.Contains("../shared/data/census-income.test.gz", e.Message);
        Assert.Contains("--data PATH", e.Message);
        Assert.Contains("--train PATH --test PATH", e.Message);
    }
}
