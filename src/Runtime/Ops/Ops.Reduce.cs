using System;
using System.Numerics.Tensors;

namespace PleGen.Runtime;

public static partial class Ops
{
    /// <summary>Sum of all elements, as a scalar.</summary>
    public static Tensor Sum(Tensor x)
    {
        Tensor y = Scalar(TensorPrimitives.Sum(x.Data));
        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                Span<float> dx = x.Grad;
                TensorPrimitives.Add(dx, y.Grad[0], dx);
            });
        }

        return y;
    }

    /// <summary>Mean of all elements, as a scalar.</summary>
    public static Tensor Mean(Tensor x)
    {
        if (x.Length == 0)
        {
            throw new ArgumentException($"Mean: the input {ShapeUtil.Format(x.Shape)} has no elements.");
        }

        float inverse = 1f / x.Length;
        Tensor y = Scalar(TensorPrimitives.Sum(x.Data) * inverse);
        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                Span<float> dx = x.Grad;
                TensorPrimitives.Add(dx, y.Grad[0] * inverse, dx);
            });
        }

        return y;
    }

    /// <summary>Sum over dimension <paramref name="dim"/>, which is removed from the shape.</summary>
    public static Tensor Sum(Tensor x, int dim) => ReduceDim("Sum", x, dim, mean: false);

    /// <summary>Mean over dimension <paramref name="dim"/>, which is removed from the shape.</summary>
    public static Tensor Mean(Tensor x, int dim) => ReduceDim("Mean", x, dim, mean: true);

    private static Tensor ReduceDim(string op, Tensor x, int dim, bool mean)
    {
        int d = NormalizeDim(op, x, dim);
        var (outer, size, inner) = Split3(x.Shape, d);
        if (mean && size == 0)
        {
            throw new ArgumentException($"{op}: dimension {dim} of {ShapeUtil.Format(x.Shape)} is empty.");
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
            Span<float> target = yd.Slice(o * inner, inner);
            for (int s = 0; s < size; s++)
            {
                TensorPrimitives.Add(target, xd.Slice(((o * size) + s) * inner, inner), target);
            }

            if (mean)
            {
                TensorPrimitives.Multiply(target, factor, target);
            }
        }

        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                ReadOnlySpan<float> dy = y.Grad;
                Span<float> dx = x.Grad;
                for (int o = 0; o < outer; o++)
                {
                    ReadOnlySpan<float> g = dy.Slice(o * inner, inner);
                    for (int s = 0; s < size; s++)
                    {
                        Span<float> t = dx.Slice(((o * size) + s) * inner, inner);
                        TensorPrimitives.MultiplyAdd(g, factor, t, t);
                    }
                }
            });
        }

        return y;
    }

    internal static int NormalizeDim(string op, Tensor x, int dim)
    {
        int d = dim < 0 ? dim + x.Rank : dim;
        if (d < 0 || d >= x.Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"{op}: dimension {dim} is out of range for {ShapeUtil.Format(x.Shape)}.");
        }

        return d;
    }

    /// <summary>The shape seen as [outer, size of dim, inner].</summary>
    internal static (int Outer, int Size, int Inner) Split3(int[] shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < dim; i++)
        {
            outer *= shape[i];
        }

        for (int i = dim + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        return (outer, shape[dim], inner);
    }
}
