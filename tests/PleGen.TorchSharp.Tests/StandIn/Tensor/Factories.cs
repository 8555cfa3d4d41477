// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

/// <summary>
/// Stand-in for the TorchSharp tensor factories the emitter may use: zeros, ones, tensor from float[] and long[]
/// (with and without explicit dimensions), from_array. A long[] passed as dimensions converts to ReadOnlySpan&lt;long&gt;.
/// </summary>
public static partial class torch
{
    [TorchSharpSource("src/TorchSharp/Tensor/Factories/zeros.cs", "0.105.0")]
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/zeros.cs", "0.105.0")]
    public static Tensor zeros(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/zeros.cs", "0.105.0")]
    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/zeros.cs", "0.105.0")]
    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/zeros.cs", "0.105.0")]
    public static Tensor zeros(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/zeros.cs", "0.105.0")]
    public static Tensor zeros(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/ones.cs", "0.105.0")]
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/ones.cs", "0.105.0")]
    public static Tensor ones(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/ones.cs", "0.105.0")]
    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/ones.cs", "0.105.0")]
    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/ones.cs", "0.105.0")]
    public static Tensor ones(int size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/ones.cs", "0.105.0")]
    public static Tensor ones(int rows, int columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/tensor_float.cs", "0.105.0")]
    public static Tensor tensor(float[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/tensor_float.cs", "0.105.0")]
    public static Tensor tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/tensor_long.cs", "0.105.0")]
    public static Tensor tensor(long[] dataArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/tensor_long.cs", "0.105.0")]
    public static Tensor tensor(long[] dataArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/Tensor.Factories.cs", "0.105.0")]
    public static Tensor from_array(Array rawArray, Device? device = null) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/Factories/Tensor.Factories.cs", "0.105.0")]
    public static Tensor from_array(Array rawArray, ScalarType? dtype, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotSupportedException("stand-in");
}
