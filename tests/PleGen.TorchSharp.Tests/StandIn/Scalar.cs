// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

/// <summary>
/// Stand-in for TorchSharp's Scalar: a .NET number converts to it implicitly, which is how tensor methods taking a
/// Scalar (mul, add, clamp_min, ...) accept plain numbers.
/// </summary>
[TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
public sealed class Scalar : IDisposable
{
    [TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
    internal Scalar(IntPtr handle) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
    public static implicit operator Scalar(int value) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
    public static implicit operator Scalar(long value) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
    public static implicit operator Scalar(float value) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
    public static implicit operator Scalar(double value) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
    public static implicit operator Scalar(bool value) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Scalar.cs", "0.105.0")]
    public void Dispose() => throw new NotSupportedException("stand-in");
}
