// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    namespace Modules
    {
        /// <summary>Stand-in for TorchSharp's fully connected layer: y = x W^T + b, weight [out, in], bias [out].</summary>
        [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
        public sealed class Linear : torch.nn.Module<Tensor, Tensor>
        {
            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            internal Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear)) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            public override Tensor forward(Tensor tensor) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            public Parameter? bias
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }

            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            public Parameter weight
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }

            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            public long in_features
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }

            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            public long out_features
            {
                get => throw new NotSupportedException("stand-in");
                set => throw new NotSupportedException("stand-in");
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) => throw new NotSupportedException("stand-in");

            [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
            public static Linear Linear(Parameter weight, Parameter? bias = null) => throw new NotSupportedException("stand-in");

            public static partial class functional
            {
                [TorchSharpSource("src/TorchSharp/NN/Linear.cs", "0.105.0")]
                public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null) => throw new NotSupportedException("stand-in");
            }
        }
    }
}
