using System;
using System.IO;

namespace PleGen.Tests.Shared;

/// <summary>The repository root, found from this source file's location at compile time.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PleGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PleGen.sln not found above " + thisFile);
    }
}
