// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's activation methods on tensors.</summary>
    public partial class Tensor
    {
        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor softmax(long dim, ScalarType? dtype = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor sigmoid() => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor relu() => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Trig.cs", "0.105.0")]
        public Tensor tanh() => throw new NotSupportedException("stand-in");
    }
}
