using System;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>Stacks equally shaped tensors along a new dimension <paramref name="dim"/> (e.g. E tensors [b, h] along 1 -> [b, E, h]).</summary>
    public static Tensor Stack(ReadOnlySpan<Tensor> parts, int dim)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("Stack: needs at least one tensor.", nameof(parts));
        }

        int rank = parts[0].Rank;
        int d = dim < 0 ? dim + rank + 1 : dim;
        if (d < 0 || d > rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"Stack: dimension {dim} is out of range for tensors of rank {rank}; use -{rank + 1} to {rank}.");
        }

        // Each part viewed with a size-1 dimension inserted (no copy), then one concatenation.
        var expanded = new Tensor[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!ShapeUtil.SameShape(parts[i].Shape, parts[0].Shape))
            {
                throw new ArgumentException($"Stack: cannot stack {ShapeUtil.Format(parts[0].Shape)} with {ShapeUtil.Format(parts[i].Shape)} (part {i}): shapes differ.");
            }

            int[] shape = new int[rank + 1];
            for (int j = 0, k = 0; j <= rank; j++)
            {
                shape[j] = j == d ? 1 : parts[i].Shape[k++];
            }

            expanded[i] = Reshape(parts[i], shape);
        }

        return Concat(expanded, d);
    }
}
