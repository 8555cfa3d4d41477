using System.Linq;
using PleGen.Runtime.Data;
using Xunit;

namespace PleGen.Runtime.Tests.Data;

public sealed class ColumnBindingTests
{
    private static DataTable Table() => new([
        new CategoricalColumn("item", ["a", "b", "c", "a"]),
        new CategoricalColumn("city", ["x", "y", "x", "x"]),
        new NumericColumn("u0", [1, 2, 3, 4]),
        new NumericColumn("u1", [10, 20, 30, 40]),
        new NumericColumn("ctr", [0, 1, 1, 0]),
        new NumericColumn("watch", [0.5f, 3, 7.25f, 0]),
        new NumericColumn("in_space", [1, 1, 0, 1]),
    ]);

    private static PreparedTable Prepare(ColumnMapping? mapping = null)
    {
        DataTable table = Table();
        return Preprocessing.Fit(table, null, new PreprocessingOptions { Mapping = mapping ?? new ColumnMapping() }).Apply(table);
    }

    [Fact]
    public void Features_and_tasks_bind_by_name()
    {
        IColumnSource source = Prepare();

        Assert.Equal(4, source.RowCount);
        Assert.Equal(new[] { 1, 2, 3, 1 }, source.Categorical("item", 4));
        Assert.Equal(new[] { 1f, 2, 3, 4 }, source.Dense("u0", 1));
        Assert.Equal(new[] { 0f, 1, 1, 0 }, source.Labels("ctr", TaskKind.Binary));
        Assert.Equal(new[] { 0.5f, 3, 7.25f, 0 }, source.Labels("watch", TaskKind.Regression));
        Assert.Null(source.Mask("ctr"));
    }

    [Fact]
    public void A_label_column_listed_for_standardization_is_refused_instead_of_read_unscaled()
    {
        DataTable table = Table();
        PreparedTable prepared = Preprocessing.Fit(table, null, new PreprocessingOptions { Standardize = ["u0", "watch"] }).Apply(table);

        Assert.NotEqual(new[] { 1f, 2, 3, 4 }, prepared.Dense("u0", 1)); // features are scaled
        var error = Assert.Throws<DataBindingException>(() => prepared.Labels("watch", TaskKind.Regression));
        Assert.Contains("Task 'watch' binds to column 'watch', which PreprocessingOptions.Standardize scales", error.Message);
        Assert.Contains("Remove 'watch' from Standardize", error.Message);
    }

    [Fact]
    public void Explicit_mapping_binds_a_wide_dense_feature_to_its_columns_row_major_and_a_mask_to_a_column()
    {
        IColumnSource source = Prepare(new ColumnMapping().MapDense("user", "u0", "u1").MapCategorical("place", "city").MapLabel("click", "ctr").MapMask("click", "in_space"));

        Assert.Equal(new[] { 1f, 10, 2, 20, 3, 30, 4, 40 }, source.Dense("user", 2));
        Assert.Equal(new[] { 1, 2, 1, 1 }, source.Categorical("place", 3));
        Assert.Equal(new[] { 0f, 1, 1, 0 }, source.Labels("click", TaskKind.Binary));
        Assert.Equal(new[] { 1f, 1, 0, 1 }, source.Mask("click"));
    }

    [Fact]
    public void A_missing_column_names_the_feature_the_expected_column_and_the_columns_that_exist()
    {
        IColumnSource source = Prepare();

        var e = Assert.Throws<ColumnNotFoundException>(() => source.Categorical("itme", 4));

        Assert.Contains("has no column 'itme' (needed for categorical feature 'itme')", e.Message);
        Assert.Contains("Did you mean 'item'?", e.Message);
        Assert.Contains("'u0', 'u1'", e.Message);
    }

    [Fact]
    public void A_wide_dense_feature_without_mapping_or_with_the_wrong_number_of_columns_says_what_to_map()
    {
        IColumnSource unmapped = Prepare();
        var e = Assert.Throws<DataBindingException>(() => unmapped.Dense("user", 2));
        Assert.Equal("dense feature 'user'", e.Subject);
        Assert.Contains("declared with width 2 but has no mapping, so it binds to the single column 'user'", e.Message);
        Assert.Contains("MapDense(\"user\", ...)", e.Message);

        IColumnSource wrong = Prepare(new ColumnMapping().MapDense("user", "u0", "u1"));
        Assert.Contains("is mapped to 2 columns ('u0', 'u1')", Assert.Throws<DataBindingException>(() => wrong.Dense("user", 3)).Message);
    }

    [Fact]
    public void A_vocabulary_larger_than_the_declared_cardinality_says_the_cardinality_needed()
    {
        IColumnSource source = Prepare();

        var e = Assert.Throws<DataBindingException>(() => source.Categorical("item", 3));

        Assert.Equal("Categorical feature 'item' declares cardinality 3, but column 'item' has 3 values in its training vocabulary plus id 0 for unseen ones: declare cardinality 4 (or more), or raise PreprocessingOptions.MinCategoryCount.", e.Message);
        Assert.Contains("is numeric", Assert.Throws<DataBindingException>(() => source.Categorical("u0", 9)).Message);
    }

    [Fact]
    public void A_binary_label_outside_0_1_names_the_column_row_and_value()
    {
        IColumnSource source = Prepare(new ColumnMapping().MapLabel("clicked", "watch").MapMask("ctr", "u1"));

        var e = Assert.Throws<DataBindingException>(() => source.Labels("clicked", TaskKind.Binary));
        Assert.StartsWith("in-memory columns row 1, column 'watch': 0.5 is not 0 or 1; binary task 'clicked' needs labels 0 or 1.", e.Message);
        Assert.Contains("column 'u1': 10 is not 0 or 1", Assert.Throws<DataBindingException>(() => source.Mask("ctr")).Message);
    }

    [Fact]
    public void Errors_after_a_split_name_the_row_and_line_of_the_file()
    {
        using var scratch = new DataScratch();
        DataTable table = DataTable.ReadCsv(scratch.Write("d.csv", "y,x\n0,a\n1,b\n2,c\n"), new CsvOptions { Numeric = ["y"] });
        PreparedTable last = Preprocessing.Fit(table, [0, 1]).Apply(table, [2]);

        var e = Assert.Throws<DataBindingException>(() => last.Labels("y", TaskKind.Binary));

        Assert.Contains("d.csv row 3 (line 4), column 'y': 2 is not 0 or 1", e.Message);
        Assert.Equal(new[] { 0 }, last.Categorical("x", 3)); // 'c' was not in the training rows
    }
}
