using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PleGen.Runtime.Checkpoints;

/// <summary>
/// The safetensors header: an 8-byte little-endian length N, then N bytes of UTF-8 JSON
/// <c>{"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ..., "__metadata__": {...}}</c>,
/// offsets relative to the data section that follows. Reading validates everything that can be checked without
/// the tensor data: UTF-8, the JSON, every entry, that the entries tile the data section exactly, and the checksums
/// (<see cref="TensorChecksums"/>) when present; whatever is wrong is a <see cref="CheckpointException"/>.
/// </summary>
internal sealed class SafeTensorsHeader
{
    public const string MetadataKey = "__metadata__";

    /// <summary>The reference implementation's limit; larger lengths mean a corrupt or foreign file.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private SafeTensorsHeader(IReadOnlyList<SafeTensorsEntry> entries, IReadOnlyDictionary<string, string> metadata, long dataStart)
    {
        Entries = entries;
        ByName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        Metadata = metadata;
        DataStart = dataStart;
    }

    /// <summary>The entries in the order of their data.</summary>
    public IReadOnlyList<SafeTensorsEntry> Entries { get; }

    public IReadOnlyDictionary<string, SafeTensorsEntry> ByName { get; }

    /// <summary>The file's metadata without PleGen's own checksum entry.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>File position of the data section.</summary>
    public long DataStart { get; }

    /// <summary>Reads and validates the header of <paramref name="stream"/> (positioned at 0), leaving it after the header.</summary>
    public static SafeTensorsHeader Read(string path, Stream stream)
    {
        long fileLength = stream.Length;
        if (fileLength < 8)
        {
            throw new CheckpointException($"{path} is truncated: {fileLength} bytes, fewer than the 8-byte header length that starts a safetensors file.");
        }

        Span<byte> lengthField = stackalloc byte[8];
        stream.ReadExactly(lengthField);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthField);
        if (headerLength > MaxHeaderBytes)
        {
            throw new CheckpointException($"{path} is corrupt or not a safetensors file: its header length field claims {headerLength} bytes, more than the format's limit of {MaxHeaderBytes}.");
        }

        if ((long)headerLength > fileLength - 8)
        {
            throw new CheckpointException($"{path} is truncated or corrupt: its header length field claims {headerLength} bytes but only {fileLength - 8} follow it.");
        }

        var json = new byte[headerLength];
        stream.ReadExactly(json);
        long dataLength = fileLength - 8 - (long)headerLength;
        if (!Utf8.IsValid(json))
        {
            // Checked first: System.Text.Json accepts some invalid UTF-8 and fails only when a name is read.
            throw new CheckpointException($"{path} is corrupt: its header is not valid UTF-8 (at byte {8 + FirstInvalidUtf8(json)} of the file).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{path} is corrupt: its header is not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            try
            {
                return Parse(path, document.RootElement, dataLength, 8 + (long)headerLength);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                // Valid JSON of an unexpected shape that the checks above did not foresee: still the file's fault.
                throw new CheckpointException($"{path} is corrupt: its header could not be read ({e.Message}).", e);
            }
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    private static SafeTensorsHeader Parse(string path, JsonElement root, long dataLength, long dataStart)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CheckpointException($"{path} is corrupt: its header is JSON {root.ValueKind}, not an object of tensors.");
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<SafeTensorsEntry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                throw new CheckpointException($"{path} is corrupt: the header names '{property.Name}' twice.");
            }

            if (property.Name == MetadataKey)
            {
                ReadMetadata(path, property.Value, metadata);
            }
            else
            {
                entries.Add(ReadEntry(path, property.Name, property.Value, dataLength));
            }
        }

        SafeTensorsEntry[] byOffset = [.. entries.OrderBy(e => e.Begin).ThenBy(e => e.End)];
        CheckTiling(path, byOffset, dataLength);
        if (metadata.Remove(TensorChecksums.MetadataKey, out string? checksums))
        {
            uint[] values = TensorChecksums.Parse(path, checksums, byOffset.Length);
            for (int i = 0; i < byOffset.Length; i++)
            {
                byOffset[i] = byOffset[i] with { Checksum = values[i] };
            }
        }

