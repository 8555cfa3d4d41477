using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Kernels;

/// <summary>
/// Products with very few rows of a row-major A (batch-1 inference): each output row is built with vectorized
/// dot products (B transposed: rows of B are contiguous) or scaled row additions (B as stored), with no packing.
/// Single-threaded: there is too little work to split.
/// </summary>
internal static unsafe class SmallM
{
    public static void Compute(in Problem p)
    {
        for (int i = 0; i < p.M; i++)
        {
            var a = new ReadOnlySpan<float>(p.A + ((long)i * p.Lda), p.K);
            var c = new Span<float>(p.C + ((long)i * p.Ldc), p.N);
            if (p.TransB)
            {
                for (int j = 0; j < p.N; j++)
                {
                    c[j] += p.Alpha * TensorPrimitives.Dot(a, new ReadOnlySpan<float>(p.B + ((long)j * p.Ldb), p.K));
                }
            }
            else
            {
                for (int k = 0; k < p.K; k++)
                {
                    var b = new ReadOnlySpan<float>(p.B + ((long)k * p.Ldb), p.N);
                    TensorPrimitives.MultiplyAdd(b, p.Alpha * a[k], c, c);
                }
            }
        }
    }
}
