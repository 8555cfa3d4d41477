using System.IO;

namespace PleGen.Samples;

/// <summary>Finds the checkout a sample or test runs from: the nearest folder at or above a start folder that holds PleGen.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The marker file of the repository root.</summary>
    public const string SolutionFile = "PleGen.sln";

    /// <summary>The repository root at or above <paramref name="startDirectory"/>, or null when there is none.</summary>
    public static string? Find(string startDirectory)
    {
        for (DirectoryInfo? dir = new(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
