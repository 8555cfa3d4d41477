using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace PleGen.Runtime;

/// <summary>
/// Checkpoints in the safetensors format (read by PyTorch, TorchSharp and Hugging Face): an 8-byte little-endian
/// header length N, N bytes of JSON <c>{"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]},
/// "__metadata__": {...}}</c> padded with spaces to a multiple of 8, then the tensors' little-endian bytes.
/// Writes go to a temporary file that replaces the target only when complete; loads validate everything before
/// touching any parameter.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    /// <summary>Writes the named tensors (float32) and optional string metadata to <paramref name="path"/>, atomically.</summary>
    public static void Save(string path, IEnumerable<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        NamedTensor[] items = tensors.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (NamedTensor item in items)
        {
            if (string.IsNullOrEmpty(item.Name) || item.Name == MetadataKey)
            {
                throw new CheckpointException($"Cannot save {path}: '{item.Name}' is not a valid tensor name.");
            }

            if (!seen.Add(item.Name))
            {
                throw new CheckpointException($"Cannot save {path}: the name '{item.Name}' appears twice.");
            }
        }

        byte[] header = BuildHeader(items, metadata);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                foreach (NamedTensor item in items)
                {
                    WriteFloats(stream, item.Tensor.Data);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="into"/>: every name must be present with the same shape,
    /// and the file must hold no other tensor. Nothing is changed unless everything checks out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load(string path, IEnumerable<NamedTensor> into)
    {
        SafeTensorsFile file = Read(path);
        NamedTensor[] targets = into.ToArray();
        var expected = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var missing = targets.Where(t => !file.Tensors.ContainsKey(t.Name)).ToList();
        if (missing.Count > 0)
        {
            throw new CheckpointException(
                $"{path} has no tensor for {string.Join(", ", missing.Select(m => $"'{m.Name}' {ShapeUtil.Format(m.Tensor.Shape)}"))}; " +
                "it was saved from a different model declaration. Nothing was loaded.");
        }

        var extra = file.Tensors.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        if (extra.Count > 0)
        {
            throw new CheckpointException(
                $"{path} holds tensors this model does not have: {string.Join(", ", extra.Select(e => $"'{e}' {ShapeUtil.Format(file.Tensors[e].Shape)}"))}. Nothing was loaded.");
        }

        foreach (NamedTensor target in targets)
        {
            int[] saved = file.Tensors[target.Name].Shape;
            if (!ShapeUtil.SameShape(saved, target.Tensor.Shape))
            {
                throw new CheckpointException(
                    $"{path}: parameter '{target.Name}' has shape {ShapeUtil.Format(saved)} in the file but {ShapeUtil.Format(target.Tensor.Shape)} in the model. Nothing was loaded.");
            }
        }

        foreach (NamedTensor target in targets)
        {
            file.Tensors[target.Name].Values.CopyTo(target.Tensor.Data);
        }

        return file.Metadata;
    }

    /// <summary>Reads and validates a whole file: name -> (shape, values), plus metadata.</summary>
    public static SafeTensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new CheckpointException($"Checkpoint {path} does not exist.");
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw new CheckpointException($"{path} is truncated: {bytes.Length} bytes, fewer than the 8-byte header length.");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)MaxHeaderBytes || headerLength > (ulong)(bytes.Length - 8))
        {
            throw new CheckpointException($"{path} is corrupt or truncated: its header claims {headerLength} bytes but the file has {bytes.Length - 8} after the length.");
        }

        int dataStart = 8 + (int)headerLength;
        long dataLength = bytes.Length - dataStart;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path} is corrupt: its header is not valid JSON ({e.Message}).", e);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CheckpointException($"{path} is corrupt: its header is not a JSON object.");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var entries = new List<(string Name, int[] Shape, long Begin, long End)>();
            foreach (JsonProperty property in json.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    ReadMetadata(path, property.Value, metadata);
                    continue;
                }

                entries.Add(ReadEntry(path, property, dataLength));
            }

            // The data section must be covered exactly, without overlaps or holes.
            long cursor = 0;
            foreach (var entry in entries.OrderBy(e => e.Begin))
            {
                if (entry.Begin != cursor)
                {
                    throw new CheckpointException($"{path} is corrupt: tensor '{entry.Name}' starts at byte {entry.Begin} of the data, expected {cursor} (overlap or hole).");
                }

                cursor = entry.End;
            }

            if (cursor != dataLength)
            {
                throw new CheckpointException($"{path} is corrupt or truncated: the tensors cover {cursor} bytes but the data section has {dataLength}.");
            }

            var tensors = new Dictionary<string, (int[] Shape, float[] Values)>(StringComparer.Ordinal);
            foreach (var (name, shape, begin, end) in entries)
            {
                var values = new float[(end - begin) / sizeof(float)];
                ReadFloats(bytes.AsSpan(dataStart + (int)begin, (int)(end - begin)), values);
                tensors[name] = (shape, values);
            }

            return new SafeTensorsFile(tensors, metadata);
        }
    }

    private static (string Name, int[] Shape, long Begin, long End) ReadEntry(string path, JsonProperty property, long dataLength)
    {
        string name = property.Name;
        JsonElement e = property.Value;
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("dtype", out JsonElement dtype) || dtype.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !e.TryGetProperty("data_offsets", out JsonElement offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
        {
            throw new CheckpointException($"{path} is corrupt: the entry for '{name}' needs \"dtype\", \"shape\" and two \"data_offsets\".");
        }

        if (dtype.GetString() != "F32")
        {
            throw new CheckpointException($"{path}: tensor '{name}' has dtype {dtype.GetString()}; PleGen checkpoints hold F32 (float32) parameters only.");
        }

        int[] shape;
        long begin, end;
        try
        {
            shape = shapeElement.EnumerateArray().Select(d => d.GetInt32()).ToArray();
            begin = offsets[0].GetInt64();
            end = offsets[1].GetInt64();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new CheckpointException($"{path} is corrupt: the shape or offsets of '{name}' are not integers.", ex);
        }

        if (shape.Any(d => d < 0))
        {
            throw new CheckpointException($"{path} is corrupt: tensor '{name}' has a negative dimension in {ShapeUtil.Format(shape)}.");
        }

        long expectedBytes = shape.Aggregate(1L, (a, d) => a * d) * sizeof(float);
        if (begin < 0 || end < begin || end > dataLength)
        {
            throw new CheckpointException($"{path} is corrupt or truncated: tensor '{name}' spans bytes [{begin}, {end}) but the data section has {dataLength}.");
        }

        if (end - begin != expectedBytes)
        {
            throw new CheckpointException($"{path} is corrupt: tensor '{name}' of shape {ShapeUtil.Format(shape)} needs {expectedBytes} bytes but spans {end - begin}.");
        }

        return (name, shape, begin, end);
    }

    private static void ReadMetadata(string path, JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CheckpointException($"{path} is corrupt: \"{MetadataKey}\" must be an object of strings.");
        }

        foreach (JsonProperty p in element.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
            {
                throw new CheckpointException($"{path} is corrupt: metadata '{p.Name}' is not a string.");
            }

            metadata[p.Name] = p.Value.GetString()!;
        }
    }

    private static byte[] BuildHeader(NamedTensor[] items, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            long offset = 0;
            foreach (NamedTensor item in items)
            {
                long bytes = (long)item.Tensor.Length * sizeof(float);
                writer.WriteStartObject(item.Name);
                writer.WriteString("dtype", "F32");
                writer.WriteStartArray("shape");
                foreach (int d in item.Tensor.Shape)
                {
                    writer.WriteNumberValue(d);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset + bytes);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset += bytes;
            }

            writer.WriteEndObject();
        }

        // Pad with spaces to a multiple of 8 so the data section is aligned, as the reference writer does.
        int padded = (int)((buffer.Length + 7) / 8 * 8);
        byte[] header = new byte[padded];
        buffer.ToArray().CopyTo(header, 0);
        header.AsSpan((int)buffer.Length).Fill((byte)' ');
        return header;
    }

    private static void WriteFloats(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> four = stackalloc byte[4];
        foreach (float v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, v);
            stream.Write(four);
        }
    }

    private static void ReadFloats(ReadOnlySpan<byte> bytes, Span<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
        }
    }
}

/// <summary>The validated contents of a safetensors file.</summary>
/// <param name="Tensors">Name -> shape and values.</param>
/// <param name="Metadata">The string metadata (empty when the file has none).</param>
public sealed record SafeTensorsFile(IReadOnlyDictionary<string, (int[] Shape, float[] Values)> Tensors, IReadOnlyDictionary<string, string> Metadata);
