using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Task <paramref name="task"/>'s output of a sluice network's alpha unit. Every column [batch, width] is split into
    /// <paramref name="subspaces"/> subspaces of width / subspaces units (subspace r of column j is its units
    /// [r * width / S, (r + 1) * width / S), index j * S + r); subspace s of the result is
    /// <c>sum_{j, r} alpha[task * S + s, j * S + r] * subspace (j, r)</c>, alpha [T * S, T * S] (learned) for the T
    /// columns. Result [batch, width]. With one subspace this is <see cref="CrossStitch"/>.
    /// </summary>
    public static Tensor SubspaceMix(Tensor alpha, int task, int subspaces, params Tensor[] columns)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentNullException.ThrowIfNull(columns);
        RequireRank("SubspaceMix", alpha, 2, "alpha [tasks * subspaces, tasks * subspaces]");
        long size = (long)columns.Length * subspaces;
        if (columns.Length == 0 || subspaces < 1 || alpha.Shape[0] != size || alpha.Shape[1] != size || task < 0 || task >= columns.Length)
        {
            throw new ArgumentException(
                $"SubspaceMix: alpha must be [{columns.Length} columns * {subspaces} subspaces] square with the task in [0, {columns.Length}) and at least one subspace, " +
                $"but alpha is {ShapeUtil.Format(alpha.Shape)} and the task {task}.");
        }

        RequireSameShapes("SubspaceMix", columns, "column");
        int batch = columns[0].Shape[0], width = columns[0].Shape[1];
        if (width % subspaces != 0)
        {
            throw new ArgumentException($"SubspaceMix: the columns' width {width} does not split into {subspaces} subspaces of equal width.");
        }

        if (subspaces == 1)
        {
            // One subspace per column: a cross-stitch row over whole rows of memory.
            return WeightedSum("SubspaceMix", alpha, task * columns.Length, columns);
        }

        var layout = new SubspaceLayout(columns.Length, subspaces, width / subspaces, task);
        Tensor y = Tensor.Create(new[] { batch, width }, clear: true);
        ReadOnlySpan<float> a = alpha.Data;
        Span<float> yd = y.Data;
        for (int b = 0; b < batch; b++)
        {
            for (int s = 0; s < subspaces; s++)
            {
                Span<float> target = yd.Slice((b * width) + (s * layout.Units), layout.Units);
                for (int j = 0; j < columns.Length; j++)
                {
                    ReadOnlySpan<float> column = columns[j].Data;
                    for (int r = 0; r < subspaces; r++)
                    {
                        TensorPrimitives.MultiplyAdd(column.Slice((b * width) + (r * layout.Units), layout.Units), a[layout.Weight(s, j, r)], target, target);
                    }
                }
            }
        }

        if (GradientMode.ShouldRecord(alpha) || GradientMode.ShouldRecord(columns))
        {
            Tape.Record(y, new SubspaceMixNode(alpha, layout, (Tensor[])columns.Clone()));
        }

        return y;
    }

    /// <summary>T columns of S subspaces of <see cref="Units"/> units each, for output task <see cref="Task"/>.</summary>
    private readonly record struct SubspaceLayout(int Columns, int Subspaces, int Units, int Task)
    {
        /// <summary>The flat index of alpha[task * S + s, j * S + r].</summary>
        public int Weight(int s, int j, int r) => ((((Task * Subspaces) + s) * Columns * Subspaces) + (j * Subspaces) + r);
    }

    /// <summary>dalpha[(task, s), (j, r)] += sum_b dy_s . x_{j, r};  dx_{j, r} += alpha[(task, s), (j, r)] * dy_s.</summary>
    private sealed class SubspaceMixNode(Tensor alpha, SubspaceLayout layout, Tensor[] columns) : BackwardNode("SubspaceMix")
    {
        public override int InputCount => columns.Length + 1;

        public override Tensor? InputAt(int index) => index == 0 ? alpha : columns[index - 1];

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            int units = layout.Units, width = units * layout.Subspaces, batch = y.Shape[0];
            for (int j = 0; j < columns.Length; j++)
            {
                Tensor column = columns[j];
                for (int s = 0; s < layout.Subspaces; s++)
                {
                    for (int r = 0; r < layout.Subspaces; r++)
                    {
                        int weight = layout.Weight(s, j, r);
                        for (int b = 0; b < batch; b++)
                        {
                            ReadOnlySpan<float> gradient = dy.Slice((b * width) + (s * units), units);
                            int at = (b * width) + (r * units);
                            if (alpha.RequiresGrad)
                            {
                                alpha.Grad[weight] += TensorPrimitives.Dot(gradient, column.Data.Slice(at, units));
                            }

                            if (column.RequiresGrad)
                            {
                                Span<float> target = column.Grad.Slice(at, units);
                                TensorPrimitives.MultiplyAdd(gradient, alpha.Data[weight], target, target);
                            }
                        }
                    }
                }
            }
        }
    }
}
