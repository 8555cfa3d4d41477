using System;
using PleGen.Runtime.Kernels;

namespace PleGen.Runtime;

public static partial class Ops
{
    /// <summary>
    /// Matrix product op(a) * op(b) of rank-2 tensors, where op transposes when asked:
    /// a [m, k] (or [k, m] with <paramref name="transposeA"/>), b [k, n] (or [n, k]) -> [m, n].
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        RequireRank("MatMul", a, 2, "the left operand");
        RequireRank("MatMul", b, 2, "the right operand");
        int m = transposeA ? a.Shape[1] : a.Shape[0];
        int k = transposeA ? a.Shape[0] : a.Shape[1];
        int kb = transposeB ? b.Shape[1] : b.Shape[0];
        int n = transposeB ? b.Shape[0] : b.Shape[1];
        if (k != kb)
        {
            throw new ArgumentException(
                $"MatMul: cannot multiply {Describe(a, transposeA)} by {Describe(b, transposeB)}: inner dimensions {k} and {kb} differ.");
        }

        Tensor y = Tensor.Create(new[] { m, n }, clear: false);
        Gemm.Sgemm(transposeA, transposeB, m, n, k, 1f, a.Data, a.Shape[1], b.Data, b.Shape[1], 0f, y.Data, n);
        if (Tape.Needs(a, b))
        {
            Tape.Record(y, () =>
            {
                // y = A B  =>  dA = dY B^T, dB = A^T dY  (with the transposes folded into the GEMM flags).
                if (a.RequiresGrad)
                {
                    if (transposeA)
                    {
                        Gemm.Sgemm(transposeB, true, k, m, n, 1f, b.Data, b.Shape[1], y.Grad, n, 1f, a.Grad, a.Shape[1]);
                    }
                    else
                    {
                        Gemm.Sgemm(false, !transposeB, m, k, n, 1f, y.Grad, n, b.Data, b.Shape[1], 1f, a.Grad, a.Shape[1]);
                    }
                }

                if (b.RequiresGrad)
                {
                    if (transposeB)
                    {
                        Gemm.Sgemm(true, transposeA, n, k, m, 1f, y.Grad, n, a.Data, a.Shape[1], 1f, b.Grad, b.Shape[1]);
                    }
                    else
                    {
                        Gemm.Sgemm(!transposeA, false, k, n, m, 1f, a.Data, a.Shape[1], y.Grad, n, 1f, b.Grad, b.Shape[1]);
                    }
                }
            });
        }

