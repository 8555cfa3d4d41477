using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Checkpoints;

/// <summary>
/// Checkpoints in the safetensors format (https://github.com/huggingface/safetensors), readable by PyTorch,
/// TorchSharp and Hugging Face tools: an 8-byte little-endian header length N, N bytes of JSON naming each
/// tensor's dtype, shape and byte range, then the tensors' little-endian bytes. Saves are atomic, write through
/// symbolic links, refuse targets that are not writable regular files, and record a checksum of every tensor in the
/// metadata (<c>plegen.crc32c</c>); loads validate the whole file, the checksums, every name and shape, and (unless
/// told otherwise) that every value is finite, before changing any parameter.
/// </summary>
public static class SafeTensors
{
    /// <summary>
    /// Writes the named tensors as float32 (F32), in the given order, with optional string metadata, atomically: to a
    /// temporary file beside the target (<c>{name}.plegen-tmp-{process id}-{random}-{host}</c>), flushed to disk, then
    /// renamed over the target, so a crash, a full disk or a kill leaves the previous file as it was. A symbolic link is
    /// written through (its final target gets the new file, the link stays), a replaced file keeps its permissions, and
    /// leftovers of earlier saves of the same target that were killed are removed. The metadata gains
    /// <c>plegen.crc32c</c>, the checksum of every tensor that Load verifies; a value given under that key is replaced.
    /// Non-finite values are written as they are (Load refuses them unless asked not to).
    /// </summary>
    /// <exception cref="CheckpointException">
    /// A name is empty, reserved or repeated; the target is a directory, device, pipe, socket or read-only file; or the
    /// file cannot be written. The previous file is kept in every case.
    /// </exception>
    public static void Save(string path, IEnumerable<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
        => Save(path, tensors, metadata, wrapStream: null);

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="into"/>: the file must hold exactly these names, each
    /// F32 with the same shape, and every value must be finite. Everything is validated (checksums included, when the
    /// file has them) and read into scratch buffers first, so a failure changes no parameter. Returns the file's
    /// metadata (without the checksum entry).
    /// </summary>
    /// <exception cref="CheckpointException">
    /// The file is missing, not a regular file, truncated or corrupt (a checksum does not match), names, shapes or
    /// dtypes do not match, or a value is NaN or infinite.
    /// </exception>
    public static IReadOnlyDictionary<string, string> Load(string path, IEnumerable<NamedTensor> into) => Load(path, into, allowNonFinite: false);

    /// <summary>
    /// <see cref="Load(string, IEnumerable{NamedTensor})"/>, optionally accepting NaN and infinite values: for looking
    /// into a model whose training diverged, never for using one (its predictions would be NaN).
    /// </summary>
    /// <exception cref="CheckpointException">As the other overload, except for non-finite values when <paramref name="allowNonFinite"/> is true.</exception>
    public static IReadOnlyDictionary<string, string> Load(string path, IEnumerable<NamedTensor> into, bool allowNonFinite)
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
            SafeTensorsEntry entry = header.ByName[targets[i].Name];
            scratch[i] = SafeTensorsReader.ReadValues(path, stream, header, entry);
            if (!allowNonFinite)
            {
                RequireFinite(path, entry, scratch[i]);
            }
        }

        for (int i = 0; i < targets.Length; i++)
        {
            scratch[i].CopyTo(targets[i].Tensor.Data);
        }

        return header.Metadata;
    }

    /// <summary>
    /// The shape of every tensor in <paramref name="path"/>, from its header alone (validated; the values are not read):
    /// what a model whose sizes come from the data needs before it can be built to load the file.
    /// </summary>
    /// <exception cref="CheckpointException">The file is missing, not a regular file, or its header is truncated or corrupt.</exception>
    public static IReadOnlyDictionary<string, int[]> Shapes(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = SafeTensorsReader.Open(path);
        SafeTensorsHeader header = SafeTensorsHeader.Read(path, stream);
        return header.ByName.ToDictionary(entry => entry.Key, entry => (int[])entry.Value.Shape.Clone(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads and validates a whole file for tools: name -> (shape, float32 values) plus metadata (without the checksum
    /// entry). F16, BF16 and F64 tensors are converted to float32; other dtypes are rejected. Checksums are verified when
    /// present; values are returned as stored, NaN and infinities included.
    /// </summary>
    /// <exception cref="CheckpointException">The file is missing, not a regular file, truncated or corrupt, or holds an unsupported dtype.</exception>
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

    /// <summary>Refuses NaN and infinities, naming the parameter, the first such element and how many there are.</summary>
    private static void RequireFinite(string path, SafeTensorsEntry entry, float[] values)
    {
        // IsFiniteAll is false for no values at all.
        if (values.Length == 0 || TensorPrimitives.IsFiniteAll<float>(values))
        {
            return;
        }

        int first = Array.FindIndex(values, v => !float.IsFinite(v));
        int count = values.Count(v => !float.IsFinite(v));
        throw new CheckpointException(
            $"{path}: parameter '{entry.Name}' {ShapeUtil.Format(entry.Shape)} holds {values[first].ToString(CultureInfo.InvariantCulture)}{(entry.Shape.Length == 0 ? "" : " at " + ShapeUtil.Format(Unravel(first, entry.Shape)))} " +
            $"({count} of its {values.Length} values are NaN or infinite). A model with such parameters predicts NaN; the checkpoint was probably saved after training diverged " +
            "(retrain with a lower learning rate, or load an earlier checkpoint). Nothing was loaded. To look into it anyway, read it with SafeTensors.Read, " +
            "or load it with SafeTensors.Load(path, model.Parameters, allowNonFinite: true).");
    }

    /// <summary>The multi-index of row-major element <paramref name="index"/>.</summary>
    private static int[] Unravel(int index, int[] shape)
    {
        var position = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            position[d] = index % shape[d];
            index /= shape[d];
        }

        return position;
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
