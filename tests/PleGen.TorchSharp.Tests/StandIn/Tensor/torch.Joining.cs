// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using System.Collections.Generic;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

// Stand-in for torch.cat and torch.stack. TorchSharp's cat returns its only input itself (no copy) when given one tensor.
public static partial class torch
{
    [TorchSharpSource("src/TorchSharp/Tensor/torch.IndexingSlicingJoiningMutatingOps.cs", "0.105.0")]
    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/Tensor/torch.IndexingSlicingJoiningMutatingOps.cs", "0.105.0")]
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => throw new NotSupportedException("stand-in");
}
