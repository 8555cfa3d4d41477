using System.Collections.Generic;

namespace PleGen.Runtime;

/// <summary>
/// Float buffers pooled by exact length. Training repeats the same shapes every step, so after the first step
/// every request is served from the pool and steady-state steps allocate no tensor buffers.
/// </summary>
public sealed class BufferPool
{
    private readonly Dictionary<int, Stack<float[]>> _free = new();

    /// <summary>Buffers allocated since creation (a steady-state step adds none).</summary>
    public long Allocations { get; private set; }

    /// <summary>A buffer of exactly <paramref name="length"/> floats.</summary>
    public float[] Rent(int length, bool clear)
    {
        if (_free.TryGetValue(length, out Stack<float[]>? stack) && stack.Count > 0)
        {
            float[] buffer = stack.Pop();
            if (clear)
            {
                System.Array.Clear(buffer);
            }

            return buffer;
        }

        Allocations++;
        return new float[length];
    }

    /// <summary>Gives a buffer back for reuse.</summary>
    public void Return(float[] buffer)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        if (!_free.TryGetValue(buffer.Length, out Stack<float[]>? stack))
        {
            stack = new Stack<float[]>();
            _free[buffer.Length] = stack;
        }

        stack.Push(buffer);
    }
}
