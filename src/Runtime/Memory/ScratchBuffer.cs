using System;

namespace PleGen.Runtime.Memory;

/// <summary>
/// Temporary floats for one computation (e.g. a fused activation's pre-activation gradient): rented from the
/// current scope's pool and returned on dispose, or a plain array outside any scope.
/// <c>using var scratch = ScratchBuffer.Rent(n, clear: true);</c>
/// </summary>
internal readonly struct ScratchBuffer : IDisposable
{
    private readonly float[] _buffer;
    private readonly BufferPool? _pool;

    private ScratchBuffer(float[] buffer, BufferPool? pool)
    {
        _buffer = buffer;
        _pool = pool;
    }

    /// <summary>The floats (stale values unless rented with clear).</summary>
    public Span<float> Span => _buffer;

    public static ScratchBuffer Rent(int length, bool clear)
    {
        BufferPool? pool = TensorScope.Current?.Pool;
        return pool is null ? new ScratchBuffer(new float[length], null) : new ScratchBuffer(pool.Rent(length, clear), pool);
    }

    public void Dispose() => _pool?.Return(_buffer);
}
