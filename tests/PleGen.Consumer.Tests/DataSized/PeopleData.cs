using System.IO;
using System.Linq;
using PleGen.Runtime.Data;

namespace PleGen.Consumer.Tests.DataSized;

/// <summary>A small people table as CSV (string categories), its seeded split and the preprocessing fitted on the training rows.</summary>
internal sealed class PeopleData
{
    public static readonly string[] Occupations = ["clerk", "nurse", "driver", "teacher", "farmer", "cook", "pilot"];
    public static readonly string[] Countries = ["fr", "de", "it"];

    private PeopleData(DataTable table, DataSplit split, Preprocessing preprocessing)
    {
        Table = table;
        Split = split;
        Preprocessing = preprocessing;
    }

    public DataTable Table { get; }

    public DataSplit Split { get; }

    public Preprocessing Preprocessing { get; }

    public PreparedTable Train => Preprocessing.Apply(Table, Split.Train);

    public PreparedTable Validation => Preprocessing.Apply(Table, Split.Validation);

    /// <summary><paramref name="occupations"/> of the seven occupations appear in the file (so the vocabulary, and the cardinality, follow the data).</summary>
    public static PeopleData Make(int rows = 400, int occupations = 7, PreprocessingOptions? options = null)
    {
        var lines = Enumerable.Range(0, rows).Select(i =>
        {
            string occupation = Occupations[(i * 3) % occupations];
            int income = (i * 3) % occupations < 3 ? 1 : 0;
            return $"{20 + (i % 40)},{"abcde"[i % 5]},{occupation},{Countries[i % 3]},{income},{(i % 7) * 0.5}";
        });
        var reader = new StringReader(string.Join("\n", ["age,education,occupation,country,income,hours", .. lines]));
        DataTable table = DataTable.ReadCsv(reader, "people.csv", new CsvOptions { Numeric = ["age", "income", "hours"] });
        DataSplit split = DataSplit.Shuffled(table.RowCount, SplitFractions.Default, seed: 5);
        return new PeopleData(table, split, Preprocessing.Fit(table, split.Train, options ?? new PreprocessingOptions { Standardize = ["age"] }));
    }
}
