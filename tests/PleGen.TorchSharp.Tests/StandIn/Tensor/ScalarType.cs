// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's tensor element types (all values of 0.105.0).</summary>
    [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
    public enum ScalarType : sbyte
    {
        Byte = 0,
        Int8 = 1,
        Int16 = 2,
        Int32 = 3,
        Int64 = 4,
        Float16 = 5,
        Float32 = 6,
        Float64 = 7,
        ComplexFloat32 = 9,
        ComplexFloat64 = 10,
        Bool = 11,
        BFloat16 = 15,
    }
}
