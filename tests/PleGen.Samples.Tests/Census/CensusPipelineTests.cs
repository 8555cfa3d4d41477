using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.Samples.Census;
using PleGen.Runtime.Data;
using Xunit;

namespace PleGen.Samples.Tests.Census;

public sealed class CensusPipelineTests
{
    private const int Rows = 400;

    // Row i: education "E{i % 7}" except every 25th row, which has a value of its own ("U{i}"), so some
    // values exist only outside the training split. Age grows with i; labels follow simple rules.
    private static string RowText(int i) => CensusLines.Row(
        age: 20 + (i % 50),
        education: i % 25 == 0 ? $"U{i}" : $"E{i % 7}",
        neverMarried: i % 3 == 0,
        incomeAbove50K: i % 5 == 0,
        weight: 100 + i);

    private static CensusTable Table(TemporaryDirectory dir, string name = "c.txt", int rows = Rows, Func<int, string>? row = null) =>
        CensusReader.ReadTable(dir.WriteText(name, CensusLines.File(Enumerable.Range(0, rows).Select(row ?? RowText))));

    [Fact]
    public void Splits_are_70_15_15_disjoint_complete_and_fixed_by_the_seed()
    {
        using var dir = new TemporaryDirectory();
        CensusTable table = Table(dir);

        CensusData a = CensusPipeline.Prepare(table, new CensusPipelineOptions { Seed = 7 });
        CensusData b = CensusPipeline.Prepare(table, new CensusPipelineOptions { Seed = 7 });
        CensusData c = CensusPipeline.Prepare(table, new CensusPipelineOptions { Seed = 8 });

        Assert.Equal((280, 60, 60), (a.Train.Count, a.Validation.Count, a.Test.Count));
        int[] all = a.Train.SourceRows.Concat(a.Validation.SourceRows).Concat(a.Test.SourceRows).ToArray();
        Assert.Equal(Enumerable.Range(0, Rows), all.Order());
        Assert.Equal(a.Train.SourceRows, b.Train.SourceRows);
        Assert.Equal(a.Test.SourceRows, b.Test.SourceRows);
        Assert.Equal(a.Train.Dense, b.Train.Dense);
        Assert.NotEqual(a.Train.SourceRows, c.Train.SourceRows);
        Assert.Contains("seed 7", a.Description);
    }

    [Fact]
    public void Vocabularies_come_from_the_training_split_only_and_unseen_values_get_id_0()
    {
        using var dir = new TemporaryDirectory();
        CensusData data = CensusPipeline.Prepare(Table(dir), new CensusPipelineOptions { Seed = 3 });
        CategoricalVocabulary education = data.Schema.Vocabulary("education");
        string ValueOf(int row) => row % 25 == 0 ? $"U{row}" : $"E{row % 7}";

        var trainValues = data.Train.SourceRows.Select(ValueOf).ToHashSet();
        Assert.Equal(trainValues.Order(StringComparer.Ordinal), education.Values.Order(StringComparer.Ordinal));
        Assert.Equal(trainValues.Count + 1, education.Cardinality);
        Assert.DoesNotContain(0, data.Train.Categorical("education"));

        int unseen = 0;
        foreach (CensusSplit split in new[] { data.Validation, data.Test })
        {
            int[] ids = split.Categorical("education");
            for (int i = 0; i < split.Count; i++)
            {
                string value = ValueOf(split.SourceRows[i]);
                int expected = trainValues.Contains(value) ? education.IdOf(value) : CategoricalVocabulary.OutOfVocabularyId;
                Assert.Equal(expected, ids[i]);
                unseen += expected == 0 ? 1 : 0;
            }
        }

        Assert.True(unseen > 0, "the seeded split should leave some one-off values outside the training split");
    }

    [Fact]
    public void Ids_are_ordered_by_training_frequency_then_value()
    {
        var vocabulary = CategoricalVocabulary.Build("c", new Dictionary<string, int> { ["b"] = 5, ["a"] = 5, ["z"] = 9, ["rare"] = 1 }, minCount: 2);

        Assert.Equal(new[] { "z", "a", "b" }, vocabulary.Values);
        Assert.Equal(1, vocabulary.IdOf("z"));
        Assert.Equal(2, vocabulary.IdOf("a"));
        Assert.Equal(0, vocabulary.IdOf("rare"));
        Assert.Equal(0, vocabulary.IdOf("never seen"));
        Assert.Equal(4, vocabulary.Cardinality);
    }

