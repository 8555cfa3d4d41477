namespace PleGen.Runtime;

/// <summary>One tensor's header entry: name, dtype, shape and byte range within the data section.</summary>
internal readonly record struct SafeTensorsEntry(string Name, SafeTensorsDType DType, int[] Shape, int Length, long Begin, long End);
