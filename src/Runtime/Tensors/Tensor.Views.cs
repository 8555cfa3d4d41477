using System;

namespace PleGen.Runtime.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Element <paramref name="index"/> of the first dimension as a view sharing this tensor's values and gradient
    /// (no copy): e.g. one expert's [out, in] weight inside an expert bank's [experts, out, in] weight, so checkpoints
    /// can name each expert's parameters while the bank runs as one product. For long-lived tensors (parameters);
    /// inside a step use <see cref="Ops.Slice"/>.
    /// </summary>
    public Tensor Select(int index)
    {
        if (Rank == 0)
        {
            throw new InvalidOperationException("Select needs at least one dimension, but the tensor is a scalar.");
        }

        if ((uint)index >= (uint)Shape[0])
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"Select: index {index} is outside dimension 0 of {ShapeUtil.Format(Shape)}; use 0 to {Shape[0] - 1}.");
        }

        if (StorageOwner._scope is not null)
        {
            throw new InvalidOperationException(
                $"Select makes long-lived views of parameters, but this {ShapeUtil.Format(Shape)} tensor lives in a TensorScope and is released with it; use Ops.Slice inside a step.");
        }

        int[] shape = Shape.AsSpan(1).ToArray();
        int length = ShapeUtil.Product(shape);
        return ViewOf(index * length, shape, length);
    }
}
