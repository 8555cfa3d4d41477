using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace PleGen.Runtime.Kernels;

/// <summary>
/// Single-precision matrix products on row-major storage:
/// <c>C[m,n] = alpha * op(A)[m,k] * op(B)[k,n] + beta * C[m,n]</c>, where op(X) is X or its transpose.
/// Cache-blocked and packed (<see cref="GemmBlocking"/>), register-tiled (<see cref="MicroKernel"/>), and split
/// across cores by output rows (or columns when there are few rows). The reduction dimension is never split
/// across threads, so results are bitwise identical for any thread count.
/// </summary>
public static unsafe class Gemm
{
    /// <summary>Below this many multiply-adds a product runs on the calling thread: dispatch would cost more.</summary>
    private const long ParallelThreshold = 1L << 18;

    /// <summary>Products with at most this many rows of A skip packing (see <see cref="SmallM"/>).</summary>
    private const int SmallRows = 4;

    /// <summary>One matrix product. <paramref name="lda"/>, <paramref name="ldb"/>, <paramref name="ldc"/> are row strides of the stored matrices.</summary>
    public static void Sgemm(
        bool transA, bool transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            Run(new Problem(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc), parallel: true);
        }
    }

    /// <summary>
    /// <paramref name="batch"/> independent products; matrix i of A, B and C starts at i times the matching stride.
    /// Parallel over the batch when each product is small, otherwise within each product.
    /// </summary>
    public static void SgemmBatched(
        bool transA, bool transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, int strideA,
        ReadOnlySpan<float> b, int ldb, int strideB,
        float beta, Span<float> c, int ldc, int strideC,
        int batch)
    {
        if (batch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, "SgemmBatched: the batch count cannot be negative.");
        }

        if (batch == 0 || m == 0 || n == 0)
        {
            return;
        }

        // The last product must fit; the others sit below it at smaller offsets.
        long last = (long)(batch - 1);
        Validate(transA, transB, m, n, k,
            a.Length - (last * strideA), lda, b.Length - (last * strideB), ldb, c.Length - (last * strideC), ldc);

        fixed (float* pa = a, pb = b, pc = c)
        {
            nint baseA = (nint)pa, baseB = (nint)pb, baseC = (nint)pc;
            long work = (long)m * n * k;
            int threads = KernelSettings.EffectiveThreads;
            if (threads > 1 && batch >= threads && work * batch >= ParallelThreshold && work < ParallelThreshold * 4)
            {
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                {
                    for (int i = t; i < batch; i += threads)
                    {
                        Run(new Problem(transA, transB, m, n, k, alpha, (float*)baseA + ((long)i * strideA), lda,
                            (float*)baseB + ((long)i * strideB), ldb, beta, (float*)baseC + ((long)i * strideC), ldc), parallel: false);
                    }
                });
            }
            else
            {
                for (int i = 0; i < batch; i++)
                {
                    Run(new Problem(transA, transB, m, n, k, alpha, pa + ((long)i * strideA), lda,
                        pb + ((long)i * strideB), ldb, beta, pc + ((long)i * strideC), ldc), parallel: true);
                }
            }
        }
    }

    private static void Run(in Problem p, bool parallel)
    {
        ScaleC(p);
        if (p.K == 0 || p.Alpha == 0f)
        {
            return;
        }

        if (p.M <= SmallRows && !p.TransA)
        {
            // A handful of rows (batch-1 inference): packing B would cost as much as the product itself.
            SmallM.Compute(p);
            return;
        }

        int threads = parallel ? KernelSettings.EffectiveThreads : 1;
        long work = (long)p.M * p.N * p.K;
        if (threads <= 1 || work < ParallelThreshold)
        {
            GemmBlocking.Compute(p, 0, p.M, 0, p.N);
            return;
        }

        // Skinny model shapes have many rows and few columns: give each core a band of rows (each packs its own
        // A and the whole B, which is small). With few rows, split the columns instead. One band per core: more
        // bands would repack B once per band, which costs more than it balances on wide products. Bands split
        // only the output, never the reduction, so results do not depend on the split.
        Problem copy = p;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        if (p.M >= MicroKernel.Rows * 2 * threads)
        {
            int bands = threads;
            int band = RoundUp((p.M + bands - 1) / bands, MicroKernel.Rows);
            int count = (p.M + band - 1) / band;
            Action<int> run = t => GemmBlocking.Compute(copy, t * band, Math.Min(copy.M, (t + 1) * band), 0, copy.N);
            if (!GemmWorkers.TryRun(count, run))
            {
                Parallel.For(0, count, options, run);
            }
        }
        else
        {
            int bands = threads;
            int band = RoundUp((p.N + bands - 1) / bands, MicroKernel.Columns);
            int count = (p.N + band - 1) / band;
            Action<int> run = t => GemmBlocking.Compute(copy, 0, copy.M, t * band, Math.Min(copy.N, (t + 1) * band));
            if (!GemmWorkers.TryRun(count, run))
            {
                Parallel.For(0, count, options, run);
            }
        }
    }

    /// <summary>C = beta * C, where beta = 0 overwrites (C is never read, so NaN garbage does not survive).</summary>
    private static void ScaleC(in Problem p)
    {
        if (p.Beta == 1f)
        {
            return;
        }

        for (int i = 0; i < p.M; i++)
        {
            var row = new Span<float>(p.C + ((long)i * p.Ldc), p.N);
            if (p.Beta == 0f)
            {
                row.Clear();
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, p.Beta, row);
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static void Validate(bool transA, bool transB, int m, int n, int k, long aLength, int lda, long bLength, int ldb, long cLength, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentException($"Sgemm: dimensions must not be negative (m = {m}, n = {n}, k = {k}).");
        }

        CheckOperand("A", transA ? k : m, transA ? m : k, aLength, lda);
        CheckOperand("B", transB ? n : k, transB ? k : n, bLength, ldb);
        CheckOperand("C", m, n, cLength, ldc);
    }

    private static void CheckOperand(string name, int rows, int columns, long length, int ld)
    {
        if (rows == 0 || columns == 0)
        {
            return;
        }

        if (ld < columns)
        {
            throw new ArgumentException($"Sgemm: the leading dimension of {name} is {ld}, smaller than its {columns} stored columns.");
        }

        long needed = ((long)(rows - 1) * ld) + columns;
        if (length < needed)
        {
            throw new ArgumentException($"Sgemm: {name} is stored as {rows} x {columns} with leading dimension {ld}, which needs {needed} values, but the buffer holds {length}.");
        }
    }
}

/// <summary>The arguments of one product, as raw pointers (valid while the caller's spans are pinned).</summary>
internal readonly unsafe struct Problem
{
    public Problem(bool transA, bool transB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        TransA = transA;
        TransB = transB;
        M = m;
        N = n;
        K = k;
        Alpha = alpha;
        A = a;
        Lda = lda;
        B = b;
        Ldb = ldb;
        Beta = beta;
        C = c;
        Ldc = ldc;
    }

    public bool TransA { get; }

    public bool TransB { get; }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public float Alpha { get; }

    public float* A { get; }

    public int Lda { get; }

    public float* B { get; }

    public int Ldb { get; }

    public float Beta { get; }

    public float* C { get; }

    public int Ldc { get; }
}
