// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using System.Collections.Generic;
using PleGen.TorchSharp.StandIn;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    namespace Modules
    {
        /// <summary>
        /// Stand-in for TorchSharp's Adam. In TorchSharp it derives from Optimizer through OptimizerHelper and
        /// implements IBetas; the stand-in omits both.
        /// </summary>
        [TorchSharpSource("src/TorchSharp/Optimizers/Adam.cs", "0.105.0")]
        public class Adam : optim.Optimizer
        {
            [TorchSharpSource("src/TorchSharp/Optimizers/Adam.cs", "0.105.0")]
            public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) : base(IntPtr.Zero) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/Optimizers/Adam.cs", "0.105.0")]
            public override Tensor? step(Func<Tensor>? closure = null) => throw new NotSupportedException("stand-in");
        }
    }

    public static partial class torch
    {
        public static partial class optim
        {
            [TorchSharpSource("src/TorchSharp/Optimizers/Adam.cs", "0.105.0")]
            public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) => throw new NotSupportedException("stand-in");
        }
    }
}
