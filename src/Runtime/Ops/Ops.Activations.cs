using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace PleGen.Runtime;

public static partial class Ops
{
    /// <summary>max(0, x).</summary>
    public static Tensor Relu(Tensor x)
    {
        Tensor y = Tensor.Create((int[])x.Shape.Clone(), clear: false);
        TensorPrimitives.Max(x.Data, 0f, y.Data);
        if (Tape.Needs(x))
        {
            Tape.Record(y, () => ReluBackward(y.Data, y.Grad, x.Grad));
        }

        return y;
    }

    /// <summary>dx += dy where the output is positive (vectorized: the hottest element-wise backward of ReLU models).</summary>
    private static void ReluBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            for (; i <= dx.Length - width; i += width)
            {
                var positive = Vector.GreaterThan(new Vector<float>(y.Slice(i)), Vector<float>.Zero);
                var sum = new Vector<float>(dx.Slice(i)) + Vector.ConditionalSelect(positive, new Vector<float>(dy.Slice(i)), Vector<float>.Zero);
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

    /// <summary>1 / (1 + exp(-x)).</summary>
    public static Tensor Sigmoid(Tensor x)
    {
        Tensor y = Tensor.Create((int[])x.Shape.Clone(), clear: false);
        TensorPrimitives.Sigmoid(x.Data, y.Data);
        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                // dy/dx = y (1 - y)
                ReadOnlySpan<float> yd = y.Data, dy = y.Grad;
                Span<float> dx = x.Grad;
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += dy[i] * yd[i] * (1f - yd[i]);
                }
            });
        }

        return y;
    }

    /// <summary>Hyperbolic tangent.</summary>
    public static Tensor Tanh(Tensor x)
    {
        Tensor y = Tensor.Create((int[])x.Shape.Clone(), clear: false);
        TensorPrimitives.Tanh(x.Data, y.Data);
        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                // dy/dx = 1 - y^2
                ReadOnlySpan<float> yd = y.Data, dy = y.Grad;
                Span<float> dx = x.Grad;
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += dy[i] * (1f - (yd[i] * yd[i]));
                }
            });
        }

        return y;
    }

    /// <summary>Softmax over the last dimension, computed stably (max subtracted first).</summary>
    public static Tensor Softmax(Tensor x)
    {
        if (x.Rank == 0)
        {
            throw new ArgumentException("Softmax: needs at least one dimension, but the input is a scalar.");
        }

        int width = x.Shape[x.Rank - 1];
        int rows = width == 0 ? 0 : x.Length / width;
        Tensor y = Tensor.Create((int[])x.Shape.Clone(), clear: false);
        ReadOnlySpan<float> xd = x.Data;
        Span<float> yd = y.Data;
        for (int r = 0; r < rows; r++)
        {
            // TensorPrimitives.SoftMax subtracts nothing; shift by the row max for stability like PyTorch.
            ReadOnlySpan<float> row = xd.Slice(r * width, width);
            Span<float> outRow = yd.Slice(r * width, width);
            float max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, outRow);
            TensorPrimitives.Exp(outRow, outRow);
            float sum = TensorPrimitives.Sum(outRow);
            TensorPrimitives.Divide(outRow, sum, outRow);
        }

        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                // dx = y * (dy - sum(dy * y)) per row.
                ReadOnlySpan<float> ys = y.Data, dy = y.Grad;
                Span<float> dx = x.Grad;
                for (int r = 0; r < rows; r++)
                {
                    ReadOnlySpan<float> yr = ys.Slice(r * width, width), gr = dy.Slice(r * width, width);
                    float dot = TensorPrimitives.Dot(yr, gr);
                    Span<float> dr = dx.Slice(r * width, width);
                    for (int i = 0; i < width; i++)
                    {
                        dr[i] += yr[i] * (gr[i] - dot);
                    }
                }
            });
        }

        return y;
    }
}
