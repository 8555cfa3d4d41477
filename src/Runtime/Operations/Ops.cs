using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

/// <summary>
/// Differentiable tensor operations with PyTorch's semantics. Each checks its inputs (errors name the op and
/// both shapes), computes its result, and, when an input requires a gradient and recording is on (not under
/// <see cref="Autograd.NoGrad"/>), records its backward step. Results are pooled inside a <see cref="TensorScope"/>.
/// Only the right operand of a binary op broadcasts; reductions, shape ops and softmax take PyTorch's dimension
/// numbering (negative counts from the end).
/// </summary>
public static partial class Ops
{
    /// <summary>Adds <paramref name="gradient"/> into <paramref name="t"/>'s gradient when it requires one.</summary>
    internal static void AccumulateGrad(Tensor t, ReadOnlySpan<float> gradient)
    {
        if (t.RequiresGrad)
        {
            Span<float> g = t.Grad;
            TensorPrimitives.Add(g, gradient, g);
        }
    }

    internal static void RequireRank(string op, Tensor t, int rank, string name)
    {
        if (t.Rank != rank)
        {
            throw new ArgumentException($"{op}: {name} must have rank {rank}, but its shape is {ShapeUtil.Format(t.Shape)}.");
        }
    }

    /// <summary>destination[c] += sum over rows r of source[r, c] (a bias gradient).</summary>
    internal static void AccumulateColumnSums(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
    {
        if (columns == 1)
        {
            destination[0] += TensorPrimitives.Sum(source.Slice(0, rows));
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(destination, source.Slice(r * columns, columns), destination);
        }
    }

    /// <summary>Fills every row of <paramref name="destination"/> [rows, row.Length] with <paramref name="row"/> (a bias before a GEMM with beta = 1).</summary>
    internal static void BroadcastRows(ReadOnlySpan<float> row, int rows, Span<float> destination)
    {
        for (int r = 0; r < rows; r++)
        {
            row.CopyTo(destination.Slice(r * row.Length, row.Length));
        }
    }
}
