using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace PleGen.Runtime.Checkpoints;

/// <summary>
/// Writes safetensors files atomically: everything goes to a temporary file beside the target (the final target of any
/// symbolic links), which is flushed to disk, given the permissions of the file it replaces and then renamed over it, so
/// a crash, kill or error never leaves a half-written checkpoint and a failed save keeps the previous file. What the
/// target must be, and how temporary files are named and cleaned up, is <see cref="CheckpointTarget"/>'s and
/// <see cref="CheckpointTemporaryFiles"/>'s business.
/// </summary>
internal static class SafeTensorsWriter
{
    /// <summary>Writes <paramref name="tensors"/> as F32 with optional metadata and their checksums.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="tensors">Named tensors, validated by the caller; laid out in this order.</param>
    /// <param name="metadata">Optional string metadata.</param>
    /// <param name="wrapStream">Tests wrap the temporary file's stream (without owning it) to simulate failures midway.</param>
    public static void Save(string path, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata, Func<Stream, Stream>? wrapStream = null)
    {
        KeyValuePair<string, string>[] entries =
        [
            .. (metadata ?? new Dictionary<string, string>()).Where(m => m.Key != TensorChecksums.MetadataKey),
            new(TensorChecksums.MetadataKey, TensorChecksums.Format(tensors.Select(t => TensorChecksums.OfLittleEndian(t.Tensor.Data)))),
        ];
        byte[] header = SafeTensorsHeader.Build(tensors, entries);
        CheckpointTarget target = CheckpointTarget.ForSave(path);
        string directory = Path.GetDirectoryName(target.FullPath)!;
        string? temporary = null;
        try
        {
            Directory.CreateDirectory(directory);
            CheckpointTemporaryFiles.RemoveStale(directory, Path.GetFileName(target.FullPath));
            temporary = CheckpointTemporaryFiles.NewPath(directory, Path.GetFileName(target.FullPath));
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Stream stream = wrapStream is null ? file : wrapStream(file);
                Span<byte> lengthField = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(lengthField, (ulong)header.Length);
                stream.Write(lengthField);
                stream.Write(header);
                foreach (NamedTensor tensor in tensors)
                {
                    WriteLittleEndian(stream, tensor.Tensor.Data);
                }

                stream.Flush();
                file.Flush(flushToDisk: true);
            }

            if (target.Mode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }

            File.Move(temporary, target.FullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temporary);
            throw new CheckpointException($"Could not write checkpoint {path}: {e.Message} Any previous file at that path is unchanged.", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Checks, before a long run, that a later <see cref="Save"/> to <paramref name="path"/> can succeed: the target's
    /// checks, its directory (created if missing), and that a temporary file can be made there (it is removed again).
    /// </summary>
    /// <exception cref="CheckpointException">The target or its directory cannot be written; nothing is left behind.</exception>
    public static void CheckWritable(string path)
    {
        CheckpointTarget target = CheckpointTarget.ForSave(path);
        string directory = Path.GetDirectoryName(target.FullPath)!;
        string? probe = null;
        try
        {
            Directory.CreateDirectory(directory);
            probe = CheckpointTemporaryFiles.NewPath(directory, Path.GetFileName(target.FullPath));
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CheckpointException($"Could not write checkpoint {path}: {e.Message}", e);
        }
        finally
        {
            TryDelete(probe);
        }
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> four = stackalloc byte[4];
        foreach (float value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, value);
            stream.Write(four);
        }
    }

    private static void TryDelete(string? temporary)
    {
        if (temporary is null)
        {
            return;
        }

        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error matters more; the next save of this target removes the leftover.
        }
    }
}
