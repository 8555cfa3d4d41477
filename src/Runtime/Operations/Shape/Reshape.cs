using System;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// The same values under another shape with as many elements, as a view (no copy: storage is contiguous, so
    /// every reshape is a view). One dimension may be -1 and is then inferred, as in PyTorch. The view shares the
    /// input's gradient, so it needs no backward step of its own.
    /// </summary>
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        int[] resolved = ResolveShape(x, shape);
        return x.ViewOf(0, resolved, x.Length);
    }

    private static int[] ResolveShape(Tensor x, int[] shape)
    {
        int[] resolved = (int[])shape.Clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < resolved.Length; i++)
        {
            if (resolved[i] == -1 && inferred < 0)
            {
                inferred = i;
            }
            else if (resolved[i] < 0)
            {
                throw new ArgumentException($"Reshape: the shape {ShapeUtil.Format(shape)} has an invalid dimension {resolved[i]}; only one dimension may be -1 (inferred).");
            }
            else
            {
                known *= resolved[i];
            }
        }

        if (inferred >= 0)
        {
            if (known == 0 || x.Length % known != 0)
            {
                throw new ArgumentException($"Reshape: cannot view {ShapeUtil.Format(x.Shape)} ({x.Length} values) as {ShapeUtil.Format(shape)}: {x.Length} is not a multiple of {known}.");
            }

            resolved[inferred] = (int)(x.Length / known);
        }
        else if (known != x.Length)
        {
            throw new ArgumentException($"Reshape: cannot view {ShapeUtil.Format(x.Shape)} ({x.Length} values) as {ShapeUtil.Format(shape)} ({known} values).");
        }

        return resolved;
    }
}
