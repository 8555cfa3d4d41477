using System;
using System.Collections.Generic;
using System.IO;

namespace PleGen.Samples.Census;

/// <summary>
/// Where the census data comes from: one file split three ways (<c>--data PATH</c>, default
/// ../shared/data/census-income.test.gz beside the repository root) or separate training and test files
/// (<c>--train PATH --test PATH</c>). Resolving checks that the files exist and says what to do when they do not.
/// </summary>
public sealed record CensusDataSource
{
    /// <summary>The default data file, relative to the repository root.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("..", "shared", "data", "census-income.test.gz");

    private CensusDataSource(string? singleFile, string? trainFile, string? testFile)
    {
        SingleFile = singleFile;
        TrainFile = trainFile;
        TestFile = testFile;
    }

    /// <summary>The one file to split, or null for separate files.</summary>
    public string? SingleFile { get; }

    /// <summary>The training file, or null for a single file.</summary>
    public string? TrainFile { get; }

    /// <summary>The test file, or null for a single file.</summary>
    public string? TestFile { get; }

    /// <summary>
    /// Resolves the command-line options: <paramref name="data"/> alone, <paramref name="train"/> with
    /// <paramref name="test"/>, or none of them for the default file found from <paramref name="searchFrom"/>
    /// (default: the current directory, then the application's directory) by walking up to the folder with PleGen.sln.
    /// </summary>
    public static CensusDataSource Resolve(string? data, string? train, string? test, IReadOnlyList<string>? searchFrom = null)
    {
        if (data is not null && (train is not null || test is not null))
        {
            throw new ArgumentException("Pass either --data PATH (one file, split 70/15/15) or --train PATH --test PATH (separate files), not both.");
        }

        if ((train is null) != (test is null))
        {
            throw new ArgumentException($"--train and --test go together: got only {(train is null ? "--test" : "--train")}. Pass both, or --data PATH for a single file.");
        }

        if (train is not null && test is not null)
        {
            RequireFile(train);
            RequireFile(test);
            RequireDifferentFiles(train, test);
            return new CensusDataSource(null, train, test);
        }

        if (data is not null)
        {
            RequireFile(data);
            return new CensusDataSource(data, null, null);
        }

        return new CensusDataSource(FindDefault(searchFrom ?? [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]), null, null);
    }

    /// <summary>Reads the file(s) and prepares the splits.</summary>
    public CensusData Load(CensusPipelineOptions? pipeline = null, CensusReadOptions? read = null)
    {
        if (SingleFile is not null)
        {
            return CensusPipeline.Prepare(CensusReader.ReadTable(SingleFile, read), pipeline);
        }

        return CensusPipeline.Prepare(CensusReader.ReadTable(TrainFile!, read), CensusReader.ReadTable(TestFile!, read), pipeline);
    }

    /// <inheritdoc />
    public override string ToString() => SingleFile ?? $"train {TrainFile}, test {TestFile}";

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CensusDataNotFoundException([Path.GetFullPath(path)]);
        }
    }

    // Testing on the training file would report training-set AUCs as test results.
    private static void RequireDifferentFiles(string train, string test)
    {
        string trainFile = FinalPath(train), testFile = FinalPath(test);
        StringComparison comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(trainFile, testFile, comparison))
        {
            string options = train == test ? "--train and --test" : $"--train {train} and --test {test}";
            throw new ArgumentException($"{options} are the same file ({trainFile}): the models would be tested on their training data. "
                + "Pass UCI's separate training and test files (census-income.data and census-income.test), or --data PATH to split one file 70/15/15.");
        }
    }

    // The absolute path of the file itself: "a/../b" spelled out, a symbolic link followed to its target.
    private static string FinalPath(string path)
    {
        string full = Path.GetFullPath(path);
        return File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : full;
    }

    private static string FindDefault(IReadOnlyList<string> searchFrom)
    {
        var lookedAt = new List<string>();
        foreach (string start in searchFrom)
        {
            string? root = RepositoryRoot.Find(start);
            if (root is null)
            {
                lookedAt.Add($"{DefaultRelativePath} relative to a repository root above {Path.GetFullPath(start)} (no {RepositoryRoot.SolutionFile} found)");
                continue;
            }

            string candidate = Path.GetFullPath(Path.Combine(root, DefaultRelativePath));
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (!lookedAt.Contains(candidate))
            {
                lookedAt.Add(candidate);
            }
        }

        throw new CensusDataNotFoundException(lookedAt);
    }
}
