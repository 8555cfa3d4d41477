using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Memory;

/// <summary>
/// Float buffers pooled by exact length. Training repeats the same shapes every step, so after the first step
/// every request is served from the pool and steady-state steps allocate no tensor buffers. Not thread-safe:
/// use one pool per training loop (a <see cref="TensorScope"/> lives on one thread).
/// </summary>
public sealed class BufferPool
{
    private readonly Dictionary<int, Stack<float[]>> _free = new();

    /// <summary>Buffers this pool has allocated since it was created (a steady-state step adds none).</summary>
    public long Allocations { get; private set; }

    /// <summary>Bytes of the buffers this pool has allocated since it was created.</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>Buffers currently lent out (rented and not yet returned).</summary>
    public int Outstanding { get; private set; }

    /// <summary>A buffer of exactly <paramref name="length"/> floats; zero-filled when <paramref name="clear"/> is set, otherwise with stale values.</summary>
    public float[] Rent(int length, bool clear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Outstanding++;
        if (_free.TryGetValue(length, out Stack<float[]>? stack) && stack.Count > 0)
        {
            float[] buffer = stack.Pop();
            if (clear)
            {
                Array.Clear(buffer);
            }

            return buffer;
        }

        Allocations++;
        AllocatedBytes += (long)length * sizeof(float);
        return new float[length];
    }

    /// <summary>Gives a buffer back for reuse; it must not be used afterwards.</summary>
    public void Return(float[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Outstanding--;
        if (!_free.TryGetValue(buffer.Length, out Stack<float[]>? stack))
        {
            stack = new Stack<float[]>();
            _free[buffer.Length] = stack;
        }

        stack.Push(buffer);
    }

    /// <summary>Drops every free buffer (e.g. after the batch size changed for good), leaving them to the garbage collector.</summary>
    public void Trim() => _free.Clear();
}
