using System;
using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

/// <summary>
/// The element-wise non-linearities and their derivatives, written in terms of the output y (all three have
/// derivatives that y alone determines), shared by the activation ops and the fused forms of Linear and ExpertBank.
/// </summary>
internal static class ActivationMath
{
    /// <summary>Elements per stack-allocated temporary in the backward passes.</summary>
    private const int Chunk = 512;

    /// <summary>The op name used in messages.</summary>
    public static string Name(Activation activation) => activation switch
    {
        Activation.Relu => "Relu",
        Activation.Tanh => "Tanh",
        Activation.Sigmoid => "Sigmoid",
        _ => throw Unknown(activation),
    };

    /// <summary>y = f(x); <paramref name="y"/> may be <paramref name="x"/> itself (in place).</summary>
    public static void Forward(Activation activation, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (activation)
        {
            case Activation.Relu:
                TensorPrimitives.Max(x, 0f, y);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(x, y);
                break;
            default:
                throw Unknown(activation);
        }
    }

    /// <summary>dx += dy * f'(x), with f'(x) computed from the output y.</summary>
    public static void AccumulateGradient(Activation activation, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        switch (activation)
        {
            case Activation.Relu:
                ReluGradient(y, dy, dx);
                break;
            case Activation.Tanh:
                SmoothGradient(y, dy, dx, tanh: true);
                break;
            case Activation.Sigmoid:
                SmoothGradient(y, dy, dx, tanh: false);
                break;
            default:
                throw Unknown(activation);
        }
    }

    /// <summary>dx += dy where y &gt; 0 (PyTorch's convention: zero gradient at 0).</summary>
    private static void ReluGradient(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        // TensorPrimitives has no masked add; one compare-and-select per vector keeps this the cheap pass it should be.
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            for (; i <= dx.Length - width; i += width)
            {
                Vector<int> positive = Vector.GreaterThan(new Vector<float>(y.Slice(i)), Vector<float>.Zero);
                Vector<float> sum = new Vector<float>(dx.Slice(i)) + Vector.ConditionalSelect(positive, new Vector<float>(dy.Slice(i)), Vector<float>.Zero);
                sum.CopyTo(dx.Slice(i));
            }
        }

        for (; i < dx.Length; i++)
        {
            if (y[i] > 0f)
            {
                dx[i] += dy[i];
            }
        }
    }

    /// <summary>dx += dy * (1 - y^2) for tanh, dx += dy * y (1 - y) for sigmoid.</summary>
    private static void SmoothGradient(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, bool tanh)
    {
        Span<float> derivative = stackalloc float[Chunk];
        for (int start = 0; start < dx.Length; start += Chunk)
        {
            int n = Math.Min(Chunk, dx.Length - start);
            ReadOnlySpan<float> ys = y.Slice(start, n);
            Span<float> d = derivative.Slice(0, n);
            if (tanh)
            {
                TensorPrimitives.Multiply(ys, ys, d);
                TensorPrimitives.Subtract(1f, d, d);
            }
            else
            {
                TensorPrimitives.Subtract(1f, ys, d);
                TensorPrimitives.Multiply(d, ys, d);
            }

            Span<float> dxs = dx.Slice(start, n);
            TensorPrimitives.MultiplyAdd(d, dy.Slice(start, n), dxs, dxs);
        }
    }

    private static ArgumentOutOfRangeException Unknown(Activation activation)
        => new(nameof(activation), activation, $"Unknown activation {activation}; use Relu, Tanh or Sigmoid.");
}
