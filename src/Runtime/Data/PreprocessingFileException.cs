using System;
using System.IO;

namespace PleGen.Runtime.Data;

/// <summary>A preprocessing file cannot be written, or is missing, damaged, or not one this version of PleGen reads.</summary>
public sealed class PreprocessingFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public PreprocessingFileException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = path;
    }

    /// <summary>The preprocessing file.</summary>
    public string FilePath { get; }
}
