using System;

namespace PleGen.Runtime.Tensors;

/// <summary>
/// A float32 tensor: a shape over row-major contiguous values and, for tensors that take part in training, a
/// gradient of the same shape.
/// <para>
/// Storage: a tensor either owns its buffers or is a view (<see cref="Select"/>, <see cref="Ops.Reshape"/>,
/// <see cref="Ops.Slice"/> along the outermost dimension) that shares a contiguous range of its owner's values
/// and gradient, so a view needs no copy and no backward step of its own.
/// </para>
/// <para>
/// Lifetime: results of ops run inside a <see cref="TensorScope"/> borrow pooled buffers that go back to the pool
/// when the scope ends (using such a tensor afterwards throws); parameters, <c>Tensor.*</c> factories and results
/// of ops outside any scope own ordinary arrays.
/// </para>
/// </summary>
public sealed partial class Tensor
{
    private readonly Tensor? _owner;
    private readonly int _offset;
    private readonly TensorScope? _scope;
    private float[] _values;
    private float[]? _grad;
    private bool _requiresGrad;
    private bool _released;

    /// <summary>
    /// A tensor over <paramref name="values"/> (not copied: the tensor reads and writes the caller's array) with the
    /// given shape. The array may be longer than the shape needs; the tensor uses its first elements.
    /// </summary>
    public Tensor(int[] shape, float[] values, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        Shape = (int[])shape.Clone();
        Length = ShapeUtil.Product(Shape);
        if (values.Length < Length)
        {
            throw new ArgumentException(
                $"Shape {ShapeUtil.Format(Shape)} needs {Length} values but the buffer holds {values.Length}; pass an array of at least {Length} floats.",
                nameof(values));
        }

        _values = values;
        _requiresGrad = requiresGrad;
    }

    /// <summary>An op's result owning a buffer (pooled when <paramref name="scope"/> is set).</summary>
    private Tensor(int[] shape, int length, float[] values, TensorScope? scope)
    {
        Shape = shape;
        Length = length;
        _values = values;
        _scope = scope;
    }

    /// <summary>A view of <paramref name="length"/> values of <paramref name="source"/>'s storage from <paramref name="offset"/>.</summary>
    private Tensor(Tensor source, int offset, int[] shape, int length)
    {
        Tensor owner = source.StorageOwner;
        Shape = shape;
        Length = length;
        _owner = owner;
        _offset = source._offset + offset;
        _values = Array.Empty<float>();
    }

    /// <summary>The dimensions, outermost first. Do not mutate.</summary>
    public int[] Shape { get; }

    /// <summary>Number of elements (product of <see cref="Shape"/>; 1 for a scalar).</summary>
    public int Length { get; }

    /// <summary>Number of dimensions (0 for a scalar).</summary>
    public int Rank => Shape.Length;

    /// <summary>
    /// Whether backward passes accumulate a gradient into this tensor. Set it on parameters (leaves); op results
    /// get it from their inputs. A view follows the tensor it views.
    /// </summary>
    public bool RequiresGrad
    {
        get => _owner?._requiresGrad ?? _requiresGrad;
        set
        {
            if (_owner is not null)
            {
                if (value != _owner._requiresGrad)
                {
                    throw new InvalidOperationException(
                        $"This {ShapeUtil.Format(Shape)} tensor is a view of a {ShapeUtil.Format(_owner.Shape)} tensor and shares its gradient; set RequiresGrad on that tensor instead.");
                }

                return;
            }

            _requiresGrad = value;
        }
    }

    /// <summary>The values, row-major.</summary>
    public Span<float> Data
    {
        get
        {
            Tensor owner = StorageOwner;
            owner.ThrowIfReleased(this);
            return owner._values.AsSpan(_offset, Length);
        }
    }

    /// <summary>True once a gradient buffer exists (for a view: once the tensor it views has one).</summary>
    public bool HasGrad => StorageOwner._grad is not null;