    [Fact]
    public void Standardization_uses_training_statistics_for_every_split()
    {
        using var dir = new TemporaryDirectory();
        CensusData data = CensusPipeline.Prepare(Table(dir), new CensusPipelineOptions { Seed = 11 });
        double[] trainAges = data.Train.SourceRows.Select(r => 20.0 + (r % 50)).ToArray();
        double mean = trainAges.Average();
        double std = Math.Sqrt(trainAges.Select(a => (a - mean) * (a - mean)).Sum() / trainAges.Length);

        Standardization age = data.Schema.Numeric.Single(n => n.Column == "age");
        Assert.Equal(mean, age.Mean, 9);
        Assert.Equal(std, age.Std, 9);

        float[] trainAge = data.Train.Numeric("age");
        Assert.Equal(0, trainAge.Average(), 5);
        Assert.Equal(1, Math.Sqrt(trainAge.Select(v => (double)v * v).Average()), 4);
        for (int i = 0; i < data.Test.Count; i++)
        {
            double raw = 20 + (data.Test.SourceRows[i] % 50);
            Assert.Equal((raw - mean) / std, data.Test.Numeric("age")[i], 5);
        }
    }

    [Fact]
    public void A_column_constant_on_the_training_split_is_centered_not_divided_by_zero()
    {
        using var dir = new TemporaryDirectory();
        CensusData data = CensusPipeline.Prepare(Table(dir), new CensusPipelineOptions { Seed = 1 });

        Standardization wage = data.Schema.Numeric.Single(n => n.Column == "wage_per_hour");
        Assert.True(wage.IsConstant);
        Assert.All(data.Train.Numeric("wage_per_hour"), v => Assert.Equal(0f, v));
        Assert.Equal(5f, wage.Apply(5));
        Assert.All(data.Train.Dense, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Dense_matrix_is_row_major_over_the_seven_numeric_columns_and_labels_follow_the_rows()
    {
        using var dir = new TemporaryDirectory();
        CensusData data = CensusPipeline.Prepare(Table(dir));
        CensusSplit split = data.Validation;

        Assert.Equal(7, data.Schema.DenseWidth);
        Assert.Equal(split.Count * 7, split.Dense.Length);
        for (int i = 0; i < split.Count; i++)
        {
            for (int n = 0; n < 7; n++)
            {
                Assert.Equal(split.Numeric(CensusColumns.Numeric[n])[i], split.Dense[(i * 7) + n]);
            }

            int row = split.SourceRows[i];
            Assert.Equal(row % 5 == 0 ? 1f : 0f, split.Income[i]);
            Assert.Equal(row % 3 == 0 ? 1f : 0f, split.NeverMarried[i]);
            Assert.Equal(100f + row, split.InstanceWeights[i]);
        }

        Assert.Same(split.Income, split.Labels("income"));
        Assert.Same(split.NeverMarried, split.Labels("never_married"));
        Assert.Contains("'marital'", Assert.Throws<ArgumentException>(() => split.Labels("marital")).Message);
    }

    [Fact]
    public void Separate_files_carve_validation_out_of_train_and_test_the_whole_test_file()
    {
        using var dir = new TemporaryDirectory();
        CensusTable train = Table(dir, "train.txt", 200, i => CensusLines.Row(30, $"E{i % 4}", i % 2 == 0, i % 7 == 0));
        CensusTable test = Table(dir, "test.txt", 50, i => CensusLines.Row(40, i < 10 ? "Never in train" : $"E{i % 4}", false, true));

        CensusData data = CensusPipeline.Prepare(train, test, new CensusPipelineOptions { ValidationFractionOfTrain = 0.2 });

        Assert.Equal((160, 40, 50), (data.Train.Count, data.Validation.Count, data.Test.Count));
        Assert.Empty(data.Train.SourceRows.Intersect(data.Validation.SourceRows));
        Assert.Equal(Enumerable.Range(0, 50), data.Test.SourceRows);
        Assert.EndsWith("test.txt", data.Test.Source);
        Assert.All(data.Test.Categorical("education").Take(10), id => Assert.Equal(0, id));
        Assert.All(data.Test.Categorical("education").Skip(10), id => Assert.NotEqual(0, id));
        Assert.Equal(2, data.BadRows.Count);
    }

    [Fact]
    public void Shuffled_split_rounds_validation_and_test_down_and_gives_the_rest_to_training()
    {
        DataSplit split = DataSplit.Shuffled(101, SplitFractions.Default, 5);

        Assert.Equal((71, 15, 15), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.True(split.Train.SequenceEqual(split.Train.Order()));
        Assert.Equal(Enumerable.Range(0, 101), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        Assert.Throws<ArgumentException>(() => new SplitFractions(0.7, 0.2, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitFractions(0, 0.5, 0.5));
    }
}
