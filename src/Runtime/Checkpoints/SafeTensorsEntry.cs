namespace PleGen.Runtime.Checkpoints;

/// <summary>One tensor's header entry: name, dtype, shape, byte range within the data section, and the CRC-32C Save recorded for its bytes (null when the file has none).</summary>
internal readonly record struct SafeTensorsEntry(string Name, SafeTensorsDType DType, int[] Shape, int Length, long Begin, long End, uint? Checksum = null);
