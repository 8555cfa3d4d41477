// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

// Stand-in for the torch-level matrix products: bmm, matmul (broadcasting) and einsum.
public static partial class torch
{
    [TorchSharpSource("src/TorchSharp/Tensor/torch.BlasAndLapackOperations.cs", "0.105.0")]
    public static Tensor bmm(Tensor input, Tensor batch2) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/torch.BlasAndLapackOperations.cs", "0.105.0")]
    public static Tensor matmul(Tensor input, Tensor target) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/torch.OtherOperations.cs", "0.105.0")]
    public static Tensor einsum(string equation, params Tensor[] tensors) => throw new NotSupportedException("stand-in");
}
