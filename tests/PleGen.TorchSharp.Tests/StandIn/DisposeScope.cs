// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

/// <summary>Stand-in for TorchSharp's DisposeScope (created only by torch.NewDisposeScope()).</summary>
[TorchSharpSource("src/TorchSharp/DisposeScope.cs", "0.105.0")]
public sealed class DisposeScope : IDisposable
{
    // TorchSharp's only constructor is internal (it takes the internal DisposeScopeManager); this private one keeps
    // the compiler from adding a public default constructor that TorchSharp does not have.
    [TorchSharpSource("src/TorchSharp/DisposeScope.cs", "0.105.0")]
    private DisposeScope() => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/DisposeScope.cs", "0.105.0")]
    public T MoveToOuter<T>(T disposable) where T : IDisposable => throw new NotSupportedException("stand-in");

    [TorchSharpSource("src/TorchSharp/DisposeScope.cs", "0.105.0")]
    public void Dispose() => throw new NotSupportedException("stand-in");
}
