using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PleGen.Runtime.Kernels;

/// <summary>
/// The register tile: C[6 x 16] += alpha * A_strip[6 x kc] * B_strip[kc x 16] from packed strips. With AVX2+FMA
/// the 6 x 16 tile is 12 ymm accumulators; each k step loads two B vectors, broadcasts six A values and issues
/// twelve FMAs. Elsewhere the same tile runs on Vector128 (4 vectors per row, 24 accumulators: fine on arm64's
/// 32 registers), or on scalars where there is no SIMD.
/// </summary>
internal static unsafe class MicroKernel
{
    public const int Rows = 6;
    public const int Columns = 16;

    private static readonly bool HasAvx2 = Avx2.IsSupported && Fma.IsSupported;
    private static readonly bool HasVector128 = Vector128.IsHardwareAccelerated;

    /// <summary>Tests force the portable paths so they are checked on any machine; null uses the best available.</summary>
    internal static string? Forced { get; set; }

    private static bool UseAvx2 => HasAvx2 && Forced is null;

    private static bool UseVector128 => HasVector128 && Forced is null or "vector128";

    public static string Name => UseAvx2 ? "avx2-fma 6x16" : UseVector128 ? "vector128 6x16" : "scalar";

    /// <summary>Whether the AVX2 path is what runs (the packed-A specialisation exists only there).</summary>
    public static bool RunsAvx2 => UseAvx2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(int kc, float* a, float* b, float* c, int ldc, float alpha, int mr, int nr)
    {
        if (UseAvx2)
        {
            Avx2PackedTile(kc, a, b, c, ldc, alpha, mr, nr);
        }
        else
        {
            Run(kc, a, 1, Rows, b, c, ldc, alpha, mr, nr);
        }
    }

    /// <summary>
    /// The tile with A addressed in place: element (r, k) at <c>a + r * rowStride + k * kStep</c> (packed strips
    /// are rowStride 1, kStep 6; a row-major A is rowStride lda, kStep 1). Rows past <paramref name="mr"/> re-read
    /// the last valid row, so nothing outside A is read; their results are discarded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(int kc, float* a, long rowStride, long kStep, float* b, float* c, int ldc, float alpha, int mr, int nr)
    {
        if (UseAvx2)
        {
            Avx2Tile(kc, a, rowStride, kStep, b, c, ldc, alpha, mr, nr);
        }
        else if (UseVector128)
        {
            Vector128Tile(kc, a, rowStride, kStep, b, c, ldc, alpha, mr, nr);
        }
        else
        {
            ScalarTile(kc, a, rowStride, kStep, b, c, ldc, alpha, mr, nr);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float* Row(float* a, long rowStride, int r, int mr) => a + ((r < mr ? r : mr - 1) * rowStride);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Tile(int kc, float* a, long rowStride, long kStep, float* b, float* c, int ldc, float alpha, int mr, int nr)
    {
        float* a0 = Row(a, rowStride, 0, mr), a1 = Row(a, rowStride, 1, mr), a2 = Row(a, rowStride, 2, mr);
        float* a3 = Row(a, rowStride, 3, mr), a4 = Row(a, rowStride, 4, mr), a5 = Row(a, rowStride, 5, mr);
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int k = 0; k < kc; k++)
        {
            Vector256<float> b0 = Avx.LoadAlignedVector256(b);
            Vector256<float> b1 = Avx.LoadAlignedVector256(b + 8);
            Vector256<float> av = Vector256.Create(*a0);
            c00 = Fma.MultiplyAdd(av, b0, c00);
            c01 = Fma.MultiplyAdd(av, b1, c01);
            av = Vector256.Create(*a1);
            c10 = Fma.MultiplyAdd(av, b0, c10);
            c11 = Fma.MultiplyAdd(av, b1, c11);
            av = Vector256.Create(*a2);
            c20 = Fma.MultiplyAdd(av, b0, c20);
            c21 = Fma.MultiplyAdd(av, b1, c21);
            av = Vector256.Create(*a3);
            c30 = Fma.MultiplyAdd(av, b0, c30);
            c31 = Fma.MultiplyAdd(av, b1, c31);
            av = Vector256.Create(*a4);
            c40 = Fma.MultiplyAdd(av, b0, c40);
            c41 = Fma.MultiplyAdd(av, b1, c41);
            av = Vector256.Create(*a5);
            c50 = Fma.MultiplyAdd(av, b0, c50);
            c51 = Fma.MultiplyAdd(av, b1, c51);
            a0 += kStep;
            a1 += kStep;
            a2 += kStep;
            a3 += kStep;
            a4 += kStep;
            a5 += kStep;
            b += Columns;
        }

        Avx2Epilogue(c, ldc, alpha, mr, nr, c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51);
    }

    /// <summary>The AVX2 tile over a packed A strip: one pointer, six fixed offsets, the fewest registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2PackedTile(int kc, float* a, float* b, float* c, int ldc, float alpha, int mr, int nr)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int k = 0; k < kc; k++)
        {
            Vector256<float> b0 = Avx.LoadAlignedVector256(b);
            Vector256<float> b1 = Avx.LoadAlignedVector256(b + 8);
            Vector256<float> av = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(av, b0, c00);
            c01 = Fma.MultiplyAdd(av, b1, c01);
            av = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(av, b0, c10);
            c11 = Fma.MultiplyAdd(av, b1, c11);
            av = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(av, b0, c20);
            c21 = Fma.MultiplyAdd(av, b1, c21);
            av = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(av, b0, c30);
            c31 = Fma.MultiplyAdd(av, b1, c31);
            av = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(av, b0, c40);
            c41 = Fma.MultiplyAdd(av, b1, c41);
            av = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(av, b0, c50);
            c51 = Fma.MultiplyAdd(av, b1, c51);
            a += Rows;
            b += Columns;
        }

        Avx2Epilogue(c, ldc, alpha, mr, nr, c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51);
    }

