using System;
using PleGen.Runtime.Kernels;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Matrix product op(a) op(b) of rank-2 tensors, where op transposes when asked (without copying):
    /// a [m, k] (or [k, m] with <paramref name="transposeA"/>), b [k, n] (or [n, k] with <paramref name="transposeB"/>) -> [m, n].
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireRank("MatMul", a, 2, "the left operand");
        RequireRank("MatMul", b, 2, "the right operand");
        var p = new MatrixProduct(a.Shape[^2], a.Shape[^1], b.Shape[^2], b.Shape[^1], transposeA, transposeB);
        if (p.K != p.KofB)
        {
            throw new ArgumentException(
                $"MatMul: cannot multiply {p.DescribeA(a.Shape)} by {p.DescribeB(b.Shape)}: inner dimensions {p.K} and {p.KofB} differ.");
        }

        Tensor y = Tensor.Create(new[] { p.M, p.N }, clear: false);
        Gemm.Sgemm(transposeA, transposeB, p.M, p.N, p.K, 1f, a.Data, p.Lda, b.Data, p.Ldb, 0f, y.Data, p.N);
        if (GradientMode.ShouldRecord(a, b))
        {
            Tape.Record(y, new MatMulNode(a, b, p));
        }

        return y;
    }

    private sealed class MatMulNode(Tensor a, Tensor b, MatrixProduct p) : BackwardNode("MatMul")
    {
        public override int InputCount => 2;

        public override Tensor? InputAt(int index) => index == 0 ? a : b;

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            if (a.RequiresGrad)
            {
                p.AccumulateGradA(dy, b.Data, a.Grad, batch: 1);
            }

            if (b.RequiresGrad)
            {
                p.AccumulateGradB(dy, a.Data, b.Grad, batch: 1);
            }
        }
    }
}
