using System;
using System.IO;

namespace PleGen.Samples.Reporting;

/// <summary>
/// The folder reports go to, made ready before anything trains: created if missing, and tried with a file written and
/// deleted in it, so a path that is a file, cannot be created or cannot be written to is refused at once instead of
/// after the whole training.
/// </summary>
public static class OutputFolder
{
    /// <summary>Creates and tries <paramref name="path"/> (named <paramref name="option"/> in messages); returns its full path.</summary>
    /// <exception cref="ArgumentException">The folder cannot hold the reports; the message says why.</exception>
    public static string Prepare(string path, string option = "--out")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string folder = Path.GetFullPath(path);
        if (File.Exists(folder))
        {
            throw new ArgumentException($"{option} {path} is a file, not a folder: give a folder for the reports (it is created if missing).");
        }

        bool existed = Directory.Exists(folder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option} {path} cannot be created ({e.Message}): give a folder that can be.", e);
        }

        string probe = Path.Combine(folder, $".plegen-write-check-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.WriteByte(0);
                stream.Flush(flushToDisk: true);
            }

            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!existed)
            {
                // Leave nothing behind: the folder was made for reports that cannot be written.
                Directory.Delete(folder, recursive: true);
            }

            throw new ArgumentException($"{option} {path} cannot be written to ({e.Message}): give a folder you can write in.", e);
        }

        return folder;
    }
}
