using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>Joins tensors along dimension <paramref name="dim"/>; every other dimension must agree (e.g. [b, 3] and [b, 5] along 1 -> [b, 8]).</summary>
    public static Tensor Concat(ReadOnlySpan<Tensor> parts, int dim)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("Concat: needs at least one tensor.", nameof(parts));
        }

        Tensor first = parts[0] ?? throw new ArgumentNullException(nameof(parts), "Concat: part 0 is null.");
        int d = ShapeUtil.NormalizeDim("Concat", first.Shape, dim);
        int total = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            Tensor p = parts[i] ?? throw new ArgumentNullException(nameof(parts), $"Concat: part {i} is null.");
            if (p.Rank != first.Rank)
            {
                throw new ArgumentException($"Concat: cannot join {ShapeUtil.Format(first.Shape)} and {ShapeUtil.Format(p.Shape)} (part {i}): ranks differ.");
            }

            for (int j = 0; j < first.Rank; j++)
            {
                if (j != d && p.Shape[j] != first.Shape[j])
                {
                    throw new ArgumentException(
                        $"Concat: cannot join {ShapeUtil.Format(first.Shape)} and {ShapeUtil.Format(p.Shape)} (part {i}) along dimension {dim}: dimension {j} differs ({first.Shape[j]} and {p.Shape[j]}).");
                }
            }

            total += p.Shape[d];
        }

        int[] shape = (int[])first.Shape.Clone();
        shape[d] = total;
        var (outer, _, inner) = ShapeUtil.AroundDim(shape, d);
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

        if (GradientMode.ShouldRecord(parts))
        {
            Tape.Record(y, new ConcatNode(parts.ToArray(), d, outer, total * inner, inner));
        }

        return y;
    }

    private sealed class ConcatNode(Tensor[] parts, int dim, int outer, int rowLength, int inner) : BackwardNode("Concat")
    {
        public override int InputCount => parts.Length;

        public override Tensor? InputAt(int index) => parts[index];

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            int offset = 0;
            foreach (Tensor p in parts)
            {
                int chunk = p.Shape[dim] * inner;
                if (p.RequiresGrad)
                {
                    Span<float> dp = p.Grad;
                    for (int o = 0; o < outer; o++)
                    {
                        Span<float> target = dp.Slice(o * chunk, chunk);
                        TensorPrimitives.Add(target, dy.Slice((o * rowLength) + offset, chunk), target);
                    }
                }

                offset += chunk;
            }
        }
    }
}