        return new SafeTensorsHeader(byOffset, metadata, dataStart);
    }

    /// <summary>
    /// The header for <paramref name="tensors"/> (all F32, laid out in the given order) and metadata (none: no metadata
    /// object): compact JSON, metadata first, padded with spaces to a multiple of 8 so the data section is 8-byte aligned.
    /// </summary>
    public static byte[] Build(IReadOnlyList<NamedTensor> tensors, IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping writes names as they are (UTF-8, '+' and '<' unescaped), as the reference writer does.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (metadata.Count > 0)
            {
                writer.WriteStartObject(MetadataKey);
                foreach (KeyValuePair<string, string> item in metadata)
                {
                    writer.WriteString(item.Key, item.Value);
                }

                writer.WriteEndObject();
            }

            long offset = 0;
            foreach (NamedTensor tensor in tensors)
            {
                long bytes = (long)tensor.Tensor.Length * sizeof(float);
                writer.WriteStartObject(tensor.Name);
                writer.WriteString("dtype", "F32");
                writer.WriteStartArray("shape");
                foreach (int dimension in tensor.Tensor.Shape)
                {
                    writer.WriteNumberValue(dimension);
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

        int length = (int)buffer.Length;
        var header = new byte[(length + 7) / 8 * 8];
        buffer.GetBuffer().AsSpan(0, length).CopyTo(header);
        header.AsSpan(length).Fill((byte)' ');
        return header;
    }

    private static SafeTensorsEntry ReadEntry(string path, string name, JsonElement element, long dataLength)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !element.TryGetProperty("data_offsets", out JsonElement offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
        {
            throw new CheckpointException($"{path} is corrupt: the header entry of tensor '{name}' needs a string \"dtype\", a \"shape\" array and two \"data_offsets\".");
        }

        string dtypeName = dtypeElement.GetString()!;
        if (!SafeTensorsDTypes.TryParse(dtypeName, out SafeTensorsDType dtype))
        {
            throw new CheckpointException($"{path}: tensor '{name}' has dtype {dtypeName}, which PleGen does not read (unsupported dtype; supported: {SafeTensorsDTypes.Supported}).");
        }

        int[] shape;
        long begin, end;
        try
        {
            shape = [.. shapeElement.EnumerateArray().Select(d => d.GetInt32())];
            begin = offsets[0].GetInt64();
            end = offsets[1].GetInt64();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new CheckpointException($"{path} is corrupt: the shape or data_offsets of tensor '{name}' are not integers.", e);
        }

        if (shape.Any(d => d < 0))
        {
            throw new CheckpointException($"{path} is corrupt: tensor '{name}' has a negative dimension in its shape {ShapeUtil.Format(shape)}.");
        }

        long elements = shape.Aggregate(1L, (product, d) => product * d > int.MaxValue ? int.MaxValue + 1L : product * d);
        if (elements > int.MaxValue)
        {
            throw new CheckpointException($"{path}: tensor '{name}' of shape {ShapeUtil.Format(shape)} has more than {int.MaxValue} elements, more than a PleGen tensor holds.");
        }

        if (begin < 0 || end < begin || end > dataLength)
        {
            throw new CheckpointException($"{path} is corrupt or truncated: tensor '{name}' has data_offsets [{begin}, {end}], out of range of the {dataLength}-byte data section.");
        }

        long expected = elements * SafeTensorsDTypes.Size(dtype);
        if (end - begin != expected)
        {
            throw new CheckpointException($"{path} is corrupt: tensor '{name}' ({dtypeName}, shape {ShapeUtil.Format(shape)}) needs {expected} bytes but its data_offsets [{begin}, {end}] span {end - begin}.");
        }

        return new SafeTensorsEntry(name, dtype, shape, (int)elements, begin, end);
    }

    private static void ReadMetadata(string path, JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CheckpointException($"{path} is corrupt: \"{MetadataKey}\" must be an object of strings, not {element.ValueKind}.");
        }

        foreach (JsonProperty item in element.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw new CheckpointException($"{path} is corrupt: metadata '{item.Name}' is {item.Value.ValueKind}, not a string.");
            }

            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    /// <summary>The entries, sorted by offset, must cover the data section exactly: no overlap, no hole, nothing after.</summary>
    private static void CheckTiling(string path, SafeTensorsEntry[] byOffset, long dataLength)
    {
        long covered = 0;
        string? previous = null;
        foreach (SafeTensorsEntry entry in byOffset)
        {
            if (entry.Begin < covered)
            {
                throw new CheckpointException($"{path} is corrupt: tensor '{entry.Name}' (bytes [{entry.Begin}, {entry.End}]) overlaps tensor '{previous}' (which ends at {covered}).");
            }

            if (entry.Begin > covered)
            {
                throw new CheckpointException($"{path} is corrupt: bytes [{covered}, {entry.Begin}] of the data section belong to no tensor (a hole before '{entry.Name}').");
            }

            covered = entry.End;
            previous = entry.Name;
        }

        if (covered != dataLength)
        {
            throw new CheckpointException($"{path} is corrupt or truncated: the data section size does not match the header: the tensors cover {covered} bytes but the data section has {dataLength}.");
        }
    }
}
