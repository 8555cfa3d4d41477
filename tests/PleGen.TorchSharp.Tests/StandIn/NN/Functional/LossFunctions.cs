// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stand-in for the reduction a loss applies: None keeps one loss per element.</summary>
        [TorchSharpSource("src/TorchSharp/NN/Losses.cs", "0.105.0")]
        public enum Reduction : long
        {
            None = 0,
            Mean = 1,
            Sum = 2,
        }

        // Stand-in for the losses of torch.nn.functional the joint loss uses.
        public static partial class functional
        {
            [TorchSharpSource("src/TorchSharp/NN/Losses.cs", "0.105.0")]
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Losses.cs", "0.105.0")]
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => throw new NotSupportedException("stand-in");
        }
    }
}
