using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PleGen.Samples.Census;

/// <summary>
/// The census data file is not where it was looked for. The message says where that was, where to get the
/// data and which option points the sample at a copy.
/// </summary>
public sealed class CensusDataNotFoundException : FileNotFoundException
{
    /// <summary>Creates the exception for the places that were tried (absolute paths or directories).</summary>
    public CensusDataNotFoundException(IReadOnlyList<string> lookedAt)
        : base(Compose(lookedAt), lookedAt.Count > 0 ? lookedAt[0] : null)
    {
        LookedAt = lookedAt;
    }

    /// <summary>Where the file was looked for.</summary>
    public IReadOnlyList<string> LookedAt { get; }

    private static string Compose(IReadOnlyList<string> lookedAt) =>
        "Census-Income data not found. Looked for: " + string.Join("; ", lookedAt.Select(p => $"'{p}'")) + ". "
        + "Get the data set \"Census-Income (KDD)\" from the UCI Machine Learning Repository "
        + "(census-income.test.gz, and census-income.data.gz for a separate training file; plain or gzip). "
        + "The sample's default is ../shared/data/census-income.test.gz relative to the repository root (the folder with PleGen.sln). "
        + "Pass --data PATH for a single file (split 70/15/15), or --train PATH --test PATH for separate training and test files.";
}
