using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PleGen.Runtime.Data;
using PleGen.Runtime.Tests.Checkpoints;
using Xunit;

namespace PleGen.Runtime.Tests.Data;

public sealed class PreprocessingTests
{
    // 10 rows: color "c" is seen only in row 9 (never in training rows 0..7), sizes grow with the row.
    private static DataTable Table() => new([
        new CategoricalColumn("color", ["b", "a", "b", "z", "a", "b", "z", "z", "c", "a"]),
        new NumericColumn("size", [1, 2, 3, 4, 5, 6, 7, 8, 100, 200]),
        new NumericColumn("flat", [3, 3, 3, 3, 3, 3, 3, 3, 4, 5]),
        new NumericColumn("clicked", [0, 1, 0, 1, 1, 0, 0, 1, 1, 0]),
    ]);

    private static readonly int[] TrainRows = [0, 1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public void Vocabulary_ids_follow_training_frequency_then_ordinal_order_and_0_is_out_of_vocabulary()
    {
        CategoricalColumn color = Table().Categorical("color");

        CategoricalVocabulary byFrequency = CategoricalVocabulary.Fit(color, TrainRows);
        CategoricalVocabulary ordinal = CategoricalVocabulary.Fit(color, TrainRows, VocabularyOrder.Ordinal);

        Assert.Equal(new[] { "b", "z", "a" }, byFrequency.Values); // b and z 3 times (ordinal tie-break), a twice
        Assert.Equal(new[] { "a", "b", "z" }, ordinal.Values);
        Assert.Equal(4, byFrequency.Cardinality);
        Assert.Equal(new[] { 1, 3, 1, 2, 3, 1, 2, 2, 0, 3 }, byFrequency.Encode(color));
        Assert.Equal(0, byFrequency.IdOf("c"));
        Assert.Equal(new[] { "b", "z" }, CategoricalVocabulary.Fit(color, TrainRows, minCount: 3).Values);
    }

    [Fact]
    public void Unseen_values_of_the_test_split_get_id_0_and_statistics_come_from_training_rows_only()
    {
        DataTable table = Table();
        Preprocessing preprocessing = Preprocessing.Fit(table, TrainRows, new PreprocessingOptions { Standardize = ["size", "flat"] });

        PreparedTable test = preprocessing.Apply(table, [8, 9]);

        Assert.Equal(new[] { 0, 3 }, test.Ids("color"));
        Standardization size = preprocessing.StandardizationOf("size")!;
        Assert.Equal(4.5, size.Mean, 12);
        Assert.Equal(Math.Sqrt(5.25), size.Std, 12); // population std of 1..8
        Assert.Equal(new[] { (float)((100 - 4.5) / Math.Sqrt(5.25)), (float)((200 - 4.5) / Math.Sqrt(5.25)) }, test.Values("size"));
        Assert.True(preprocessing.StandardizationOf("flat")!.IsConstant);
        Assert.Equal(new[] { 1f, 2f }, test.Values("flat")); // a constant training column is only centered
        Assert.Equal(new[] { 1f, 0f }, test.Values("clicked")); // not standardized: as read
    }

    [Fact]
    public void Standardized_training_column_has_mean_0_and_unit_population_std()
    {
        DataTable table = Table();
        PreparedTable train = Preprocessing.Fit(table, TrainRows, new PreprocessingOptions { Standardize = ["size"] }).Apply(table, TrainRows);

        float[] size = train.Values("size");
        Assert.Equal(0, size.Average(), 6);
        Assert.Equal(1, Math.Sqrt(size.Select(v => (double)v * v).Average()), 6);
    }

    [Fact]
    public void Seeded_splits_are_reproducible_disjoint_and_cover_every_row()
    {
        DataSplit a = DataSplit.Shuffled(1001, SplitFractions.Default, 42);
        DataSplit b = DataSplit.Shuffled(1001, SplitFractions.Default, 42);
        DataSplit c = DataSplit.Shuffled(1001, SplitFractions.Default, 43);

        Assert.Equal((701, 150, 150), (a.Train.Count, a.Validation.Count, a.Test.Count));
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Train, c.Train);
        Assert.Equal(Enumerable.Range(0, 1001), a.Train.Concat(a.Validation).Concat(a.Test).Order());
        Assert.True(a.Validation.SequenceEqual(a.Validation.Order()));
        Assert.Throws<ArgumentException>(() => new SplitFractions(0.7, 0.2, 0.2));
    }

