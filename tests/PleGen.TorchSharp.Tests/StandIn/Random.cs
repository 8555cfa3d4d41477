// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    [TorchSharpSource("src/TorchSharp/Tensor/torch.RandomSampling.cs", "0.105.0")]
    public static Generator manual_seed(long seed) => throw new NotSupportedException("stand-in");

    /// <summary>Stand-in for TorchSharp's random number generator (the return type of torch.manual_seed).</summary>
    [TorchSharpSource("src/TorchSharp/Generator.cs", "0.105.0")]
    public class Generator : IDisposable
    {
        [TorchSharpSource("src/TorchSharp/Generator.cs", "0.105.0")]
        public Generator(ulong seed = 0, torch.Device? device = null) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Generator.cs", "0.105.0")]
        public Generator manual_seed(long seed) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Generator.cs", "0.105.0")]
        public long initial_seed() => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Generator.cs", "0.105.0")]
        protected virtual void Dispose(bool disposing) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Generator.cs", "0.105.0")]
        public void Dispose() => throw new NotSupportedException("stand-in");
    }
}
