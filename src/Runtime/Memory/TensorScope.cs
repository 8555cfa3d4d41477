using System;
using System.Collections.Generic;

namespace PleGen.Runtime;

/// <summary>
/// The lifetime of a step's intermediate tensors. Ops run inside a scope take their result (and gradient)
/// buffers from the scope's pool; disposing the scope releases them all and drops the autograd graph recorded
/// inside it. Wrap each training or inference step in one:
/// <code>
/// using (var step = new TensorScope(pool))
/// {
///     var loss = model.Loss(batch, labels, epoch);
///     loss.Total.Backward();
///     optimizer.Step();
/// }
/// </code>
/// Scopes nest; the innermost is current on its thread.
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? _current;

    private readonly List<Tensor> _tensors = new();
    private readonly TensorScope? _outer;
    private readonly int _tapeStart;
    private bool _disposed;

    /// <summary>Opens a scope drawing from <paramref name="pool"/> (reuse one pool across steps).</summary>
    public TensorScope(BufferPool pool)
    {
        Pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _outer = _current;
        _tapeStart = Tape.Count;
        _current = this;
    }

    /// <summary>The innermost scope of this thread, or null.</summary>
    public static TensorScope? Current => _current;

    /// <summary>The pool buffers come from.</summary>
    public BufferPool Pool { get; }

    internal float[] Rent(int length, bool clear) => Pool.Rent(length, clear);

    internal void Track(Tensor tensor) => _tensors.Add(tensor);

    /// <summary>Releases every tensor created in the scope and forgets the graph recorded in it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (_current != this)
        {
            throw new InvalidOperationException("TensorScopes must be disposed innermost first, on the thread that opened them.");
        }

        _disposed = true;
        Tape.TruncateTo(_tapeStart);
        foreach (Tensor tensor in _tensors)
        {
            tensor.Release(Pool);
        }

        _tensors.Clear();
        _current = _outer;
    }
}
