// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's element-wise arithmetic methods and clamping.</summary>
    public partial class Tensor
    {
        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor add(Tensor target) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor add(Tensor target, Scalar alpha) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor add(Scalar scalar) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor add(Scalar scalar, Scalar alpha) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor sub(Tensor target) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor sub(Scalar target) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor mul(Tensor target) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public Tensor mul(Scalar target) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Math.cs", "0.105.0")]
        public static Tensor operator -(Tensor tensor) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public Tensor clamp_min(Scalar min) => throw new NotSupportedException("stand-in");
    }
}
