using System.Collections.Generic;
using System;
using PleGen.Runtime.Kernels;
using PleGen.Runtime.Randomness;
using Xunit;

namespace PleGen.Runtime.Tests.Kernels;

/// <summary>
/// The blocked kernel against a straightforward double-precision reference. Tolerance scales with the sum of
/// |a||b| terms of each output (float32 accumulation error grows with k and the magnitudes).
/// </summary>
[Collection(nameof(KernelSettingsCollection))]
public sealed class GemmTests
{
    private static readonly int[] Sizes = { 1, 2, 3, 7, 15, 16, 17, 31, 63, 65, 129, 257 };

    public static IEnumerable<object[]> Shapes()
    {
        var random = new Random(3);
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                for (int i = 0; i < 10; i++)
                {
                    yield return new object[] { ta, tb, Sizes[random.Next(Sizes.Length)], Sizes[random.Next(Sizes.Length)], Sizes[random.Next(Sizes.Length)] };
                }

                yield return new object[] { ta, tb, 1, 1, 1 };
                yield return new object[] { ta, tb, 1, 257, 300 };      // batch-1 inference row
                yield return new object[] { ta, tb, 300, 1, 17 };
                yield return new object[] { ta, tb, 200, 70, 600 };     // several KC slices and MC blocks
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_the_reference(bool transA, bool transB, int m, int n, int k)
    {
        Check(transA, transB, m, n, k, alpha: 1f, beta: 0f, extraLd: 0, seed: m * 31 + n * 7 + k);
    }

    [Theory]
    [InlineData(0.5f, 1f)]
    [InlineData(-2f, 0.25f)]
    [InlineData(1f, -1f)]
    [InlineData(0f, 3f)]
    public void Alpha_and_beta_follow_blas(float alpha, float beta)
    {
        Check(false, true, 37, 45, 29, alpha, beta, extraLd: 0, seed: 11);
        Check(true, false, 64, 16, 300, alpha, beta, extraLd: 0, seed: 12);
    }

    [Fact]
    public void Leading_dimensions_wider_than_the_matrix_are_respected()
    {
        Check(false, false, 20, 33, 19, 1f, 1f, extraLd: 5, seed: 13);
        Check(true, true, 20, 33, 19, 1f, 0f, extraLd: 3, seed: 14);
    }

    [Fact]
    public void Beta_zero_overwrites_nan_garbage_in_c()
    {
        float[] a = Fill(6 * 5, 1), b = Fill(5 * 7, 2);
        float[] c = new float[6 * 7];
        Array.Fill(c, float.NaN);
        Gemm.Sgemm(false, false, 6, 7, 5, 1f, a, 5, b, 7, 0f, c, 7);
        Assert.All(c, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Zero_sized_dimensions_are_a_no_op_and_k_zero_scales_c()
    {
        float[] c = { 1f, 2f };
        Gemm.Sgemm(false, false, 0, 2, 3, 1f, Array.Empty<float>(), 3, new float[6], 2, 0f, Array.Empty<float>(), 2);
        Gemm.Sgemm(false, false, 1, 2, 0, 1f, Array.Empty<float>(), 1, Array.Empty<float>(), 2, 2f, c, 2);
        Assert.Equal(new[] { 2f, 4f }, c);
    }

    [Fact]
    public void Results_are_bitwise_identical_for_one_and_two_threads()
    {
        foreach (var (m, n, k) in new[] { (1024, 64, 499), (128, 512, 256), (2048, 128, 256), (24, 300, 1000) })
        {
            float[] a = Fill(m * k, 21), b = Fill(n * k, 22);
            float[] one = new float[m * n], two = new float[m * n];
            int saved = KernelSettings.MaxDegreeOfParallelism;
            try
            {
                KernelSettings.MaxDegreeOfParallelism = 1;
                Gemm.Sgemm(false, true, m, n, k, 1f, a, k, b, k, 0f, one, n);
                KernelSettings.MaxDegreeOfParallelism = 2;
                Gemm.Sgemm(false, true, m, n, k, 1f, a, k, b, k, 0f, two, n);
            }
            finally
            {
                KernelSettings.MaxDegreeOfParallelism = saved;
            }

            Assert.Equal(one, two);
        }
    }

    [Theory]
    [InlineData("vector128")]
    [InlineData("scalar")]
    public void Portable_microkernels_match_the_reference(string kernel)
    {
        // On an AVX2 machine these paths would otherwise go untested; arm64 and older x64 run them for real.
        KernelSettings.ForcedMicroKernel = kernel;
        try
        {
            Assert.Equal(kernel == "scalar" ? "scalar" : "vector128 6x16", KernelSettings.MicroKernelName);
            Check(false, false, 37, 45, 29, 1f, 0f, extraLd: 0, seed: 51);
            Check(true, true, 13, 70, 300, -1f, 0.5f, extraLd: 2, seed: 52);
            Check(false, true, 200, 33, 64, 1f, 1f, extraLd: 0, seed: 53);
        }
        finally
        {
            KernelSettings.ForcedMicroKernel = null;
        }
    }

    [Fact]
    public void Batched_products_match_one_product_at_a_time()
    {
        const int batch = 5, m = 33, n = 17, k = 20;
        float[] a = Fill(batch * m * k, 31), b = Fill(batch * k * n, 32);
        float[] batched = new float[batch * m * n], single = new float[batch * m * n];
        Gemm.SgemmBatched(false, false, m, n, k, 1f, a, k, m * k, b, n, k * n, 0f, batched, n, m * n, batch);
        for (int i = 0; i < batch; i++)
        {
            Gemm.Sgemm(false, false, m, n, k, 1f, a.AsSpan(i * m * k), k, b.AsSpan(i * k * n), n, 0f, single.AsSpan(i * m * n), n);
        }

        Assert.Equal(single, batched);
    }

    [Fact]
    public void A_buffer_too_short_is_rejected_naming_the_operand_and_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Gemm.Sgemm(false, false, 4, 4, 4, 1f, new float[15], 4, new float[16], 4, 0f, new float[16], 4));
        Assert.Contains("A is stored as 4 x 4", error.Message);
        Assert.Contains("needs 16", error.Message);
        Assert.Contains("holds 15", error.Message);

        error = Assert.Throws<ArgumentException>(() =>
            Gemm.Sgemm(false, false, 4, 4, 4, 1f, new float[16], 4, new float[16], 3, 0f, new float[16], 4));
        Assert.Contains("leading dimension of B is 3", error.Message);
    }

    private static void Check(bool transA, bool transB, int m, int n, int k, float alpha, float beta, int extraLd, int seed)
    {
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = aCols + extraLd, ldb = bCols + extraLd, ldc = n + extraLd;
        float[] a = Fill(aRows * lda, seed), b = Fill(bRows * ldb, seed + 1), c = Fill(m * ldc, seed + 2);
        float[] expected = (float[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    double av = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                    double bv = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += av * bv;
                    magnitude += Math.Abs(av * bv);
                }

                expected[(i * ldc) + j] = (float)((alpha * sum) + (beta == 0 ? 0 : beta * c[(i * ldc) + j]));
            }
        }

        Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double tolerance = 1e-5 * (k + 2) * (Math.Abs(alpha) + Math.Abs(beta) + 1);
                Assert.True(Math.Abs(expected[(i * ldc) + j] - c[(i * ldc) + j]) <= tolerance,
                    $"C[{i},{j}] of {(transA ? "T" : "N")}{(transB ? "T" : "N")} {m}x{n}x{k}: expected {expected[(i * ldc) + j]}, got {c[(i * ldc) + j]}");
            }

            for (int j = n; j < ldc; j++)
            {
                Assert.Equal(expected[(i * ldc) + j], c[(i * ldc) + j]);   // padding beyond n is untouched
            }
        }
    }

    private static float[] Fill(int length, int seed)
    {
        var random = new RandomSource((ulong)seed);
        var values = new float[length];
        random.FillUniform(values, -1f, 1f);
        return values;
    }
}

/// <summary>Tests that change <see cref="KernelSettings"/> must not run beside other kernel users.</summary>
[CollectionDefinition(nameof(KernelSettingsCollection), DisableParallelization = true)]
public sealed class KernelSettingsCollection
{
}
