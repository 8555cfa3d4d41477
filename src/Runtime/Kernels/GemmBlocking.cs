using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PleGen.Runtime.Kernels;

/// <summary>
/// The loop nest around the microkernel (the BLIS/Goto scheme): for each KC-deep slice, a KC x NC panel of B is
/// packed into 16-column strips that stay in L1/L2 while an MC x KC block of A, packed into 6-row strips, streams
/// through the microkernel. Packing also absorbs the transposes, so all four forms run at the same speed.
/// Block sizes: A block 168 x 256 floats (168 KB, in L2), B strip 256 x 16 (16 KB, in L1), B panel at most 256 x 1024
/// (1 MB): measured with bench gemm on a 2-core EPYC (48 KB L1, 1 MB L2 per core); larger blocks did not help.
/// </summary>
internal static unsafe class GemmBlocking
{
    public const int KC = 256;
    public const int MC = 168;
    public const int NC = 1024;

    /// <summary>Panels at most this wide read a row-major A without packing it (measured with bench gemm).</summary>
    private const int InPlaceMaxColumns = 128;

    [ThreadStatic]
    private static float* _packedA;

    [ThreadStatic]
    private static float* _packedB;

    /// <summary>Computes C[m0..m1, n0..n1] += alpha op(A) op(B) (C already scaled by beta) on the calling thread.</summary>
    // Hot loops: compiled fully optimized at once (tier-0 code would distort the first products).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(in Problem p, int m0, int m1, int n0, int n1)
    {
        float* packedA = _packedA;
        float* packedB = _packedB;
        if (packedA == null)
        {
            // Per-thread, allocated once and kept: steady-state products allocate nothing.
            packedA = _packedA = (float*)NativeMemory.AlignedAlloc((nuint)(MC * KC * sizeof(float)), 64);
            packedB = _packedB = (float*)NativeMemory.AlignedAlloc((nuint)(KC * NC * sizeof(float)), 64);
        }

        for (int jc = n0; jc < n1; jc += NC)
        {
            int nc = Math.Min(NC, n1 - jc);
            for (int pc = 0; pc < p.K; pc += KC)
            {
                int kc = Math.Min(KC, p.K - pc);
                PackB(p, pc, kc, jc, nc, packedB);
                for (int ic = m0; ic < m1; ic += MC)
                {
                    int mc = Math.Min(MC, m1 - ic);

                    // With few output columns each A value is reused only a few times, so a packing pass over A
                    // costs more than it saves: a row-major A is then read in place (six row streams, broadcast
                    // loads). Wider panels pack, which also avoids cache-set aliasing of power-of-two row strides.
                    // A transposed A is always packed so that each k step reads six adjacent values.
                    bool inPlace = !p.TransA && nc <= InPlaceMaxColumns;
                    if (!inPlace)
                    {
                        PackA(p, ic, mc, pc, kc, packedA);
                    }

                    for (int jr = 0; jr < nc; jr += MicroKernel.Columns)
                    {
                        int nr = Math.Min(MicroKernel.Columns, nc - jr);
                        float* b = packedB + ((long)jr * kc);
                        for (int ir = 0; ir < mc; ir += MicroKernel.Rows)
                        {
                            int mr = Math.Min(MicroKernel.Rows, mc - ir);
                            float* c = p.C + ((long)(ic + ir) * p.Ldc) + jc + jr;
                            if (inPlace)
                            {
                                MicroKernel.Run(kc, p.A + ((long)(ic + ir) * p.Lda) + pc, p.Lda, 1, b, c, p.Ldc, p.Alpha, mr, nr);
                            }
                            else
                            {
                                MicroKernel.Run(kc, packedA + ((long)ir * kc), b, c, p.Ldc, p.Alpha, mr, nr);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs op(A)[ic..ic+mc, pc..pc+kc] as 6-row strips, k-major inside a strip, zero-padded rows.</summary>
    // Hot loops: compiled fully optimized at once (tier-0 code would distort the first products).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(in Problem p, int ic, int mc, int pc, int kc, float* dest)
    {
        const int R = MicroKernel.Rows;
        if (p.TransA)
        {
            // A is stored [k, m]: read each stored row once, sequentially, and deal it out to the strips.
            for (int k = 0; k < kc; k++)
            {
                float* src = p.A + ((long)(pc + k) * p.Lda) + ic;
                for (int ir = 0; ir < mc; ir += R)
                {
                    float* d = dest + ((long)ir * kc) + (k * R);
                    int mr = Math.Min(R, mc - ir);
                    if (mr == R)
                    {
                        d[0] = src[ir];
                        d[1] = src[ir + 1];
                        d[2] = src[ir + 2];
                        d[3] = src[ir + 3];
                        d[4] = src[ir + 4];
                        d[5] = src[ir + 5];
                    }
                    else
                    {
                        for (int r = 0; r < R; r++)
                        {
                            d[r] = r < mr ? src[ir + r] : 0f;
                        }
                    }
                }
            }

            return;
        }

        for (int ir = 0; ir < mc; ir += R)
        {
            int mr = Math.Min(R, mc - ir);
            float* strip = dest + ((long)ir * kc);

            // Six read streams, sequential writes; missing rows of an edge strip are zeros.
            float* r0 = p.A + ((long)(ic + ir) * p.Lda) + pc;
            if (mr == R)
            {
                float* r1 = r0 + p.Lda, r2 = r1 + p.Lda, r3 = r2 + p.Lda, r4 = r3 + p.Lda, r5 = r4 + p.Lda;
                float* d = strip;
                for (int k = 0; k < kc; k++, d += R)
                {
                    d[0] = r0[k];
                    d[1] = r1[k];
                    d[2] = r2[k];
                    d[3] = r3[k];
                    d[4] = r4[k];
                    d[5] = r5[k];
                }
            }
            else
            {
                for (int k = 0; k < kc; k++)
                {
                    float* d = strip + (k * R);
                    for (int r = 0; r < R; r++)
                    {
                        d[r] = r < mr ? r0[(r * (long)p.Lda) + k] : 0f;
                    }
                }
            }
        }
    }

    /// <summary>Packs op(B)[pc..pc+kc, jc..jc+nc] as 16-column strips, k-major inside a strip, zero-padded columns.</summary>
    // Hot loops: compiled fully optimized at once (tier-0 code would distort the first products).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB(in Problem p, int pc, int kc, int jc, int nc, float* dest)
    {
        const int C = MicroKernel.Columns;
        float** rows = stackalloc float*[C];
        for (int jr = 0; jr < nc; jr += C)
        {
            int nr = Math.Min(C, nc - jr);
            float* strip = dest + ((long)jr * kc);
            if (!p.TransB)
            {
                for (int k = 0; k < kc; k++)
                {
                    float* src = p.B + ((long)(pc + k) * p.Ldb) + jc + jr;
                    float* d = strip + (k * C);
                    if (nr == C && Vector256.IsHardwareAccelerated)
                    {
                        Vector256.Store(Vector256.Load(src), d);
                        Vector256.Store(Vector256.Load(src + 8), d + 8);
                    }
                    else
                    {
                        for (int j = 0; j < nr; j++)
                        {
                            d[j] = src[j];
                        }

                        for (int j = nr; j < C; j++)
                        {
                            d[j] = 0f;
                        }
                    }
                }
            }
            else
            {
                // Sixteen read streams (one per stored row of B), sequential writes.
                for (int j = 0; j < C; j++)
                {
                    rows[j] = p.B + ((long)(jc + jr + Math.Min(j, nr - 1)) * p.Ldb) + pc;
                }

                for (int k = 0; k < kc; k++)
                {
                    float* d = strip + (k * C);
                    for (int j = 0; j < nr; j++)
                    {
                        d[j] = rows[j][k];
                    }

                    for (int j = nr; j < C; j++)
                    {
                        d[j] = 0f;
                    }
                }
            }
        }
    }
}
