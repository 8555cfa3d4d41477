using System;
using System.IO;
using PleGen.Samples.Census;
using Xunit;

namespace PleGen.Samples.Tests.Census;

public sealed class CensusDataSourceTests
{
    [Fact]
    public void Data_option_selects_one_file_and_train_test_select_two()
    {
        using var dir = new TemporaryDirectory();
        string one = dir.WriteText("one.txt", CensusLines.File([CensusLines.Row()]));
        string two = dir.WriteText("two.txt", CensusLines.File([CensusLines.Row()]));

        CensusDataSource single = CensusDataSource.Resolve(one, null, null);
        CensusDataSource separate = CensusDataSource.Resolve(null, one, two);

        Assert.Equal(one, single.SingleFile);
        Assert.Null(single.TrainFile);
        Assert.Equal((one, two), (separate.TrainFile, separate.TestFile));
        Assert.Null(separate.SingleFile);
    }

    [Fact]
    public void Conflicting_or_incomplete_options_are_explained()
    {
        var both = Assert.Throws<ArgumentException>(() => CensusDataSource.Resolve("a", "b", "c"));
        Assert.Contains("either --data PATH", both.Message);

        var half = Assert.Throws<ArgumentException>(() => CensusDataSource.Resolve(null, "train.gz", null));
        Assert.Contains("got only --train", half.Message);
    }

    [Fact]
    public void The_same_file_for_train_and_test_is_refused_naming_both()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.WriteText("census.txt", CensusLines.File([CensusLines.Row()]));
        string sameFile = Path.Combine(dir.Path, "sub", "..", "census.txt");
        Directory.CreateDirectory(dir.File("sub"));
        string link = dir.File("link.txt");
        File.CreateSymbolicLink(link, file);

        var e = Assert.Throws<ArgumentException>(() => CensusDataSource.Resolve(null, file, file));
        var spelledOtherwise = Assert.Throws<ArgumentException>(() => CensusDataSource.Resolve(null, file, sameFile));
        var linked = Assert.Throws<ArgumentException>(() => CensusDataSource.Resolve(null, link, file));

        Assert.Equal($"--train and --test are the same file ({file}): the models would be tested on their training data. Pass UCI's separate training and test files (census-income.data and census-income.test), or --data PATH to split one file 70/15/15.", e.Message);
        Assert.StartsWith($"--train {file} and --test {sameFile} are the same file ({file})", spelledOtherwise.Message);
        Assert.StartsWith($"--train {link} and --test {file} are the same file ({file})", linked.Message);
    }

    [Fact]
    public void A_missing_explicit_file_names_it()
    {
        using var dir = new TemporaryDirectory();
        string present = dir.WriteText("train.txt", CensusLines.File([CensusLines.Row()]));
        string absent = dir.File("test.txt");

        var e = Assert.Throws<CensusDataNotFoundException>(() => CensusDataSource.Resolve(null, present, absent));

        Assert.Equal(new[] { Path.GetFullPath(absent) }, e.LookedAt);
    }

    [Fact]
    public void Without_options_the_default_is_looked_for_beside_the_repository_root()
    {
        using var dir = new TemporaryDirectory();
        string repo = Path.Combine(dir.Path, "checkout");
        string nested = Path.Combine(repo, "samples", "CensusIncome", "bin");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(repo, RepositoryRoot.SolutionFile), string.Empty);

        var missing = Assert.Throws<CensusDataNotFoundException>(() => CensusDataSource.Resolve(null, null, null, [nested]));
        string expected = Path.Combine(dir.Path, "shared", "data", "census-income.test.gz");
        Assert.Equal(new[] { expected }, missing.LookedAt);
        Assert.Contains("--data PATH", missing.Message);

        Directory.CreateDirectory(Path.GetDirectoryName(expected)!);
        File.WriteAllText(expected, CensusLines.File([CensusLines.Row()]));
        Assert.Equal(expected, CensusDataSource.Resolve(null, null, null, [nested]).SingleFile);
    }

    [Fact]
    public void Without_a_repository_root_the_message_says_so()
    {
        using var dir = new TemporaryDirectory();

        var e = Assert.Throws<CensusDataNotFoundException>(() => CensusDataSource.Resolve(null, null, null, [dir.Path]));

        Assert.Contains("no PleGen.sln found", e.Message);
    }
}
