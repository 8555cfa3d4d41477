using System;

namespace PleGen.Runtime.Tensors;

public sealed partial class Tensor
{
    /// <summary>A tensor owning a copy of <paramref name="values"/> with the given shape (never pooled).</summary>
    public static Tensor FromArray(float[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromSpan(values, shape);
    }

    /// <summary>A tensor owning a copy of <paramref name="values"/> with the given shape (never pooled).</summary>
    public static Tensor FromSpan(ReadOnlySpan<float> values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int length = ShapeUtil.Product(shape);
        if (values.Length != length)
        {
            throw new ArgumentException(
                $"Shape {ShapeUtil.Format(shape)} holds {length} values, but {values.Length} were given.", nameof(values));
        }

        return new Tensor(shape, values.ToArray());
    }

    /// <summary>A zero-filled tensor owning its values (never pooled: fit for parameters and constants).</summary>
    public static Tensor Zeros(params int[] shape) => Full(0f, shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>, owning its values (never pooled).</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var values = new float[ShapeUtil.Product(shape)];
        values.AsSpan().Fill(value);
        return new Tensor(shape, values);
    }

    /// <summary>A rank-0 tensor holding <paramref name="value"/>, owning its value (never pooled).</summary>
    public static Tensor Scalar(float value) => new(Array.Empty<int>(), new[] { value });
}
