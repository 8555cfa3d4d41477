// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    namespace Modules
    {
        /// <summary>Stand-in for TorchSharp's parameter: a tensor a module registers and an optimizer updates.</summary>
        [TorchSharpSource("src/TorchSharp/NN/Parameter.cs", "0.105.0")]
        public class Parameter : Tensor
        {
            [TorchSharpSource("src/TorchSharp/NN/Parameter.cs", "0.105.0")]
            public Parameter(Tensor data, bool requires_grad = true) : base(IntPtr.Zero, false) => throw new NotSupportedException("stand-in");
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            [TorchSharpSource("src/TorchSharp/NN/Parameter.cs", "0.105.0")]
            public static Parameter Parameter(Tensor data, bool requires_grad = true) => throw new NotSupportedException("stand-in");
        }
    }
}
