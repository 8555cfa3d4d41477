using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace PleGen.Bench;

/// <summary>
/// The peer's timing (../shared/bench/peer_ple.py), for any backend: a window runs the backend's step delegate, so every
/// backend is measured by the same code.
/// </summary>
internal static class PeerTiming
{
    /// <summary>
    /// One training window: 5 warm-up steps, then steps for 5 s. Also counts the managed heap bytes each step allocates
    /// (for TorchSharp: the .NET side only, tensor handles and scopes; libtorch's own memory is not counted).
    /// </summary>
    public static TrainWindow Train(Action step)
    {
        for (int i = 0; i < 5; i++)
        {
            step();
        }

        long bytes = GC.GetTotalAllocatedBytes(precise: true);
        int steps = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 5)
        {
            step();
            steps++;
        }

        double stepMs = watch.Elapsed.TotalMilliseconds / steps;
        return new TrainWindow(stepMs, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / steps);
    }

    /// <summary>
    /// One inference window, inside <paramref name="mode"/> (no-grad): 20 warm-up forwards, then forwards until at least
    /// 3 s and 50 runs have passed, each timed alone. p50 is the peer's (the sorted times' element count / 2); p99 is the
    /// nearest rank.
    /// </summary>
    public static InferWindow Infer(Action forward, Func<IDisposable> mode)
    {
        var times = new List<double>();
        using (mode())
        {
            for (int i = 0; i < 20; i++)
            {
                forward();
            }

            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < 3 || times.Count < 50)
            {
                long start = Stopwatch.GetTimestamp();
                forward();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        int p99 = (int)Math.Ceiling(times.Count * 0.99) - 1;
        return new InferWindow(times.Count, times[times.Count / 2], times[p99]);
    }
}

/// <summary>A training window's figures: mean step time and managed bytes allocated per step.</summary>
internal readonly record struct TrainWindow(double StepMs, long AllocatedBytesPerStep);

/// <summary>An inference window's figures: how many forwards were timed, and their p50 and p99 in milliseconds.</summary>
internal readonly record struct InferWindow(int Runs, double P50Ms, double P99Ms);
