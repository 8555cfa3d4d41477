using System;
using System.Text;

namespace PleGen.Runtime.Tensors;

/// <summary>Shape arithmetic and formatting shared by every op's checks and messages.</summary>
public static class ShapeUtil
{
    /// <summary>Product of the dimensions (1 for a scalar); throws on a negative dimension or overflow.</summary>
    public static int Product(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (int d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Shape {Format(shape)} has a negative dimension.");
            }

            n *= d;
            if (n > int.MaxValue)
            {
                throw new ArgumentException($"Shape {Format(shape)} has more than {int.MaxValue} elements.");
            }
        }

        return (int)n;
    }

    /// <summary>Formats a shape as PyTorch prints it: <c>[2, 3]</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(shape[i]);
        }

        return sb.Append(']').ToString();
    }

    /// <summary>Whether two shapes are equal.</summary>
    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    /// <summary>
    /// <paramref name="dim"/> as an index into <paramref name="shape"/>, counting a negative one from the end as
    /// PyTorch does; throws naming <paramref name="op"/> and the shape when it is out of range.
    /// </summary>
    public static int NormalizeDim(string op, ReadOnlySpan<int> shape, int dim)
    {
        if (shape.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"{op}: the tensor is a scalar, so it has no dimension {dim}.");
        }

        int d = dim < 0 ? dim + shape.Length : dim;
        if (d < 0 || d >= shape.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim,
                $"{op}: dimension {dim} is out of range for {Format(shape)}; use -{shape.Length} to {shape.Length - 1}.");
        }

        return d;
    }

    /// <summary>The shape seen as [outer, size of <paramref name="dim"/>, inner] (products of the dimensions before and after it).</summary>
    public static (int Outer, int Size, int Inner) AroundDim(ReadOnlySpan<int> shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < dim; i++)
        {
            outer *= shape[i];
        }

        for (int i = dim + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        return (outer, shape[dim], inner);
    }
}
