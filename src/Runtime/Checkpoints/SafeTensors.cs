using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PleGen.Runtime;

/// <summary>
/// Checkpoints in the safetensors format (https://github.com/huggingface/safetensors), readable by PyTorch,
/// TorchSharp and Hugging Face tools: an 8-byte little-endian header length N, N bytes of JSON naming each
/// tensor's dtype, shape and byte range, then the tensors' little-endian bytes. Saves are atomic; loads validate
/// the whole file and every name and shape before changing any parameter.
/// </summary>
public static class SafeTensors
{
    /// <summary>Writes the named tensors as float32 (F32), in the given order, with optional string metadata; atomically.</summary>
    /// <exception cref="CheckpointException">A name is empty, reserved or repeated, or the file cannot be written (the previous file is kept).</exception>
    public static void Save(string path, IEnumerable<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
        => Save(path, tensors, metadata, wrapStream: null);

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="into"/>: the file must hold exactly these names, each
    /// F32 with the same shape. Everything is validated and read into scratch buffers first, so a failure changes
    /// no parameter. Returns the file's metadata.
    /// </summary>
    /// <exception cref="CheckpointException">The file is missing, truncated or corrupt, or names, shapes or dtypes do not match.</exception>
    public static IReadOnlyDictionary<string, string> Load(string path, IEnumerable<NamedTensor> into)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(into);
        NamedTensor[] targets = [.. into];
        RequireUniqueNames(targets, nameof(into));
        using FileStream stream = SafeTensorsReader.Open(path);
        SafeTensorsHeader header = SafeTensorsHeader.Read(path, stream);
        CheckMatches(path, header, targets);

        var scratch = new float[targets.Length][];
        for (int i = 0; i < targets.Length; i++)
        {
            scratch[i] = SafeTensorsReader.ReadValues(path, stream, header, header.ByName[targets[i].Name]);
        }

        for (int i = 0; i < targets.Length; i++)
        {
            scratch[i].CopyTo(targets[i].Tensor.Data);
        }

        return header.Metadata;
    }

    /// <summary>
    /// Reads and validates a whole file for tools: name -> (shape, float32 values) plus metadata. F16, BF16 and F64
    /// tensors are converted to float32; other dtypes are rejected.
    /// </summary>
    /// <exception cref="CheckpointException">The file is missing, truncated or corrupt, or holds an unsupported dtype.</exception>
    public static SafeTensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = SafeTensorsReader.Open(path);
        SafeTensorsHeader header = SafeTensorsHeader.Read(path, stream);
        var tensors = new Dictionary<string, (int[] Shape, float[] Values)>(StringComparer.Ordinal);
        var dtypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SafeTensorsEntry entry in header.Entries)
        {
            tensors[entry.Name] = (entry.Shape, SafeTensorsReader.ReadValues(path, stream, header, entry));
            dtypes[entry.Name] = entry.DType.ToString();
        }

        return new SafeTensorsFile(tensors, header.Metadata, dtypes);
    }

    /// <summary><see cref="Save(string, IEnumerable{NamedTensor}, IReadOnlyDictionary{string, string}?)"/> with a hook for tests to fail the write midway.</summary>
    internal static void Save(string path, IEnumerable<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata, Func<Stream, Stream>? wrapStream)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        NamedTensor[] items = [.. tensors];
        foreach (NamedTensor item in items)
        {
            if (string.IsNullOrEmpty(item.Name) || item.Name == SafeTensorsHeader.MetadataKey || item.Tensor is null)
            {
                throw new CheckpointException($"Cannot save {path}: '{item.Name}' is not a valid tensor name (or has no tensor); names must be non-empty and not \"{SafeTensorsHeader.MetadataKey}\".");
            }
        }

        string? repeated = items.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new CheckpointException($"Cannot save {path}: the name '{repeated}' appears twice; every tensor needs its own name.");
        }

        if (metadata is not null && metadata.Any(m => m.Key is null || m.Value is null))
        {
            throw new CheckpointException($"Cannot save {path}: metadata keys and values must not be null.");
        }

        SafeTensorsWriter.Save(path, items, metadata, wrapStream);
    }

    private static void RequireUniqueNames(NamedTensor[] targets, string parameterName)
    {
        string? repeated = targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new ArgumentException($"The parameter name '{repeated}' appears twice in the tensors to load into.", parameterName);
        }
    }

    /// <summary>Every target present as F32 with its shape, and nothing else in the file; all problems in one message.</summary>
    private static void CheckMatches(string path, SafeTensorsHeader header, NamedTensor[] targets)
    {
        var problems = new List<string>();
        var wanted = new HashSet<string>(targets.Select(t => t.Name), StringComparer.Ordinal);
        foreach (NamedTensor target in targets)
        {
            if (!header.ByName.TryGetValue(target.Name, out SafeTensorsEntry entry))
            {
                problems.Add($"parameter '{target.Name}' (shape {ShapeUtil.Format(target.Tensor.Shape)} in the model) is missing from the file");
            }
            else if (!ShapeUtil.SameShape(entry.Shape, target.Tensor.Shape))
            {
                problems.Add($"parameter '{target.Name}' has shape {ShapeUtil.Format(entry.Shape)} in the file but {ShapeUtil.Format(target.Tensor.Shape)} in the model");
            }
            else if (entry.DType != SafeTensorsDType.F32)
            {
                problems.Add($"parameter '{target.Name}' {ShapeUtil.Format(entry.Shape)} is stored as {entry.DType}, but parameters load from F32 only (convert the checkpoint to float32, or read it with SafeTensors.Read)");
            }
        }

        foreach (SafeTensorsEntry entry in header.Entries)
        {
            if (!wanted.Contains(entry.Name))
            {
                problems.Add($"tensor '{entry.Name}' (shape {ShapeUtil.Format(entry.Shape)} in the file) is not a parameter of the model");
            }
        }

        if (problems.Count > 0)
        {
            throw new CheckpointException(
                $"{path} does not match the model: {string.Join("; ", problems)}. Was it saved from a different model declaration? Nothing was loaded.");
        }
    }
}
