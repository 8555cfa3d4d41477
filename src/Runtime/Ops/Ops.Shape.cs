using System;
using System.Numerics.Tensors;

namespace PleGen.Runtime;

public static partial class Ops
{
    /// <summary>Concatenates tensors along <paramref name="dim"/>; all other dimensions must agree.</summary>
    public static Tensor Concat(ReadOnlySpan<Tensor> parts, int dim)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("Concat: needs at least one tensor.");
        }

        Tensor first = parts[0];
        int d = NormalizeDim("Concat", first, dim);
        int total = 0;
        foreach (Tensor p in parts)
        {
            if (p.Rank != first.Rank)
            {
                throw new ArgumentException($"Concat: cannot join {ShapeUtil.Format(first.Shape)} and {ShapeUtil.Format(p.Shape)}: ranks differ.");
            }

            for (int i = 0; i < first.Rank; i++)
            {
                if (i != d && p.Shape[i] != first.Shape[i])
                {
                    throw new ArgumentException(
                        $"Concat: cannot join {ShapeUtil.Format(first.Shape)} and {ShapeUtil.Format(p.Shape)} along dimension {dim}: dimension {i} differs.");
                }
            }

            total += p.Shape[d];
        }

        int[] shape = (int[])first.Shape.Clone();
        shape[d] = total;
        var (outer, _, inner) = Split3(shape, d);
        Tensor y = Tensor.Create(shape, clear: false);
        Span<float> yd = y.Data;
        int offset = 0;
        foreach (Tensor p in parts)
        {
            int chunk = p.Shape[d] * inner;
            ReadOnlySpan<float> pd = p.Data;
            for (int o = 0; o < outer; o++)
            {
                pd.Slice(o * chunk, chunk).CopyTo(yd.Slice((o * total * inner) + offset, chunk));
            }

            offset += chunk;
        }

        if (Tape.Needs(parts))
        {
            Tensor[] inputs = parts.ToArray();
            Tape.Record(y, () =>
            {
                ReadOnlySpan<float> dy = y.Grad;
                int off = 0;
                foreach (Tensor p in inputs)
                {
                    int chunk = p.Shape[d] * inner;
                    if (p.RequiresGrad)
                    {
                        Span<float> dp = p.Grad;
                        for (int o = 0; o < outer; o++)
                        {
                            Span<float> t = dp.Slice(o * chunk, chunk);
                            TensorPrimitives.Add(t, dy.Slice((o * total * inner) + off, chunk), t);
                        }
                    }

                    off += chunk;
                }
            });
        }

        return y;
    }

    /// <summary>Stacks equally shaped tensors along a new dimension <paramref name="dim"/>.</summary>
    public static Tensor Stack(ReadOnlySpan<Tensor> parts, int dim)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("Stack: needs at least one tensor.");
        }

        int rank = parts[0].Rank;
        int d = dim < 0 ? dim + rank + 1 : dim;
        if (d < 0 || d > rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), $"Stack: dimension {dim} is out of range for tensors of rank {rank}.");
        }

        var reshaped = new Tensor[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!ShapeUtil.SameShape(parts[i].Shape, parts[0].Shape))
            {
                throw new ArgumentException($"Stack: cannot stack {ShapeUtil.Format(parts[0].Shape)} with {ShapeUtil.Format(parts[i].Shape)}: shapes differ.");
            }

            int[] shape = new int[rank + 1];
            for (int j = 0, k = 0; j <= rank; j++)
            {
                shape[j] = j == d ? 1 : parts[i].Shape[k++];
            }

            reshaped[i] = Reshape(parts[i], shape);
        }

        return Concat(reshaped, d);
    }

    /// <summary>The slice [start, start + length) of dimension <paramref name="dim"/> (a copy).</summary>
    public static Tensor Slice(Tensor x, int dim, int start, int length)
    {
        int d = NormalizeDim("Slice", x, dim);
        if (start < 0 || length < 0 || start + length > x.Shape[d])
        {
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Slice: [{start}, {start + length}) is outside dimension {dim} of {ShapeUtil.Format(x.Shape)} (size {x.Shape[d]}).");
        }

        var (outer, size, inner) = Split3(x.Shape, d);
        int[] shape = (int[])x.Shape.Clone();
        shape[d] = length;
        Tensor y = Tensor.Create(shape, clear: false);
        ReadOnlySpan<float> xd = x.Data;
        Span<float> yd = y.Data;
        int chunk = length * inner;
        for (int o = 0; o < outer; o++)
        {
            xd.Slice((o * size * inner) + (start * inner), chunk).CopyTo(yd.Slice(o * chunk, chunk));
        }

        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                ReadOnlySpan<float> dy = y.Grad;
                Span<float> dx = x.Grad;
                for (int o = 0; o < outer; o++)
                {
                    Span<float> t = dx.Slice((o * size * inner) + (start * inner), chunk);
                    TensorPrimitives.Add(t, dy.Slice(o * chunk, chunk), t);
                }
            });
        }

        return y;
    }

    /// <summary>Splits dimension <paramref name="dim"/> into consecutive pieces of the given sizes.</summary>
    public static Tensor[] Split(Tensor x, int dim, params int[] sizes)
    {
        int d = NormalizeDim("Split", x, dim);
        int sum = 0;
        foreach (int s in sizes)
        {
            sum += s;
        }

        if (sum != x.Shape[d])
        {
            throw new ArgumentException($"Split: the sizes add up to {sum}, but dimension {dim} of {ShapeUtil.Format(x.Shape)} is {x.Shape[d]}.");
        }

        var pieces = new Tensor[sizes.Length];
        int start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            pieces[i] = Slice(x, d, start, sizes[i]);
            start += sizes[i];
        }

        return pieces;
    }
}
