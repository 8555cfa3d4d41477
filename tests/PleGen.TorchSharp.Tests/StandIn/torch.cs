// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

/// <summary>
/// Stand-in for TorchSharp's static torch class (declared in many files of TorchSharp; recorded here once).
/// Nested: Tensor, ScalarType, Device, Generator, nn, optim, cuda.
/// </summary>
[TorchSharpSource("src/TorchSharp/Torch.cs", "0.105.0")]
public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's torch.nn static class (modules, their factories, functional).</summary>
    [TorchSharpSource("src/TorchSharp/Torch.cs", "0.105.0")]
    public static partial class nn
    {
    }
}
