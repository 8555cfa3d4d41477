using System.IO;
using System.Linq;
using System;
using PleGen.Runtime.Interop;
using PleGen.TorchSharp.Tests.Generated;
using Xunit;

namespace PleGen.TorchSharp.Tests.Loading;

/// <summary>
/// Where libtorch cannot load, the user gets one exception naming the cause. The shim as shipped (in the NuGet cache,
/// which the build never changes) is loaded by path: on a libstdc++ older than GCC 13's it fails, and the message must
/// name GLIBCXX and the fix; the build output's copy (fixed by build/TorchSharp when needed) loads.
/// </summary>
public sealed class LibTorchLoadCheckTests
{
    [Fact]
    public void The_shipped_shim_loads_or_its_failure_names_libstdcxx_and_the_fix()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Windows' and macOS' shims need no libstdc++; the next test loads them.
        }

        string shipped = Path.Combine(NuGetPackages(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(shipped), $"the package cache should hold the shim the build copied: {shipped}");

        // Beside the output's libtorch (the shim finds it through its $ORIGIN run path), under a name of its own.
        string copy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", $"libLibTorchSharp-as-shipped-{Guid.NewGuid():N}.so");
        File.Copy(shipped, copy);
        string? problem;
        try
        {
            problem = LibTorchLoadCheck.Diagnose(copy);
        }
        finally
        {
            File.Delete(copy);
        }

        bool oldLibStdCxx = !SystemLibStdCxxHas("GLIBCXX_3.4.32");
        if (oldLibStdCxx)
        {
            Assert.NotNull(problem);
            Assert.Contains("GLIBCXX_3.4.32", problem);
            Assert.Contains("libstdc++", problem);
            Assert.Contains("Troubleshooting", problem);
            Assert.DoesNotContain("cannot open shared object file", problem);
        }
        else
        {
            Assert.Null(problem);
        }
    }

    [Fact]
    public void The_build_outputs_shim_loads_and_the_models_run()
    {
        string output = Directory.EnumerateFiles(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : "libLibTorchSharp.*", SearchOption.AllDirectories).First();
        Assert.Null(LibTorchLoadCheck.Diagnose(output));
        using FeedPle.TorchSharpModel model = FeedPle.TorchSharpModel.Create(seed: 1);
        Assert.NotEmpty(model.parameters());
    }

    [Fact]
    public void A_missing_library_is_named_as_a_missing_package()
    {
        string? problem = LibTorchLoadCheck.Diagnose(Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "libLibTorchSharp.so"));
        Assert.NotNull(problem);
        Assert.Contains("TorchSharp-cpu 0.107.0", problem);
    }

    private static string NuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom ? custom : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    // A byte search is enough here: version names are NUL-terminated strings in libstdc++'s .dynstr.
    private static bool SystemLibStdCxxHas(string version)
    {
        string? library = new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64" }
            .Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
        if (library is null)
        {
            return true;
        }

        byte[] bytes = File.ReadAllBytes(library);
        byte[] needle = System.Text.Encoding.ASCII.GetBytes(version + "\0");
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }
}
