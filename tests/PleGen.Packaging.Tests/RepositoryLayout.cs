using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PleGen.Packaging.Tests;

/// <summary>Finds the repository root: above the test's output folder, else where the test project was built from.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PleGen.sln")))
            {
                return dir.FullName;
            }
        }

        string? built = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "PleGen.sln")))
        {
            return built;
        }

        throw new InvalidOperationException($"No PleGen.sln above {AppContext.BaseDirectory} nor at '{built}'; run the tests from the repository.");
    }
}
