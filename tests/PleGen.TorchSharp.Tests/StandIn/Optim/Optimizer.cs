// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's torch.optim static class.</summary>
    [TorchSharpSource("src/TorchSharp/Optimizers/Optimizer.cs", "0.105.0")]
    public static partial class optim
    {
        /// <summary>Stand-in for TorchSharp's optimizer base class.</summary>
        [TorchSharpSource("src/TorchSharp/Optimizers/Optimizer.cs", "0.105.0")]
        public abstract partial class Optimizer : IDisposable
        {
            [TorchSharpSource("src/TorchSharp/Optimizers/Optimizer.cs", "0.105.0")]
            protected Optimizer(IntPtr handle) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/Optimizers/Optimizer.cs", "0.105.0")]
            public void Dispose() => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/Optimizers/Optimizer.cs", "0.105.0")]
            protected virtual void Dispose(bool disposing) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/Optimizers/Optimizer.cs", "0.105.0")]
            public virtual void zero_grad() => throw new NotSupportedException("stand-in");

            // TorchSharp returns null when no closure is given (its file is not nullable-annotated; declared
            // nullable here so callers handle that).
            [TorchSharpSource("src/TorchSharp/Optimizers/Optimizer.cs", "0.105.0")]
            public virtual Tensor? step(Func<Tensor>? closure = null) => throw new NotSupportedException("stand-in");
        }
    }
}
