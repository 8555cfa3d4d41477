using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using PleGen.Samples.Census;

namespace PleGen.Samples.Tests.Census;

/// <summary>Where the real census file is, if anywhere.</summary>
public static class RealCensusFile
{
    // Test binaries may live outside the checkout (--artifacts-path), so start from this source file's folder
    // (test projects keep real source paths), then the working and binary directories.
    private static readonly string[] SearchFrom = [System.IO.Path.GetDirectoryName(ThisFile())!, Directory.GetCurrentDirectory(), System.AppContext.BaseDirectory];

    private static readonly string? Root = SearchFrom.Select(RepositoryRoot.Find).FirstOrDefault(r => r is not null);

    /// <summary>The file's path, or null when it is absent.</summary>
    public static string? Path { get; } = Root is null ? null : Existing(System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, CensusDataSource.DefaultRelativePath)));

    /// <summary>Where the file was looked for.</summary>
    public static string WhereLooked => Root is null
        ? $"no {RepositoryRoot.SolutionFile} above {string.Join(" or ", SearchFrom)}"
        : $"looked for {System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, CensusDataSource.DefaultRelativePath))}";

    /// <summary>The folders the repository root is searched from.</summary>
    public static IReadOnlyList<string> SearchDirectories => SearchFrom;

    private static string? Existing(string path) => File.Exists(path) ? path : null;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
