using System;
using PleGen.Runtime.Kernels;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Batched matrix product of rank-3 tensors, one product per leading index:
    /// a [e, m, k] (or [e, k, m] with <paramref name="transposeA"/>), b [e, k, n] (or [e, n, k]) -> [e, m, n].
    /// </summary>
    public static Tensor BatchedMatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireRank("BatchedMatMul", a, 3, "the left operand");
        RequireRank("BatchedMatMul", b, 3, "the right operand");
        int batch = a.Shape[0];
        var p = new MatrixProduct(a.Shape[1], a.Shape[2], b.Shape[1], b.Shape[2], transposeA, transposeB);
        if (b.Shape[0] != batch)
        {
            throw new ArgumentException(
                $"BatchedMatMul: cannot multiply {p.DescribeA(a.Shape)} by {p.DescribeB(b.Shape)}: batch sizes {batch} and {b.Shape[0]} differ.");
        }

        if (p.K != p.KofB)
        {
            throw new ArgumentException(
                $"BatchedMatMul: cannot multiply {p.DescribeA(a.Shape)} by {p.DescribeB(b.Shape)}: inner dimensions {p.K} and {p.KofB} differ.");
        }

        Tensor y = Tensor.Create(new[] { batch, p.M, p.N }, clear: false);
        Gemm.SgemmBatched(transposeA, transposeB, p.M, p.N, p.K, 1f, a.Data, p.Lda, p.SizeA, b.Data, p.Ldb, p.SizeB, 0f, y.Data, p.N, p.SizeY, batch);
        if (GradientMode.ShouldRecord(a, b))
        {
            Tape.Record(y, new BatchedMatMulNode(a, b, p, batch));
        }

        return y;
    }

    private sealed class BatchedMatMulNode(Tensor a, Tensor b, MatrixProduct p, int batch) : BackwardNode("BatchedMatMul")
    {
        public override int InputCount => 2;

        public override Tensor? InputAt(int index) => index == 0 ? a : b;

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            if (a.RequiresGrad)
            {
                p.AccumulateGradA(dy, b.Data, a.Grad, batch);
            }

            if (b.RequiresGrad)
            {
                p.AccumulateGradB(dy, a.Data, b.Grad, batch);
            }
        }
    }
}
