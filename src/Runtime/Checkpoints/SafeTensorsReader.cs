using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace PleGen.Runtime.Checkpoints;

/// <summary>Opens checkpoint files and reads the data section of a validated one into float32 arrays, verifying checksums.</summary>
internal static class SafeTensorsReader
{
    /// <summary>
    /// Opens <paramref name="path"/> for reading. Anything but a regular file is refused before it is opened (opening a
    /// named pipe would wait for a writer), and every failure to open names the file and the reason.
    /// </summary>
    public static FileStream Open(string path)
    {
        FileKind kind = FileKinds.Of(path);
        switch (kind)
        {
            case FileKind.Missing:
                throw new CheckpointException($"Checkpoint {path} does not exist.");
            case FileKind.Directory:
                throw new CheckpointException($"Checkpoint {path} is a directory, not a file; pass the path of a .safetensors file{CheckpointsIn(path)}.");
            case FileKind.RegularFile:
                break;
            default:
                throw new CheckpointException($"Checkpoint {path} is {FileKinds.Describe(kind)}, not a file; checkpoints load from regular files only (the reader needs the file's length and seeks in it).");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CheckpointException($"Checkpoint {path} does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CheckpointException($"Checkpoint {path} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads one tensor's values (converted to float32) from <paramref name="stream"/>, verifying the checksum Save
    /// recorded for its bytes when the file has one.
    /// </summary>
    public static float[] ReadValues(string path, Stream stream, SafeTensorsHeader header, SafeTensorsEntry entry)
    {
        var values = new float[entry.Length];
        uint crc = 0;
        try
        {
            stream.Position = header.DataStart + entry.Begin;
            if (entry.DType == SafeTensorsDType.F32)
            {
                // Read straight into the array, in chunks so no byte span exceeds int.MaxValue.
                const int chunk = 1 << 26;
                for (int offset = 0; offset < values.Length; offset += chunk)
                {
                    Span<float> part = values.AsSpan(offset, Math.Min(chunk, values.Length - offset));
                    stream.ReadExactly(MemoryMarshal.AsBytes(part));
                    crc = entry.Checksum is null ? 0 : TensorChecksums.Crc32C(crc, MemoryMarshal.AsBytes(part));
                    if (!BitConverter.IsLittleEndian)
                    {
                        Span<int> bits = MemoryMarshal.Cast<float, int>(part);
                        BinaryPrimitives.ReverseEndianness(bits, bits);
                    }
                }
            }
            else
            {
                var raw = new byte[entry.End - entry.Begin];
                stream.ReadExactly(raw);
                crc = entry.Checksum is null ? 0 : TensorChecksums.Crc32C(0, raw);
                SafeTensorsDTypes.ConvertToSingle(entry.DType, raw, values);
            }
        }
        catch (EndOfStreamException e)
        {
            throw new CheckpointException($"{path} ended while reading tensor '{entry.Name}'; the file was truncated while being read.", e);
        }
        catch (IOException e)
        {
            throw new CheckpointException($"{path} could not be read at tensor '{entry.Name}': {e.Message}", e);
        }

        if (entry.Checksum is { } expected && crc != expected)
        {
            throw new CheckpointException(
                $"{path} is corrupt: the data of tensor '{entry.Name}' (bytes [{entry.Begin}, {entry.End}] of the data section) do not match the checksum saved with them " +
                $"(CRC-32C {expected:x8} in the metadata, {crc:x8} computed): the file was damaged after it was saved (by the disk, a copy or a transfer). Nothing was loaded; use another copy of the checkpoint.");
        }

        return values;
    }

    private static string CheckpointsIn(string directory)
    {
        try
        {
            string[] files = [.. Directory.EnumerateFiles(directory, "*.safetensors").Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(5)!];
            return files.Length == 0 ? "" : $" (it holds {string.Join(", ", files.Take(4))}{(files.Length > 4 ? ", ..." : "")})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