        return y;
    }

    /// <summary>
    /// Batched matrix product of rank-3 tensors: a [e, m, k] (or [e, k, m]), b [e, k, n] (or [e, n, k]) -> [e, m, n].
    /// </summary>
    public static Tensor BatchedMatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        RequireRank("BatchedMatMul", a, 3, "the left operand");
        RequireRank("BatchedMatMul", b, 3, "the right operand");
        int e = a.Shape[0];
        int m = transposeA ? a.Shape[2] : a.Shape[1];
        int k = transposeA ? a.Shape[1] : a.Shape[2];
        int kb = transposeB ? b.Shape[2] : b.Shape[1];
        int n = transposeB ? b.Shape[1] : b.Shape[2];
        if (b.Shape[0] != e || k != kb)
        {
            throw new ArgumentException(
                $"BatchedMatMul: cannot multiply {ShapeUtil.Format(a.Shape)}{(transposeA ? " (transposed)" : "")} by {ShapeUtil.Format(b.Shape)}{(transposeB ? " (transposed)" : "")}: " +
                (b.Shape[0] != e ? $"batch sizes {e} and {b.Shape[0]} differ." : $"inner dimensions {k} and {kb} differ."));
        }

        int sa = a.Shape[1] * a.Shape[2], sb = b.Shape[1] * b.Shape[2], sy = m * n;
        int lda = a.Shape[2], ldb = b.Shape[2];
        Tensor y = Tensor.Create(new[] { e, m, n }, clear: false);
        Gemm.SgemmBatched(transposeA, transposeB, m, n, k, 1f, a.Data, lda, sa, b.Data, ldb, sb, 0f, y.Data, n, sy, e);
        if (Tape.Needs(a, b))
        {
            Tape.Record(y, () =>
            {
                if (a.RequiresGrad)
                {
                    if (transposeA)
                    {
                        Gemm.SgemmBatched(transposeB, true, k, m, n, 1f, b.Data, ldb, sb, y.Grad, n, sy, 1f, a.Grad, lda, sa, e);
                    }
                    else
                    {
                        Gemm.SgemmBatched(false, !transposeB, m, k, n, 1f, y.Grad, n, sy, b.Data, ldb, sb, 1f, a.Grad, lda, sa, e);
                    }
                }

                if (b.RequiresGrad)
                {
                    if (transposeB)
                    {
                        Gemm.SgemmBatched(true, transposeA, n, k, m, 1f, y.Grad, n, sy, a.Data, lda, sa, 1f, b.Grad, ldb, sb, e);
                    }
                    else
                    {
                        Gemm.SgemmBatched(!transposeA, false, k, n, m, 1f, a.Data, lda, sa, y.Grad, n, sy, 1f, b.Grad, ldb, sb, e);
                    }
                }
            });
        }

        return y;
    }

    /// <summary>
    /// A linear layer in PyTorch's layout: x [batch, in], weight [out, in], bias [out] (optional) -> x W^T + b.
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        RequireRank("Linear", x, 2, "the input");
        RequireRank("Linear", weight, 2, "the weight");
        int batch = x.Shape[0], input = x.Shape[1], output = weight.Shape[0];
        if (weight.Shape[1] != input)
        {
            throw new ArgumentException(
                $"Linear: the input {ShapeUtil.Format(x.Shape)} has {input} features but the weight {ShapeUtil.Format(weight.Shape)} expects {weight.Shape[1]}.");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != output))
        {
            throw new ArgumentException($"Linear: the bias must have shape [{output}] for the weight {ShapeUtil.Format(weight.Shape)}, but it is {ShapeUtil.Format(bias.Shape)}.");
        }

        Tensor y = Tensor.Create(new[] { batch, output }, clear: false);
        Span<float> yd = y.Data;
        if (bias is null)
        {
            Gemm.Sgemm(false, true, batch, output, input, 1f, x.Data, input, weight.Data, input, 0f, yd, output);
        }
        else
        {
            ReadOnlySpan<float> b = bias.Data;
            for (int r = 0; r < batch; r++)
            {
                b.CopyTo(yd.Slice(r * output, output));
            }

            Gemm.Sgemm(false, true, batch, output, input, 1f, x.Data, input, weight.Data, input, 1f, yd, output);
        }

        if (Tape.Needs(x, weight, bias))
        {
            Tape.Record(y, () => LinearBackward(x, weight, bias, y, batch, input, output));
        }

        return y;
    }

    private static void LinearBackward(Tensor x, Tensor weight, Tensor? bias, Tensor y, int batch, int input, int output)
    {
        ReadOnlySpan<float> dy = y.Grad;
        if (x.RequiresGrad)
        {
            // dX = dY W : [batch, out] x [out, in]
            Gemm.Sgemm(false, false, batch, input, output, 1f, dy, output, weight.Data, input, 1f, x.Grad, input);
        }

        if (weight.RequiresGrad)
        {
            // dW = dY^T X : [out, batch] x [batch, in]
            Gemm.Sgemm(true, false, output, input, batch, 1f, dy, output, x.Data, input, 1f, weight.Grad, input);
        }

        if (bias is not null && bias.RequiresGrad)
        {
            SumRowsInto(dy, batch, output, bias.Grad);
        }
    }

    /// <summary>destination[c] += sum over r of source[r, c].</summary>
    internal static void SumRowsInto(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
    {
        for (int r = 0; r < rows; r++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(destination, source.Slice(r * columns, columns), destination);
        }
    }

    private static string Describe(Tensor t, bool transposed)
        => transposed ? $"{ShapeUtil.Format(t.Shape)} (transposed: [{t.Shape[1]}, {t.Shape[0]}])" : ShapeUtil.Format(t.Shape);
}
