using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System;
using PleGen.Runtime.Kernels;
using PleGen.Runtime.Randomness;

namespace PleGen.Bench;

/// <summary>GFLOP/s of our SGEMM on the shapes the models run, side by side with OpenBLAS when available.</summary>
internal static class GemmBench
{
    private static readonly (string Form, int M, int K, int N)[] Shapes =
    {
        ("NN", 1024, 499, 64), ("NT", 1024, 499, 64), ("TN", 1024, 499, 64),
        ("NN", 2048, 512, 256), ("NT", 2048, 512, 256), ("TN", 2048, 512, 256),
        ("NN", 2048, 256, 128), ("NT", 2048, 256, 128), ("TN", 2048, 256, 128),
        ("NN", 1024, 1024, 1024),
    };

    public static int Run(string[] args)
    {
        double seconds = args.Length > 0 && double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double s) ? s : 1.0;
        OpenBlas? blas = OpenBlas.TryLoad();
        Console.WriteLine($"threads={KernelSettings.MaxDegreeOfParallelism} microkernel={KernelSettings.MicroKernelName} seconds_per_measurement={seconds}");
        Console.WriteLine("forms: NN = A[M,K] B[K,N]; NT = A[M,K] B[N,K]^T (Linear forward); TN = A[K,M]^T B[K,N] (weight gradient)");
        Console.WriteLine(blas is null
            ? "OpenBLAS: not found (apt-get install libopenblas0-pthread to compare); ours only"
            : $"OpenBLAS: {blas.Path}");
        Console.WriteLine();
        Console.WriteLine($"{"form",-4} {"M",5} {"K",5} {"N",5} {"ours GFLOP/s",13} {"OpenBLAS",9} {"ratio",6}");

        // One second of a large product first: the cores leave idle states and the thread pool has its workers.
        float[] wa = Random(1024 * 1024, 3), wb = Random(1024 * 1024, 4), wc = new float[1024 * 1024];
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 1)
        {
            Gemm.Sgemm(false, false, 1024, 1024, 1024, 1f, wa, 1024, wb, 1024, 0f, wc, 1024);
        }

        double lowest = double.MaxValue;
        foreach (var (form, m, k, n) in Shapes)
        {
            bool ta = form[0] == 'T', tb = form[1] == 'T';
            float[] a = Random(m * k, 1), b = Random(k * n, 2), c = new float[m * n];
            int lda = ta ? m : k, ldb = tb ? k : n;
            double flops = 2.0 * m * n * k;
            double ours = Measure(() => Gemm.Sgemm(ta, tb, m, n, k, 1f, a, lda, b, ldb, 0f, c, n), flops, seconds);
            string line = $"{form,-4} {m,5} {k,5} {n,5} {ours,13:F1}";
            if (blas is not null)
            {
                double theirs = Measure(() => blas.Sgemm(ta, tb, m, n, k, a, lda, b, ldb, c, n), flops, seconds);
                double ratio = ours / theirs;
                lowest = Math.Min(lowest, ratio);
                line += $" {theirs,9:F1} {ratio,6:F2}";
            }

            Console.WriteLine(line);
        }

        Console.WriteLine(blas is null ? "gemm_ratio_vs_openblas=n/a" : $"gemm_ratio_vs_openblas={lowest.ToString("F3", CultureInfo.InvariantCulture)}");
        return 0;
    }

    /// <summary>Median GFLOP/s over several timed rounds after a warm-up, so a noisy neighbour moves it less.</summary>
    private static double Measure(Action action, double flops, double seconds)
    {
        // Warm up by time, not by count, so every code path has reached its final JIT tier.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 0.3)
        {
            action();
        }

        var rates = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds || rates.Count < 5)
        {
            var watch = Stopwatch.StartNew();
            int runs = 0;
            do
            {
                action();
                runs++;
            }
            while (watch.Elapsed.TotalMilliseconds < 50);
            rates.Add(flops * runs / watch.Elapsed.TotalSeconds / 1e9);
        }

        rates.Sort();
        return rates[rates.Count / 2];
    }

    private static float[] Random(int length, ulong seed)
    {
        var values = new float[length];
        new RandomSource(seed).FillUniform(values, -1f, 1f);
        return values;
    }
}