    /// <summary>The gradient, same shape as <see cref="Data"/> (allocated zero-filled on first access; a view's is its range of its owner's).</summary>
    public Span<float> Grad
    {
        get
        {
            Tensor owner = StorageOwner;
            owner.ThrowIfReleased(this);
            owner._grad ??= owner._scope is null ? new float[owner.Length] : owner._scope.Pool.Rent(owner.Length, clear: true);
            return owner._grad.AsSpan(_offset, Length);
        }
    }

    /// <summary>Whether this tensor shares another tensor's storage.</summary>
    public bool IsView => _owner is not null;

    /// <summary>The tensor whose buffers this one uses: itself, or the owner of a view.</summary>
    internal Tensor StorageOwner => _owner ?? this;

    /// <summary>The recorded op that produced this tensor, while its graph is alive (null for leaves, views and freed graphs).</summary>
    internal BackwardNode? GradFn { get; set; }

    /// <summary>The op whose node was freed after a backward pass (so a second pass through it can name it), else null.</summary>
    internal string? FreedGradFnOp { get; set; }

    /// <summary>Sets the gradient to zero (keeps the buffer).</summary>
    public void ZeroGrad()
    {
        if (HasGrad)
        {
            Grad.Clear();
        }
    }

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end, as in PyTorch).</summary>
    public int Size(int dim) => Shape[ShapeUtil.NormalizeDim("Size", Shape, dim)];

    /// <summary>The values copied into a new array.</summary>
    public float[] ToArray() => Data.ToArray();

    /// <summary>
    /// A new tensor owning a copy of the values, outside any scope and any graph (it survives the scope's end and
    /// does not require a gradient).
    /// </summary>
    public Tensor Detach() => new(Shape, Data.ToArray());

    /// <summary>The only value of a one-element tensor (e.g. a loss).</summary>
    public float Item()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Item() needs a tensor of one element, but the shape is {ShapeUtil.Format(Shape)}; use ToArray() or Data.");
        }

        return Data[0];
    }

    /// <inheritdoc />
    public override string ToString() => $"Tensor{ShapeUtil.Format(Shape)}";

    /// <summary>
    /// An op's result: uninitialized (or zeroed with <paramref name="clear"/>), pooled when a <see cref="TensorScope"/>
    /// is active on this thread. <paramref name="shape"/> is taken over, not copied.
    /// </summary>
    internal static Tensor Create(int[] shape, bool clear)
    {
        int length = ShapeUtil.Product(shape);
        TensorScope? scope = TensorScope.Current;
        if (scope is null)
        {
            return new Tensor(shape, length, new float[length], null);
        }

        var tensor = new Tensor(shape, length, scope.Pool.Rent(length, clear), scope);
        scope.Track(tensor);
        return tensor;
    }

    /// <summary>An op's result with the same shape as <paramref name="like"/>.</summary>
    internal static Tensor CreateLike(Tensor like, bool clear) => Create((int[])like.Shape.Clone(), clear);

    /// <summary>
    /// A view of <paramref name="length"/> consecutive values starting at element <paramref name="offset"/>,
    /// with <paramref name="shape"/> (taken over, not copied).
    /// </summary>
    internal Tensor ViewOf(int offset, int[] shape, int length) => new(this, offset, shape, length);

    /// <summary>
    /// Gives pooled buffers back to the scope's pool and drops the graph node; later access throws instead of
    /// reading memory that another tensor now uses.
    /// </summary>
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
        GradFn = null;
    }

    private void ThrowIfReleased(Tensor accessed)
    {
        if (_released)
        {
            throw new ObjectDisposedException(nameof(Tensor),
                $"This {ShapeUtil.Format(accessed.Shape)} tensor was created inside a TensorScope that has ended, so its memory now belongs to other tensors. " +
                "Copy what you need before the scope ends (ToArray() or Detach()).");
        }
    }
}
