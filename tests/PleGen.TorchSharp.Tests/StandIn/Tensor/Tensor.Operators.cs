// STAND-IN for TorchSharp, declarations only (see docs/torchsharp-standin.md).
using System;
using PleGen.TorchSharp.StandIn;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>Stand-in for TorchSharp's arithmetic operators (+, -, *, /) between tensors, Scalars and .NET numbers.</summary>
    public partial class Tensor
    {
        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(Tensor left, int right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(Tensor left, long right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(Tensor left, float right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(Tensor left, double right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(int left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(long left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(float left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator +(double left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(Tensor left, int right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(Tensor left, long right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(Tensor left, float right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(Tensor left, double right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(int left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(long left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(float left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator *(double left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(Tensor left, int right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(Tensor left, long right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(Tensor left, float right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(Tensor left, double right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(int left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(long left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(float left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator -(double left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(Tensor left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(Tensor left, Scalar right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(Scalar left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(Tensor left, int right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(Tensor left, long right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(Tensor left, float right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(Tensor left, double right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(int left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(long left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(float left, Tensor right) => throw new NotSupportedException("stand-in");

        [TorchSharpSource("src/TorchSharp/Tensor/Tensor.Operators.cs", "0.105.0")]
        public static Tensor operator /(double left, Tensor right) => throw new NotSupportedException("stand-in");
    }
}
