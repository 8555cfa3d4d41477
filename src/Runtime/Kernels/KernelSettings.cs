using System;

namespace PleGen.Runtime.Kernels;

/// <summary>Process-wide settings of the compute kernels.</summary>
public static class KernelSettings
{
    private static int _maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// How many threads one matrix product may use (default: the machine's cores). Results do not depend on it:
    /// work is split by output blocks only, never along the reduction.
    /// </summary>
    public static int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "At least one thread is needed.");
            }

            _maxDegreeOfParallelism = value;
        }
    }

    internal static int EffectiveThreads => Math.Min(_maxDegreeOfParallelism, Environment.ProcessorCount);

    /// <summary>Which microkernel runs on this machine: "avx2-fma 6x16", "vector128 6x16" or "scalar".</summary>
    public static string MicroKernelName => MicroKernel.Name;

    /// <summary>For tests: run the "vector128" or "scalar" microkernel even where AVX2 is available; null restores the default.</summary>
    internal static string? ForcedMicroKernel
    {
        get => MicroKernel.Forced;
        set => MicroKernel.Forced = value is null or "vector128" or "scalar"
            ? value
            : throw new ArgumentException($"Unknown microkernel '{value}'; use \"vector128\", \"scalar\" or null.");
    }
}
