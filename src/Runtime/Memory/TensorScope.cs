using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Memory;

/// <summary>
/// The lifetime of one step's intermediate tensors. Ops run inside a scope take their result (and gradient)
/// buffers from the scope's pool; disposing the scope gives them all back and drops the graph recorded on them.
/// Parameters and tensors made with <c>new Tensor(...)</c> or the <c>Tensor.*</c> factories are never pooled.
/// Wrap each training or inference step in one, reusing one pool across steps:
/// <code>
/// var pool = new BufferPool();
/// foreach (var batch in batches)
/// {
///     using var step = new TensorScope(pool);
///     Tensor loss = model.Loss(model.Forward(batch), labels).Total;
///     loss.Backward();
///     optimizer.Step();
///     optimizer.ZeroGrad();
/// }
/// </code>
/// Scopes nest (the innermost is current on its thread) and must be disposed innermost first, on their thread.
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? t_current;

    private readonly List<Tensor> _tensors = new();
    private readonly TensorScope? _outer;
    private bool _disposed;

    /// <summary>Opens a scope drawing from <paramref name="pool"/> and makes it current on this thread.</summary>
    public TensorScope(BufferPool pool)
    {
        Pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _outer = t_current;
        t_current = this;
    }

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static TensorScope? Current => t_current;

    /// <summary>The pool buffers come from.</summary>
    public BufferPool Pool { get; }

    /// <summary>Tensors created in this scope so far.</summary>
    public int TensorCount => _tensors.Count;

    internal void Track(Tensor tensor) => _tensors.Add(tensor);

    /// <summary>Releases every tensor created in the scope (and its gradient) back to the pool.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (t_current != this)
        {
            throw new InvalidOperationException(
                "TensorScopes must be disposed innermost first, on the thread that opened them; an inner scope is still open (or this scope belongs to another thread).");
        }

        _disposed = true;
        foreach (Tensor tensor in _tensors)
        {
            tensor.Release(Pool);
        }

        _tensors.Clear();
        t_current = _outer;
    }
}