    /// <summary>C += alpha * tile for a full tile, or for the valid mr x nr corner of an edge tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Avx2Epilogue(
        float* c, int ldc, float alpha, int mr, int nr,
        Vector256<float> c00, Vector256<float> c01, Vector256<float> c10, Vector256<float> c11,
        Vector256<float> c20, Vector256<float> c21, Vector256<float> c30, Vector256<float> c31,
        Vector256<float> c40, Vector256<float> c41, Vector256<float> c50, Vector256<float> c51)
    {
        Vector256<float> al = Vector256.Create(alpha);
        if (mr == Rows && nr == Columns)
        {
            Accumulate(c, c00, c01, al);
            Accumulate(c + ldc, c10, c11, al);
            Accumulate(c + (2 * ldc), c20, c21, al);
            Accumulate(c + (3 * ldc), c30, c31, al);
            Accumulate(c + (4 * ldc), c40, c41, al);
            Accumulate(c + (5 * ldc), c50, c51, al);
            return;
        }

        // Edge tile: spill, then add only the valid part so nothing outside C is touched.
        float* tile = stackalloc float[Rows * Columns];
        Vector256.Store(c00, tile);
        Vector256.Store(c01, tile + 8);
        Vector256.Store(c10, tile + 16);
        Vector256.Store(c11, tile + 24);
        Vector256.Store(c20, tile + 32);
        Vector256.Store(c21, tile + 40);
        Vector256.Store(c30, tile + 48);
        Vector256.Store(c31, tile + 56);
        Vector256.Store(c40, tile + 64);
        Vector256.Store(c41, tile + 72);
        Vector256.Store(c50, tile + 80);
        Vector256.Store(c51, tile + 88);
        AddEdge(tile, c, ldc, alpha, mr, nr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(float* c, Vector256<float> lo, Vector256<float> hi, Vector256<float> alpha)
    {
        Vector256.Store(Fma.MultiplyAdd(lo, alpha, Vector256.Load(c)), c);
        Vector256.Store(Fma.MultiplyAdd(hi, alpha, Vector256.Load(c + 8)), c + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vector128Tile(int kc, float* a, long rowStride, long kStep, float* b, float* c, int ldc, float alpha, int mr, int nr)
    {
        float* tile = stackalloc float[Rows * Columns];
        for (int r = 0; r < Rows; r++)
        {
            Vector128<float> s0 = default, s1 = default, s2 = default, s3 = default;
            float* ap = Row(a, rowStride, r, mr);
            float* bp = b;
            for (int k = 0; k < kc; k++)
            {
                Vector128<float> av = Vector128.Create(*ap);
                s0 = Vector128.FusedMultiplyAdd(av, Vector128.Load(bp), s0);
                s1 = Vector128.FusedMultiplyAdd(av, Vector128.Load(bp + 4), s1);
                s2 = Vector128.FusedMultiplyAdd(av, Vector128.Load(bp + 8), s2);
                s3 = Vector128.FusedMultiplyAdd(av, Vector128.Load(bp + 12), s3);
                ap += kStep;
                bp += Columns;
            }

            float* t = tile + (r * Columns);
            Vector128.Store(s0, t);
            Vector128.Store(s1, t + 4);
            Vector128.Store(s2, t + 8);
            Vector128.Store(s3, t + 12);
        }

        AddEdge(tile, c, ldc, alpha, mr, nr);
    }

    private static void ScalarTile(int kc, float* a, long rowStride, long kStep, float* b, float* c, int ldc, float alpha, int mr, int nr)
    {
        float* tile = stackalloc float[Rows * Columns];
        for (int i = 0; i < Rows * Columns; i++)
        {
            tile[i] = 0f;
        }

        for (int k = 0; k < kc; k++)
        {
            for (int r = 0; r < Rows; r++)
            {
                float av = Row(a, rowStride, r, mr)[k * kStep];
                for (int j = 0; j < Columns; j++)
                {
                    tile[(r * Columns) + j] += av * b[(k * Columns) + j];
                }
            }
        }

        AddEdge(tile, c, ldc, alpha, mr, nr);
    }

    private static void AddEdge(float* tile, float* c, int ldc, float alpha, int mr, int nr)
    {
        for (int r = 0; r < mr; r++)
        {
            for (int j = 0; j < nr; j++)
            {
                c[((long)r * ldc) + j] += alpha * tile[(r * Columns) + j];
            }
        }
    }
}
