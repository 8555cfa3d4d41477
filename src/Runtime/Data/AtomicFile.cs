using System;
using System.IO;

namespace PleGen.Runtime.Data;

/// <summary>
/// Writes a small file atomically: the bytes go to a temporary file beside the target (named as checkpoint saves name
/// theirs, see <see cref="CheckpointTemporaryFiles"/>), which is flushed to disk and renamed over the target, so a crash or
/// error never leaves a half-written file and a failed write keeps the previous one. Every failure is reported as the
/// caller's own exception.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>; <paramref name="wrapStream"/> lets tests fail midway; <paramref name="failure"/> makes the caller's exception from the message and the I/O error behind it (if any).</summary>
    public static void Write(string path, ReadOnlySpan<byte> content, Func<string, Exception?, Exception> failure, Func<Stream, Stream>? wrapStream = null)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw failure($"Cannot write {path}: it is a directory. Pass the path of a file. Nothing was written.", null);
        }

        string directory = Path.GetDirectoryName(full)!;
        string name = Path.GetFileName(full);
        string? temporary = null;
        try
        {
            Directory.CreateDirectory(directory);
            CheckpointTemporaryFiles.RemoveStale(directory, name);
            temporary = CheckpointTemporaryFiles.NewPath(directory, name);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Stream stream = wrapStream is null ? file : wrapStream(file);
                stream.Write(content);
                stream.Flush();
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temporary);
            throw failure($"Could not write {path}: {e.Message} Any previous file at that path is unchanged.", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The stale-file sweep of the next write removes it.
        }
    }
}
