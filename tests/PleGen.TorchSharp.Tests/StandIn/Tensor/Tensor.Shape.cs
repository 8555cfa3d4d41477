// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's view, reshape, slicing and indexing methods.</summary>
    public partial class Tensor
    {
        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor reshape(params long[] shape) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor view(params long[] shape) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor squeeze(long? dim = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor unsqueeze(long dim) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor transpose(long dim0, long dim1) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor narrow(long dim, long start, long length) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor select(long dim, long index) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor index_select(long dim, Tensor index) => throw new NotSupportedException("stand-in");
    }
}
