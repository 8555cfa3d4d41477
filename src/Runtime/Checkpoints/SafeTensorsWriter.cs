using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace PleGen.Runtime;

/// <summary>
/// Writes safetensors files atomically: everything goes to a temporary file in the target's directory, which is
/// flushed to disk and then moved over the target, so a crash or error never leaves a half-written checkpoint and
/// a failed save keeps the previous file.
/// </summary>
internal static class SafeTensorsWriter
{
    /// <summary>Writes <paramref name="tensors"/> as F32 with optional metadata.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="tensors">Named tensors, validated by the caller; laid out in this order.</param>
    /// <param name="metadata">Optional string metadata.</param>
    /// <param name="wrapStream">Tests wrap the temporary file's stream (without owning it) to simulate failures midway.</param>
    public static void Save(string path, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata, Func<Stream, Stream>? wrapStream = null)
    {
        byte[] header = SafeTensorsHeader.Build(tensors, metadata);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            Directory.CreateDirectory(directory);
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

            File.Move(temporary, fullPath, overwrite: true);
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

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error matters more; a leftover hidden .tmp file is harmless.
        }
    }
}
