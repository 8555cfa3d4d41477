// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// Stand-in for TorchSharp's sum and mean. Every overload of sum is declared so that overload resolution (e.g.
    /// sum(0) against sum(ScalarType?)) is the same as against TorchSharp.
    /// </summary>
    public partial class Tensor
    {
        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor sum(ScalarType? type = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor sum(ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor sum(long dim0, long dim1, bool keepdim = false, ScalarType? type = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor sum(long dim0, long dim1, long dim2, bool keepdim = false, ScalarType? type = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor mean() => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => throw new NotSupportedException("stand-in");
    }
}