    [Fact]
    public void Stratified_split_keeps_each_class_share_in_every_part()
    {
        float[] labels = Enumerable.Range(0, 1000).Select(i => i % 10 == 0 ? 1f : 0f).ToArray(); // 10 % positives
        DataSplit split = DataSplit.Stratified(new NumericColumn("y", labels), new SplitFractions(0.6, 0.2, 0.2), 5);

        Assert.Equal(Enumerable.Range(0, 1000), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        Assert.Equal(60, split.Train.Count(r => labels[r] == 1));
        Assert.Equal(20, split.Validation.Count(r => labels[r] == 1));
        Assert.Equal(20, split.Test.Count(r => labels[r] == 1));
        Assert.Equal(split.Test, DataSplit.Stratified(new NumericColumn("y", labels), new SplitFractions(0.6, 0.2, 0.2), 5).Test);
    }

    [Fact]
    public void Saved_preprocessing_loads_back_and_maps_new_data_exactly_as_training_did()
    {
        using var scratch = new DataScratch();
        DataTable table = Table();
        var options = new PreprocessingOptions
        {
            Standardize = ["size"],
            Mapping = new ColumnMapping().MapDense("shape", "size", "flat").MapLabel("ctr", "clicked").MapMask("ctr", "clicked"),
        };
        Preprocessing fitted = Preprocessing.Fit(table, TrainRows, options);
        string path = Preprocessing.PathBeside(scratch.File("model.safetensors"));
        Assert.Equal(scratch.File("model.preprocessing.json"), path);

        fitted.Save(path);
        Preprocessing loaded = Preprocessing.Load(path);

        DataTable newData = new([new CategoricalColumn("color", ["z", "c", "a"]), new NumericColumn("size", [3.3f, -1, 8]), new NumericColumn("flat", [3, 3, 3]), new NumericColumn("clicked", [1, 0, 1])]);
        PreparedTable expected = fitted.Apply(newData);
        PreparedTable actual = loaded.Apply(newData);
        Assert.Equal(expected.Ids("color"), actual.Ids("color"));
        Assert.Equal(expected.Dense("shape", 2), actual.Dense("shape", 2));
        Assert.Equal(fitted.StandardizationOf("size"), loaded.StandardizationOf("size")); // mean and std round-trip bit for bit
        Assert.Equal(new[] { "size", "flat" }, loaded.Mapping.DenseColumns("shape"));
        Assert.Equal("clicked", loaded.Mapping.LabelColumn("ctr"));
        Assert.Equal("clicked", loaded.Mapping.MaskColumn("ctr"));
        Assert.Equal(new[] { path }, Directory.GetFiles(scratch.Path)); // no temporary file left behind
    }

    [Fact]
    public void A_save_that_fails_midway_leaves_no_partial_file_and_keeps_the_previous_one()
    {
        using var scratch = new DataScratch();
        string path = scratch.File("model.preprocessing.json");
        Preprocessing first = Preprocessing.Fit(Table(), TrainRows);
        first.Save(path);
        byte[] before = File.ReadAllBytes(path);
        Preprocessing second = Preprocessing.Fit(Table(), null, new PreprocessingOptions { Standardize = ["size"] });

        var e = Assert.Throws<PreprocessingFileException>(() => second.SaveWith(path, stream => new FailingStream(stream, 40)));

        Assert.Contains("previous file at that path is unchanged", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(scratch.Path));
    }

    [Fact]
    public void A_file_that_is_not_preprocessing_or_of_another_version_is_refused_clearly()
    {
        using var scratch = new DataScratch();
        string path = scratch.File("p.json");
        Preprocessing.Fit(Table(), TrainRows).Save(path);

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"version\": 1", "\"version\": 7", StringComparison.Ordinal));
        var newer = Assert.Throws<PreprocessingFileException>(() => Preprocessing.Load(path));
        Assert.Contains("format version 7, but this PleGen reads version 1", newer.Message);
        Assert.Contains("upgrade PleGen", newer.Message);

        File.WriteAllText(path, "{\"weights\": [1, 2]}");
        Assert.Contains("not a PleGen preprocessing file", Assert.Throws<PreprocessingFileException>(() => Preprocessing.Load(path)).Message);
        File.WriteAllText(path, "{\"format\": \"plegen-preprocessing\", \"vers");
        Assert.Contains("not valid JSON", Assert.Throws<PreprocessingFileException>(() => Preprocessing.Load(path)).Message);
        Assert.Contains("not found", Assert.Throws<PreprocessingFileException>(() => Preprocessing.Load(scratch.File("none.json"))).Message);
    }
}
