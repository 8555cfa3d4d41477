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
    private readonly int _offset;
    private readonly Tensor? _base;
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

    private Tensor(Tensor source, int offset, int[] shape)
    {
        Shape = shape;
        Length = ShapeUtil.Product(shape);
        _values = source._values;
        _offset = source._offset + offset;
        _base = source._base ?? source;
        RequiresGrad = source.RequiresGrad;
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
            return _values.AsSpan(_offset, Length);
        }
    }

    /// <summary>True once a gradient buffer exists (for a view: once its base tensor has one).</summary>
    public bool HasGrad => _base is null ? _grad is not null : _base.HasGrad;

    /// <summary>The gradient (allocated, zero-filled, on first access). A view's gradient is its slice of the base's.</summary>
    public Span<float> Grad
    {
        get
        {
            ThrowIfReleased();
            if (_base is not null)
            {
                return _base.Grad.Slice(_offset - _base._offset, Length);
            }

            _grad ??= _scope is null ? new float[Length] : _scope.Rent(Length, clear: true);
            return _grad.AsSpan(0, Length);
        }
    }

    /// <summary>Sets the gradient to zero (keeps the buffer).</summary>
    public void ZeroGrad()
    {
        if (HasGrad)
        {
            Grad.Clear();
        }
    }

    /// <summary>
    /// Element <paramref name="index"/> of the first dimension as a tensor sharing this tensor's values and
    /// gradient (no copy): e.g. one expert's [out, in] weight inside an expert bank's [experts, out, in] weight,
    /// so checkpoints can name each expert's parameters while the bank runs as one product. Only for tensors
    /// outside a <see cref="TensorScope"/> (parameters).
    /// </summary>
    public Tensor Select(int index)
    {
        if (Rank == 0)
        {
            throw new InvalidOperationException("Select needs at least one dimension, but the tensor is a scalar.");
        }

        if ((uint)index >= (uint)Shape[0])
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Select: index {index} is outside dimension 0 of {ShapeUtil.Format(Shape)}.");
        }

        if (_scope is not null)
        {
            throw new InvalidOperationException("Select makes long-lived views of parameters; tensors inside a TensorScope are released with it. Use Ops.Slice for a copy.");
        }

        int[] shape = Shape.AsSpan(1).ToArray();
        return new Tensor(this, index * ShapeUtil.Product(shape), shape);
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
