// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// Stand-in for TorchSharp's comparison operators. They return element-wise tensors, not bool, so they are
    /// declared here even though the emitter does not compare tensors: without them, `a == b` would compile against
    /// the stand-in as a reference comparison and fail against TorchSharp. Null checks must use `is null`.
    /// </summary>
    public partial class Tensor
    {
        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public override bool Equals(object? obj) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public bool Equals(Tensor target) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public override int GetHashCode() => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator ==(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator ==(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator ==(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator !=(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator !=(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator !=(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator <(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator <(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator <(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator <=(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator <=(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator <=(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator >(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator >(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator >(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator >=(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator >=(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.cs", "0.105.0")]
        public static Tensor operator >=(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");
    }
}
