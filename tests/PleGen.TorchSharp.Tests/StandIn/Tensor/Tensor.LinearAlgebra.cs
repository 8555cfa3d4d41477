// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's matrix products on tensors.</summary>
    public partial class Tensor
    {
        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.LinearAlgebra.cs", "0.105.0")]
        public Tensor matmul(Tensor target) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor bmm(Tensor batch2) => throw new NotSupportedException("stand-in");
    }
}
