using System;
using System.Collections.Generic;
using System.IO;

namespace PleGen.Samples.Reporting;

/// <summary>
/// The files of an experiment's report, each written atomically (a temporary file in the same folder, then renamed over
/// the old one) and on its own: a file that cannot be written (a full disk, a folder in its place) is named with the
/// reason while the others are still written, and an old version of it stays whole.
/// </summary>
public sealed class ReportFiles
{
    private readonly List<(string Name, Func<string> Content)> _files = [];

    /// <summary>Files to go into <paramref name="folder"/>.</summary>
    public ReportFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = folder;
    }

    /// <summary>The folder the files go into.</summary>
    public string Folder { get; }

    /// <summary>Adds a file named <paramref name="name"/>; <paramref name="content"/> makes its text when it is written.</summary>
    public ReportFiles Add(string name, Func<string> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        _files.Add((name, content));
        return this;
    }

    /// <summary>Writes every file, in the order added, and says which were written and which not (and why).</summary>
    public (IReadOnlyList<string> Written, IReadOnlyList<(string Path, string Reason)> Failed) WriteAll()
    {
        var written = new List<string>();
        var failed = new List<(string, string)>();
        foreach ((string name, Func<string> content) in _files)
        {
            string path = Path.Combine(Folder, name);
            try
            {
                AtomicFile.WriteAllText(path, content());
                written.Add(path);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Out of disk space or permissions, but also a report that cannot be composed: the other files still count.
                failed.Add((path, e.Message));
            }
        }

        return (written, failed);
    }
}
