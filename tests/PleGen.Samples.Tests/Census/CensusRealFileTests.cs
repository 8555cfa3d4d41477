using System.Linq;
using PleGen.Samples.Census;
using Xunit;

namespace PleGen.Samples.Tests.Census;

/// <summary>The real UCI census-income.test.gz from ../shared/data (skipped, with the reason, when absent).</summary>
public sealed class CensusRealFileTests
{
    [RequiresCensusDataFact]
    public void The_real_file_has_the_published_counts()
    {
        CensusTable table = CensusReader.ReadTable(RealCensusFile.Path!);

        Assert.Equal(99_762, table.Count);
        Assert.Equal(43_143, table.CountNeverMarried());
        Assert.Equal(6_186, table.CountIncomeAbove50K());
        Assert.Equal(0, table.BadRows.Count);
    }

    [RequiresCensusDataFact]
    public void The_default_source_finds_the_real_file_and_the_pipeline_prepares_it()
    {
        CensusDataSource source = CensusDataSource.Resolve(null, null, null, RealCensusFile.SearchDirectories);
        Assert.Equal(RealCensusFile.Path, source.SingleFile);

        CensusData data = source.Load();

        Assert.Equal(99_762, data.Train.Count + data.Validation.Count + data.Test.Count);
        Assert.Equal(14_964, data.Validation.Count);
        Assert.Equal(6_186, data.Train.Income.Sum() + data.Validation.Income.Sum() + data.Test.Income.Sum());
        Assert.Equal(43_143, data.Train.NeverMarried.Sum() + data.Validation.NeverMarried.Sum() + data.Test.NeverMarried.Sum());
        Assert.Equal(32, data.Schema.Categorical.Count);
        Assert.All(data.Schema.Categorical, v => Assert.True(v.Cardinality >= 2));
        Assert.All(data.Train.Dense, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(data.Train.Count * 7, data.Train.Dense.Length);
    }
}
