using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System;
using PleGen.Runtime.Randomness;

namespace PleGen.Samples.Reporting;

/// <summary>What a results file records about the run's software and machine.</summary>
public static class RunEnvironment
{
    /// <summary>PleGen's and .NET's versions.</summary>
    public static IReadOnlyDictionary<string, string> Versions() => new Dictionary<string, string>
    {
        ["plegen"] = InformationalVersion(typeof(RandomSource).Assembly),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
    };

    /// <summary>OS, architecture, logical cores and the SIMD level the kernels can use.</summary>
    public static IReadOnlyDictionary<string, string> Machine() => new Dictionary<string, string>
    {
        ["os"] = RuntimeInformation.OSDescription,
        ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
        ["logical_cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["simd"] = Simd(),
    };

    private static string InformationalVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string Simd()
    {
        if (Avx512F.IsSupported)
        {
            return "AVX-512";
        }

        if (Avx2.IsSupported)
        {
            return Fma.IsSupported ? "AVX2+FMA" : "AVX2";
        }

        return System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? "128-bit" : "none";
    }
}
