// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

// Stand-in for torch.NewDisposeScope(): tensors created while the scope is the thread's innermost are disposed with it.
public static partial class torch
{
    [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
    public static DisposeScope NewDisposeScope() => throw new NotSupportedException("stand-in");
}
