using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Row <paramref name="row"/> of a cross-stitch unit: <c>out = sum_j alpha[row, j] * columns[j]</c>, alpha
    /// [rows, columns.Length] (learned), every column [batch, width]. Result [batch, width].
    /// </summary>
    public static Tensor CrossStitch(Tensor alpha, int row, params Tensor[] columns)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentNullException.ThrowIfNull(columns);
        RequireRank("CrossStitch", alpha, 2, "alpha [rows, columns]");
        if (columns.Length == 0 || alpha.Shape[1] != columns.Length || row < 0 || row >= alpha.Shape[0])
        {
            throw new ArgumentException(
                $"CrossStitch: alpha {ShapeUtil.Format(alpha.Shape)} needs one column per input ({columns.Length} given) and a row in [0, {alpha.Shape[0]}), but the row is {row}.");
        }

        for (int j = 0; j < columns.Length; j++)
        {
            Tensor column = columns[j] ?? throw new ArgumentNullException(nameof(columns), $"CrossStitch: column {j} is null.");
            RequireRank("CrossStitch", column, 2, $"column {j} [batch, width]");
            if (!column.Shape.AsSpan().SequenceEqual(columns[0].Shape))
            {
                throw new ArgumentException(
                    $"CrossStitch: every column must have the shape of column 0 {ShapeUtil.Format(columns[0].Shape)}, but column {j} is {ShapeUtil.Format(column.Shape)}.");
            }
        }

        Tensor y = Tensor.Create((int[])columns[0].Shape.Clone(), clear: true);
        ReadOnlySpan<float> weights = alpha.Data.Slice(row * columns.Length, columns.Length);
        Span<float> yd = y.Data;
        for (int j = 0; j < columns.Length; j++)
        {
            TensorPrimitives.MultiplyAdd(columns[j].Data, weights[j], yd, yd);
        }

        if (GradientMode.ShouldRecord(alpha) || GradientMode.ShouldRecord(columns))
        {
            Tape.Record(y, new CrossStitchNode(alpha, row, (Tensor[])columns.Clone()));
        }

        return y;
    }

    /// <summary>dalpha[row, j] += dy . column_j;  dcolumn_j += alpha[row, j] * dy.</summary>
    private sealed class CrossStitchNode(Tensor alpha, int row, Tensor[] columns) : BackwardNode("CrossStitch")
    {
        public override int InputCount => columns.Length + 1;

        public override Tensor? InputAt(int index) => index == 0 ? alpha : columns[index - 1];

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            int offset = row * columns.Length;
            for (int j = 0; j < columns.Length; j++)
            {
                if (alpha.RequiresGrad)
                {
                    alpha.Grad[offset + j] += TensorPrimitives.Dot(dy, columns[j].Data);
                }

                if (columns[j].RequiresGrad)
                {
                    Span<float> target = columns[j].Grad;
                    TensorPrimitives.MultiplyAdd(dy, alpha.Data[offset + j], target, target);
                }
            }
        }
    }
}
