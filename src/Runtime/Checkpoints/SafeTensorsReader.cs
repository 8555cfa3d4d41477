using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;

namespace PleGen.Runtime;

/// <summary>Reads the data section of a validated safetensors file into float32 arrays.</summary>
internal static class SafeTensorsReader
{
    /// <summary>Opens <paramref name="path"/> for reading, turning a missing file into a clear error.</summary>
    public static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CheckpointException($"Checkpoint {path} does not exist.", e);
        }
    }

    /// <summary>Reads one tensor's values (converted to float32) from <paramref name="stream"/>.</summary>
    public static float[] ReadValues(string path, Stream stream, SafeTensorsHeader header, SafeTensorsEntry entry)
    {
        var values = new float[entry.Length];
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
                SafeTensorsDTypes.ConvertToSingle(entry.DType, raw, values);
            }
        }
        catch (EndOfStreamException e)
        {
            throw new CheckpointException($"{path} ended while reading tensor '{entry.Name}'; the file was truncated while being read.", e);
        }

        return values;
    }
}
