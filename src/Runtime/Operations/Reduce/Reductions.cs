using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>Sum of all elements, as a scalar (rank 0).</summary>
    public static Tensor Sum(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return ReduceAll("Sum", x, 1f);
    }

    /// <summary>Mean of all elements, as a scalar (rank 0).</summary>
    public static Tensor Mean(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length == 0)
        {
            throw new ArgumentException($"Mean: the input {ShapeUtil.Format(x.Shape)} has no elements.", nameof(x));
        }

        return ReduceAll("Mean", x, 1f / x.Length);
    }

    /// <summary>Sum over dimension <paramref name="dim"/>, which is removed from the shape ([b, e, h] over 1 -> [b, h]).</summary>
    public static Tensor Sum(Tensor x, int dim)
    {
        ArgumentNullException.ThrowIfNull(x);
        return ReduceDim("Sum", x, dim, mean: false);
    }

    /// <summary>Mean over dimension <paramref name="dim"/>, which is removed from the shape.</summary>
    public static Tensor Mean(Tensor x, int dim)
    {
        ArgumentNullException.ThrowIfNull(x);
        return ReduceDim("Mean", x, dim, mean: true);
    }

    private static Tensor ReduceAll(string op, Tensor x, float factor)
    {
        Tensor y = Tensor.Create(Array.Empty<int>(), clear: false);
        y.Data[0] = TensorPrimitives.Sum(x.Data) * factor;
        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new ReduceAllNode(op, x, factor));
        }

        return y;
    }

    private static Tensor ReduceDim(string op, Tensor x, int dim, bool mean)
    {
        int d = ShapeUtil.NormalizeDim(op, x.Shape, dim);
        var (outer, size, inner) = ShapeUtil.AroundDim(x.Shape, d);
        if (mean && size == 0)
        {
            throw new ArgumentException($"{op}: dimension {dim} of {ShapeUtil.Format(x.Shape)} is empty.", nameof(dim));
        }

        int[] shape = new int[x.Rank - 1];
        for (int i = 0, j = 0; i < x.Rank; i++)
        {
            if (i != d)
            {
                shape[j++] = x.Shape[i];
            }
        }

        float factor = mean ? 1f / size : 1f;
        Tensor y = Tensor.Create(shape, clear: true);
        ReadOnlySpan<float> xd = x.Data;
        Span<float> yd = y.Data;
        for (int o = 0; o < outer; o++)
        {
            ReadOnlySpan<float> block = xd.Slice(o * size * inner, size * inner);
            if (inner == 1)
            {
                yd[o] = TensorPrimitives.Sum(block) * factor;
                continue;
            }

            Span<float> target = yd.Slice(o * inner, inner);
            for (int s = 0; s < size; s++)
            {
                TensorPrimitives.Add(target, block.Slice(s * inner, inner), target);
            }

            TensorPrimitives.Multiply(target, factor, target);
        }

        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new ReduceDimNode(op, x, outer, size, inner, factor));
        }

        return y;
    }

    private sealed class ReduceAllNode(string op, Tensor x, float factor) : BackwardNode(op)
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        public override void Backward(Tensor y)
        {
            Span<float> dx = x.Grad;
            TensorPrimitives.Add(dx, y.Grad[0] * factor, dx);
        }
    }

    /// <summary>Every input element of a reduced group receives the group's output gradient times the factor.</summary>
    private sealed class ReduceDimNode(string op, Tensor x, int outer, int size, int inner, float factor) : BackwardNode(op)
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            Span<float> dx = x.Grad;
            for (int o = 0; o < outer; o++)
            {
                Span<float> block = dx.Slice(o * size * inner, size * inner);
                if (inner == 1)
                {
                    TensorPrimitives.Add(block, dy[o] * factor, block);
                    continue;
                }

                ReadOnlySpan<float> g = dy.Slice(o * inner, inner);
                for (int s = 0; s < size; s++)
                {
                    Span<float> target = block.Slice(s * inner, inner);
                    TensorPrimitives.MultiplyAdd(g, factor, target, target);
                }
            }
        }
    }
}
