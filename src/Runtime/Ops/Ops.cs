using System;
using System.Numerics.Tensors;

namespace PleGen.Runtime;

/// <summary>
/// Differentiable tensor operations (PyTorch semantics). Each records its backward step when an input requires
/// a gradient and gradient recording is on; results are pooled inside a <see cref="TensorScope"/>.
/// </summary>
public static partial class Ops
{
    /// <summary>A fresh tensor from values (copied) and a shape, owned by the caller.</summary>
    public static Tensor FromArray(float[] values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        int length = ShapeUtil.Product(shape);
        if (values.Length != length)
        {
            throw new ArgumentException($"Shape {ShapeUtil.Format(shape)} holds {length} values, but {values.Length} were given.", nameof(values));
        }

        return new Tensor(shape, (float[])values.Clone());
    }

    /// <summary>A zero-filled tensor (pooled inside a scope).</summary>
    public static Tensor Zeros(params int[] shape) => Tensor.Create((int[])shape.Clone(), clear: true);

    /// <summary>A scalar (rank-0) tensor.</summary>
    public static Tensor Scalar(float value)
    {
        Tensor t = Tensor.Create(Array.Empty<int>(), clear: false);
        t.Data[0] = value;
        return t;
    }

    /// <summary>The same values under another shape with as many elements (a copy; results are contiguous).</summary>
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        int length = ShapeUtil.Product(shape);
        if (length != x.Length)
        {
            throw new ArgumentException($"Reshape: cannot view {ShapeUtil.Format(x.Shape)} ({x.Length} values) as {ShapeUtil.Format(shape)} ({length} values).");
        }

        Tensor y = Tensor.Create((int[])shape.Clone(), clear: false);
        x.Data.CopyTo(y.Data);
        if (Tape.Needs(x))
        {
            Tape.Record(y, () => Accumulate(x, y.Grad));
        }

        return y;
    }

    /// <summary>Adds <paramref name="gradient"/> into <paramref name="t"/>'s gradient when it requires one.</summary>
    internal static void Accumulate(Tensor t, ReadOnlySpan<float> gradient)
    {
        if (t.RequiresGrad)
        {
            Span<float> g = t.Grad;
            TensorPrimitives.Add(g, gradient, g);
        }
    }

    internal static void RequireRank(string op, Tensor t, int rank, string name)
    {
        if (t.Rank != rank)
        {
            throw new ArgumentException($"{op}: {name} must have rank {rank}, but its shape is {ShapeUtil.Format(t.Shape)}.");
        }
    }
}
