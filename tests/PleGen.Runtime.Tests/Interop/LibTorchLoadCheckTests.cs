using PleGen.Runtime.Interop;
using Xunit;

namespace PleGen.Runtime.Tests.Interop;

/// <summary>The loader's reports (captured on Debian 12 with TorchSharp 0.107) become one message naming the cause and the fix.</summary>
public sealed class LibTorchLoadCheckTests
{
    private const string Header = "Unable to load shared library 'LibTorchSharp' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \n";

    [Fact]
    public void An_old_libstdcxx_is_named_with_both_fixes()
    {
        string message = LibTorchLoadCheck.Explain(Header +
            "/app/runtimes/linux-x64/native/LibTorchSharp.so: cannot open shared object file: No such file or directory\n" +
            "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by /app/runtimes/linux-x64/native/libLibTorchSharp.so)\n" +
            "/app/libLibTorchSharp.so: cannot open shared object file: No such file or directory\n");

        Assert.Contains("version `GLIBCXX_3.4.32' not found (required by /app/runtimes/linux-x64/native/libLibTorchSharp.so)", message);
        Assert.Contains("GCC 13", message);
        Assert.Contains("Debian 12", message);
        Assert.Contains("Troubleshooting", message);
    }

    [Fact]
    public void A_missing_dependency_is_named_as_missing_libtorch_natives()
    {
        string message = LibTorchLoadCheck.Explain("Unable to load shared library '/cache/libLibTorchSharp.so' or one of its dependencies. ...: \nlibtorch.so: cannot open shared object file: No such file or directory\n");

        Assert.StartsWith("TorchSharp's native library was found, but libtorch.so", message);
        Assert.Contains("libtorch-cpu-linux-x64 2.10.0", message);
    }

    [Fact]
    public void No_shim_anywhere_is_named_as_a_missing_package()
    {
        string message = LibTorchLoadCheck.Explain(Header +
            "/app/runtimes/linux-x64/native/libLibTorchSharp.so: cannot open shared object file: No such file or directory\n" +
            "/app/libLibTorchSharp.so: cannot open shared object file: No such file or directory\n");

        Assert.Contains("no libtorch package is referenced", message);
        Assert.Contains("TorchSharp-cpu 0.107.0", message);
    }

    [Fact]
    public void Any_other_reason_is_quoted()
    {
        string message = LibTorchLoadCheck.Explain(Header + "/app/libLibTorchSharp.so: invalid ELF header\n");

        Assert.Equal("TorchSharp's native library cannot load. The loader says: /app/libLibTorchSharp.so: invalid ELF header", message);
    }
}
