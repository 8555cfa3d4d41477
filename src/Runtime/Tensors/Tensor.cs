using System;

namespace PleGen.Runtime;

/// <summary>
/// A float32 tensor: row-major contiguous values, a shape, and (for tensors that require gradients) a gradient
/// of the same shape. Tensors created by ops inside a <see cref="TensorScope"/> borrow pooled buffers and are
/// released when the scope ends; parameters and tensors created outside any scope own their arrays.
/// </summary>
public sealed partial class Tensor
{
    private float[] _values;
    private float[]? _grad;
    private readonly TensorScope? _scope;
    private bool _released;

    /// <summary>Creates a tensor over <paramref name="values"/> (not copied) with the given shape.</summary>
    public Tensor(int[] shape, float[] values, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        Shape = (int[])shape.Clone();
        Length = ShapeUtil.Product(Shape);
        if (values.Length < Length)
        {
            throw new ArgumentException(
                $"Shape {ShapeUtil.Format(Shape)} needs {Length} values but the buffer holds {values.Length}.", nameof(values));
        }

        _values = values;
        RequiresGrad = requiresGrad;
    }

    private Tensor(int[] shape, int length, float[] values, TensorScope? scope)
    {
        Shape = shape;
        Length = length;
        _values = values;
        _scope = scope;
    }

    /// <summary>The dimensions, outermost first. Do not mutate.</summary>
    public int[] Shape { get; }

    /// <summary>Number of elements (product of <see cref="Shape"/>).</summary>
    public int Length { get; }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Length;

    /// <summary>Whether backward passes accumulate a gradient into this tensor.</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>The values, row-major.</summary>
    public Span<float> Data
    {
        get
        {
            ThrowIfReleased();
            return _values.AsSpan(0, Length);
        }
    }

    /// <summary>True once a gradient buffer exists.</summary>
    public bool HasGrad => _grad is not null;

    /// <summary>The gradient (allocated, zero-filled, on first access).</summary>
    public Span<float> Grad
    {
        get
        {
            ThrowIfReleased();
            _grad ??= _scope is null ? new float[Length] : _scope.Rent(Length, clear: true);
            return _grad.AsSpan(0, Length);
        }
    }

    /// <summary>Sets the gradient to zero (keeps the buffer).</summary>
    public void ZeroGrad()
    {
        if (_grad is not null)
        {
            Array.Clear(_grad, 0, Length);
        }
    }

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public int Size(int dim) => Shape[dim < 0 ? Rank + dim : dim];

    /// <summary>A new tensor owning a copy of the values (outside any scope, so it survives the scope's end).</summary>
    public Tensor Detach() => new(Shape, Data.ToArray());

    /// <summary>The values copied into a new array.</summary>
    public float[] ToArray() => Data.ToArray();

    /// <summary>The only value of a one-element tensor.</summary>
    public float Item()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Item() needs a tensor of one element, but the shape is {ShapeUtil.Format(Shape)}.");
        }

        return Data[0];
    }

    /// <inheritdoc />
    public override string ToString() => $"Tensor{ShapeUtil.Format(Shape)}";

    /// <summary>
    /// An uninitialized (or zeroed) tensor for an op's result: pooled when a <see cref="TensorScope"/> is active.
    /// </summary>
    internal static Tensor Create(int[] shape, bool clear)
    {
        int length = ShapeUtil.Product(shape);
        TensorScope? scope = TensorScope.Current;
        if (scope is null)
        {
            return new Tensor(shape, length, new float[length], null);
        }

        var tensor = new Tensor(shape, length, scope.Rent(length, clear), scope);
        scope.Track(tensor);
        return tensor;
    }

    /// <summary>Returns pooled buffers to the scope's pool; later access throws instead of reading reused memory.</summary>
    internal void Release(BufferPool pool)
    {
        if (_released)
        {
            return;
        }

        _released = true;
        pool.Return(_values);
        if (_grad is not null)
        {
            pool.Return(_grad);
        }

        _values = Array.Empty<float>();
        _grad = null;
    }

    private void ThrowIfReleased()
    {
        if (_released)
        {
            throw new ObjectDisposedException(nameof(Tensor),
                $"This {ShapeUtil.Format(Shape)} tensor was created inside a TensorScope that has ended, so its memory was reused. " +
                "Copy what you need before the scope ends (ToArray() or Detach()).");
        }
    }
}
