using System;

namespace PleGen.Runtime;

/// <summary>
/// A float32 tensor: row-major contiguous values, a shape, and (for tensors that require gradients) a gradient
/// buffer of the same shape. Autograd, ops and pooling extend this type in their own files.
/// </summary>
public sealed partial class Tensor
{
    private readonly float[] _values;
    private float[]? _grad;

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

    /// <summary>The dimensions, outermost first. Do not mutate.</summary>
    public int[] Shape { get; }

    /// <summary>Number of elements (product of <see cref="Shape"/>).</summary>
    public int Length { get; }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Length;

    /// <summary>Whether backward passes accumulate a gradient into this tensor.</summary>
    public bool RequiresGrad { get; set; }

    /// <summary>The values, row-major.</summary>
    public Span<float> Data => _values.AsSpan(0, Length);

    /// <summary>True once a gradient buffer exists.</summary>
    public bool HasGrad => _grad is not null;

    /// <summary>The gradient (allocated, zero-filled, on first access).</summary>
    public Span<float> Grad => (_grad ??= new float[Length]).AsSpan(0, Length);

    /// <summary>Sets the gradient to zero (keeps the buffer).</summary>
    public void ZeroGrad()
    {
        if (_grad is not null)
        {
            Array.Clear(_grad, 0, Length);
        }
    }
}
