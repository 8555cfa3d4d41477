using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Softmax over the last dimension, computed stably: each row's maximum is subtracted before exp, as PyTorch
    /// does, so large logits do not overflow. Same shape as <paramref name="x"/>; each row sums to 1.
    /// </summary>
    public static Tensor Softmax(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0)
        {
            throw new ArgumentException("Softmax: needs at least one dimension (softmax runs over the last one), but the input is a scalar.");
        }

        int width = x.Shape[^1];
        int rows = width == 0 ? 0 : x.Length / width;
        Tensor y = Tensor.CreateLike(x, clear: false);
        ReadOnlySpan<float> xd = x.Data;
        Span<float> yd = y.Data;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = xd.Slice(r * width, width);
            Span<float> outRow = yd.Slice(r * width, width);
            TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), outRow);
            TensorPrimitives.Exp(outRow, outRow);
            TensorPrimitives.Divide(outRow, TensorPrimitives.Sum(outRow), outRow);
        }

        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new SoftmaxNode(x, rows, width));
        }

        return y;
    }

    private sealed class SoftmaxNode(Tensor x, int rows, int width) : BackwardNode("Softmax")
    {
        private const int Chunk = 512;

        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        /// <summary>Per row: dx += y * (dy - sum(dy * y)).</summary>
        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> ys = y.Data, dy = y.Grad;
            Span<float> dx = x.Grad;
            Span<float> shifted = stackalloc float[Math.Min(width, Chunk)];
            for (int r = 0; r < rows; r++)
            {
                int rowStart = r * width;
                float dot = TensorPrimitives.Dot(ys.Slice(rowStart, width), dy.Slice(rowStart, width));
                for (int start = 0; start < width; start += Chunk)
                {
                    int n = Math.Min(Chunk, width - start);
                    Span<float> t = shifted.Slice(0, n);
                    TensorPrimitives.Subtract(dy.Slice(rowStart + start, n), dot, t);
                    Span<float> target = dx.Slice(rowStart + start, n);
                    TensorPrimitives.MultiplyAdd(ys.Slice(rowStart + start, n), t, target, target);
                }
            }
        }
    }
}
