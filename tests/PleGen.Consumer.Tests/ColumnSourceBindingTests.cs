using System.IO;
using System.Linq;
using PleGen.Runtime.Data;
using Xunit;

namespace PleGen.Consumer.Tests;

/// <summary>
/// The data layer end to end: a CSV read by column names, fitted on a seeded training split, bound by the names the
/// declaration gives (or the mapping) through the generated <c>Dataset.FromColumns</c>.
/// </summary>
public sealed class ColumnSourceBindingTests
{
    [Fact]
    public void A_csv_bound_by_name_builds_a_generated_dataset()
    {
        string path = Path.Combine(Path.GetTempPath(), $"plegen-video-{System.Guid.NewGuid():N}.csv");
        var rows = Enumerable.Range(0, 40).Select(i => $"{i % 7},{i % 3},{i * 0.5},{i % 2},{i % 5},{i * 0.1},item{i % 9},{i % 2},{i * 0.25}");
        File.WriteAllLines(path, ["u0,u1,u2,u3,u4,u5,item,clicked,watch_time", .. rows]);
        try
        {
            DataTable table = DataTable.ReadCsv(path, new CsvOptions { Numeric = ["u0", "u1", "u2", "u3", "u4", "u5", "clicked", "watch_time"] });
            DataSplit split = DataSplit.Shuffled(table.RowCount, SplitFractions.Default, seed: 3);
            Preprocessing preprocessing = Preprocessing.Fit(table, split.Train, new PreprocessingOptions
            {
                Standardize = ["u0", "u1", "u2", "u3", "u4", "u5"],
                Mapping = new ColumnMapping().MapDense("user", "u0", "u1", "u2", "u3", "u4", "u5").MapLabel("ctr", "clicked"),
            });
            IColumnSource train = preprocessing.Apply(table, split.Train);

            VideoPle.Dataset dataset = VideoPle.Dataset.FromColumns(train);

            Assert.Equal(split.Train.Count, dataset.Count);
            Assert.Equal(split.Train.Select(r => (float)(r % 2)), dataset.CtrLabels);
            Assert.Equal(split.Train.Select(r => r * 0.25f), dataset.WatchTimeLabels);
            Assert.All(train.Categorical("item", 100), id => Assert.InRange(id, 1, 9));
            var error = Assert.Throws<DataBindingException>(() => train.Categorical("item", 5));
            Assert.Contains($"declare cardinality {preprocessing.VocabularyOf("item")!.Cardinality}", error.Message);

            // A column the declaration names but the table lacks: the error names the task and the column it looked for.
            Preprocessing unmapped = Preprocessing.Fit(table, split.Train, new PreprocessingOptions { Mapping = new ColumnMapping().MapDense("user", "u0", "u1", "u2", "u3", "u4", "u5") });
            var missing = Assert.ThrowsAny<System.Exception>(() => VideoPle.Dataset.FromColumns(unmapped.Apply(table, split.Train)));
            Assert.Contains("ctr", missing.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
