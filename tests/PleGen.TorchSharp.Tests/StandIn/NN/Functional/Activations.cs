// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Stand-in for torch.nn.functional (a static class nested in torch.nn, declared across many TorchSharp
        /// files; recorded here once): activations, softmax and dropout.
        /// </summary>
        [TorchSharpSource("src/TorchSharp/NN/Activation/ReLu.cs", "0.105.0")]
        public static partial class functional
        {
            [TorchSharpSource("src/TorchSharp/NN/Activation/ReLu.cs", "0.105.0")]
            public static Tensor relu(Tensor x, bool inplace = false) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Activation/Sigmoid.cs", "0.105.0")]
            public static Tensor sigmoid(Tensor x, bool inplace) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Activation/Sigmoid.cs", "0.105.0")]
            public static Tensor sigmoid(Tensor x) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Activation/Tanh.cs", "0.105.0")]
            public static Tensor tanh(Tensor x, bool inplace = false) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Activation/Softmax.cs", "0.105.0")]
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Dropout.cs", "0.105.0")]
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false) => throw new NotSupportedException("stand-in");
        }
    }
}
