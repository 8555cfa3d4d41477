using System;
using PleGen.Runtime.Kernels;

namespace PleGen.Runtime.Operations;

/// <summary>
/// The geometry of Y = op(A) op(B) for stored A [rowsA, colsA] and B [rowsB, colsB] (op transposes when flagged),
/// and the two products of its backward pass with the transposes folded into the GEMM flags, so no operand is
/// ever copied or transposed in memory:
/// dA = dY op(B)^T (stored transposed when A is), dB = op(A)^T dY (likewise).
/// </summary>
internal readonly record struct MatrixProduct
{
    public MatrixProduct(int rowsA, int colsA, int rowsB, int colsB, bool transposeA, bool transposeB)
    {
        TransposeA = transposeA;
        TransposeB = transposeB;
        M = transposeA ? colsA : rowsA;
        K = transposeA ? rowsA : colsA;
        KofB = transposeB ? colsB : rowsB;
        N = transposeB ? rowsB : colsB;
        Lda = colsA;
        Ldb = colsB;
    }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    public int M { get; }

    public int K { get; }

    /// <summary>B's reduction dimension, which must equal <see cref="K"/>.</summary>
    public int KofB { get; }

    public int N { get; }

    /// <summary>Row stride of stored A.</summary>
    public int Lda { get; }

    /// <summary>Row stride of stored B.</summary>
    public int Ldb { get; }

    /// <summary>A's element count per matrix.</summary>
    public int SizeA => M * K;

    /// <summary>B's element count per matrix.</summary>
    public int SizeB => K * N;

    /// <summary>Y's element count per matrix.</summary>
    public int SizeY => M * N;

    public string DescribeA(int[] shape) => Describe(shape, TransposeA);

    public string DescribeB(int[] shape) => Describe(shape, TransposeB);

    /// <summary>dA += dY op(B)^T for <paramref name="batch"/> consecutive products.</summary>
    public void AccumulateGradA(ReadOnlySpan<float> dy, ReadOnlySpan<float> b, Span<float> da, int batch)
    {
        if (TransposeA)
        {
            // stored A is [k, m]: dA^T = op(B) dY^T  -> [k, n] x [n, m]
            Gemm.SgemmBatched(TransposeB, true, K, M, N, 1f, b, Ldb, SizeB, dy, N, SizeY, 1f, da, Lda, SizeA, batch);
        }
        else
        {
            // dA = dY op(B)^T -> [m, n] x [n, k]
            Gemm.SgemmBatched(false, !TransposeB, M, K, N, 1f, dy, N, SizeY, b, Ldb, SizeB, 1f, da, Lda, SizeA, batch);
        }
    }

    /// <summary>dB += op(A)^T dY for <paramref name="batch"/> consecutive products.</summary>
    public void AccumulateGradB(ReadOnlySpan<float> dy, ReadOnlySpan<float> a, Span<float> db, int batch)
    {
        if (TransposeB)
        {
            // stored B is [n, k]: dB^T = dY^T op(A) -> [n, m] x [m, k]
            Gemm.SgemmBatched(true, TransposeA, N, K, M, 1f, dy, N, SizeY, a, Lda, SizeA, 1f, db, Ldb, SizeB, batch);
        }
        else
        {
            // dB = op(A)^T dY -> [k, m] x [m, n]
            Gemm.SgemmBatched(!TransposeA, false, K, N, M, 1f, a, Lda, SizeA, dy, N, SizeY, 1f, db, Ldb, SizeB, batch);
        }
    }

    private static string Describe(int[] shape, bool transposed)
        => transposed ? $"{ShapeUtil.Format(shape)} (transposed: [{shape[^1]}, {shape[^2]}])" : ShapeUtil.Format(shape);
}
