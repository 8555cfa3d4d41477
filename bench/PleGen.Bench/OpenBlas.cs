using System;
using System.Runtime.InteropServices;

namespace PleGen.Bench;

/// <summary>
/// cblas_sgemm from the machine's OpenBLAS, loaded at run time for comparison only (never a dependency of
/// the engine). Debian's libopenblas0-pthread provides it.
/// </summary>
internal sealed unsafe class OpenBlas
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private static readonly string[] Candidates =
    {
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
        "libopenblas.so.0",
        "libopenblas.so",
    };

    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;

    private OpenBlas(nint library, string path)
    {
        Path = path;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(library, "cblas_sgemm");
        if (NativeLibrary.TryGetExport(library, "openblas_set_num_threads", out nint setThreads))
        {
            ((delegate* unmanaged<int, void>)setThreads)(Environment.ProcessorCount);
        }
    }

    public string Path { get; }

    public static OpenBlas? TryLoad()
    {
        foreach (string candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out nint handle) && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _))
            {
                return new OpenBlas(handle, candidate);
            }
        }

        return null;
    }

    public void Sgemm(bool transA, bool transB, int m, int n, int k, float[] a, int lda, float[] b, int ldb, float[] c, int ldc)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            _sgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, 1f, pa, lda, pb, ldb, 0f, pc, ldc);
        }
    }
}
