using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PleGen.Runtime.Interop;

/// <summary>
/// Checks, once per process, that TorchSharp's native shim (LibTorchSharp, with libtorch behind it) loads, before any
/// TorchSharp type is touched. TorchSharp itself reports a failed load as a TypeInitializationException wrapping a page
/// of probing trace that blames a missing package even when the package is there; this check loads the shim the way
/// .NET does, keeps the loader's own reason and turns it into one <see cref="DllNotFoundException"/> that names the
/// cause and the fix. The generated TorchSharp flavor calls it at its entry points.
/// </summary>
public static class LibTorchLoadCheck
{
    private static readonly ConcurrentDictionary<Assembly, string?> Problems = new();

    /// <summary>Throws <see cref="DllNotFoundException"/> naming the cause when TorchSharp's natives cannot load.</summary>
    /// <param name="torchSharp">TorchSharp's assembly (<c>typeof(TorchSharp.torch).Assembly</c>: typeof runs no initializer).</param>
    public static void Ensure(Assembly torchSharp)
    {
        ArgumentNullException.ThrowIfNull(torchSharp);
        string? problem = Problems.GetOrAdd(torchSharp, Probe);
        if (problem is not null)
        {
            throw new DllNotFoundException(problem);
        }
    }

    /// <summary>Like <see cref="Ensure"/>, returning <paramref name="value"/>, for use in a base-constructor call.</summary>
    public static T Ensure<T>(Assembly torchSharp, T value)
    {
        Ensure(torchSharp);
        return value;
    }

    /// <summary>
    /// Loads the native library at <paramref name="libraryPath"/> (e.g. a copy of libLibTorchSharp.so) and returns null, or
    /// why it cannot load, in the words <see cref="Ensure"/> uses.
    /// </summary>
    public static string? Diagnose(string libraryPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryPath);
        try
        {
            NativeLibrary.Load(libraryPath);
            return null;
        }
        catch (DllNotFoundException e)
        {
            return Explain(e.Message);
        }
    }

    private static string? Probe(Assembly torchSharp)
    {
        try
        {
            NativeLibrary.Load("LibTorchSharp", torchSharp, null);
            return null;
        }
        catch (DllNotFoundException e)
        {
            return Explain(e.Message);
        }
        catch (BadImageFormatException e)
        {
            return $"TorchSharp's native library LibTorchSharp is not built for this process ({RuntimeInformation.ProcessArchitecture}): {e.Message} Reference the libtorch package of this platform.";
        }
    }

    /// <summary>The message for a failed load, from the loader's report (a header line, then one line per path it tried).</summary>
    internal static string Explain(string loaderReport)
    {
        string[] lines = loaderReport.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToArray();
        string? glibcxx = lines.FirstOrDefault(r => r.Contains("GLIBCXX_", StringComparison.Ordinal) && r.Contains("not found", StringComparison.Ordinal));
        if (glibcxx is not null)
        {
            return "TorchSharp's native library cannot load: this system's libstdc++ is older than the one it was built with. " +
                $"The loader says: {glibcxx}. TorchSharp 0.107's libLibTorchSharp.so is built with GCC 13 and asks for GLIBCXX_3.4.32, " +
                "which Debian 12 and Ubuntu 22.04 (GCC 12's libstdc++) lack. Fixes: install a libstdc++ from GCC 13 or newer, or let the " +
                "build mark that version need weak in the output's copy (safe: its only symbol at that version is never bound); " +
                "README, 'Troubleshooting: TorchSharp on Debian 12 / Ubuntu 22.04', shows both.";
        }

        // "libtorch.so: cannot open shared object file": the shim was found, a library it links (no directory) was not.
        string? dependency = lines
            .Where(r => r.Contains("cannot open shared object file", StringComparison.Ordinal))
            .Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)])
            .FirstOrDefault(name => !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal) && !name.Contains("TorchSharp", StringComparison.Ordinal));
        if (dependency is not null)
        {
            return $"TorchSharp's native library was found, but {dependency}, which it links, was not: the libtorch natives are missing. " +
                "Reference the libtorch package of TorchSharp 0.107: TorchSharp-cpu 0.107.0 (every platform), or on Linux x64 libtorch-cpu-linux-x64 2.10.0.";
        }

        string[] reasons = lines.Where(r => !r.Contains("cannot open shared object file", StringComparison.Ordinal) && !r.Contains("No such file", StringComparison.Ordinal)).ToArray();
        if (reasons.Length == 0)
        {
            return "TorchSharp's native library LibTorchSharp was not found next to the application: no libtorch package is referenced. " +
                "Add TorchSharp-cpu 0.107.0 (every platform's natives), or on Linux x64 TorchSharp 0.107.0 with libtorch-cpu-linux-x64 2.10.0.";
        }

        return "TorchSharp's native library cannot load. The loader says: " + string.Join(" | ", reasons);
    }
}
