// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

// Stand-in for torch.no_grad(): disposing the returned object restores the previous gradient mode.
public static partial class torch
{
    [TorchSharpSource("src/TorchSharp/Tensor/torch.LocallyDisablingGradientComputation.cs", "0.105.0")]
    public static IDisposable no_grad() => throw new NotSupportedException("stand-in");
}
