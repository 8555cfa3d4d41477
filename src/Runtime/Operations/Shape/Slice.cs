using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Elements [start, start + length) of dimension <paramref name="dim"/>. A view when the range is contiguous in
    /// memory (every dimension before <paramref name="dim"/> has size 1, e.g. rows of a matrix), otherwise a copy.
    /// </summary>
    public static Tensor Slice(Tensor x, int dim, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = ShapeUtil.NormalizeDim("Slice", x.Shape, dim);
        if (start < 0 || length < 0 || start > x.Shape[d] - length)
        {
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Slice: [{start}, {start + length}) is outside dimension {dim} of {ShapeUtil.Format(x.Shape)} (size {x.Shape[d]}).");
        }

        var (outer, size, inner) = ShapeUtil.AroundDim(x.Shape, d);
        int[] shape = (int[])x.Shape.Clone();
        shape[d] = length;
        int chunk = length * inner;
        if (outer == 1)
        {
            return x.ViewOf(start * inner, shape, chunk);
        }

        Tensor y = Tensor.Create(shape, clear: false);
        ReadOnlySpan<float> xd = x.Data;
        Span<float> yd = y.Data;
        for (int o = 0; o < outer; o++)
        {
            xd.Slice((o * size * inner) + (start * inner), chunk).CopyTo(yd.Slice(o * chunk, chunk));
        }

        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new SliceNode(x, outer, size * inner, start * inner, chunk));
        }

        return y;
    }

    /// <summary>Splits dimension <paramref name="dim"/> into consecutive pieces of the given sizes (which must add up to it).</summary>
    public static Tensor[] Split(Tensor x, int dim, params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(sizes);
        int d = ShapeUtil.NormalizeDim("Split", x.Shape, dim);
        int sum = 0;
        foreach (int s in sizes)
        {
            if (s < 0)
            {
                throw new ArgumentException($"Split: the sizes [{string.Join(", ", sizes)}] include a negative one.", nameof(sizes));
            }

            sum += s;
        }

        if (sum != x.Shape[d])
        {
            throw new ArgumentException(
                $"Split: the sizes [{string.Join(", ", sizes)}] add up to {sum}, but dimension {dim} of {ShapeUtil.Format(x.Shape)} is {x.Shape[d]}.", nameof(sizes));
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

    private sealed class SliceNode(Tensor x, int outer, int rowLength, int offset, int chunk) : BackwardNode("Slice")
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            Span<float> dx = x.Grad;
            for (int o = 0; o < outer; o++)
            {
                Span<float> target = dx.Slice((o * rowLength) + offset, chunk);
                TensorPrimitives.Add(target, dy.Slice(o * chunk, chunk), target);
            }
        }
    }
}
