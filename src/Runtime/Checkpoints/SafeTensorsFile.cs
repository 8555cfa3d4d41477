using System.Collections.Generic;

namespace PleGen.Runtime.Checkpoints;

/// <summary>The validated contents of a safetensors file, every tensor as float32.</summary>
/// <param name="Tensors">Name -> shape and values.</param>
/// <param name="Metadata">The string metadata (empty when the file has none).</param>
/// <param name="DTypes">Name -> the dtype as stored (F32, F16, BF16 or F64).</param>
public sealed record SafeTensorsFile(
    IReadOnlyDictionary<string, (int[] Shape, float[] Values)> Tensors,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyDictionary<string, string> DTypes);
