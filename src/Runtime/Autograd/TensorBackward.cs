using System;

namespace PleGen.Runtime;

public sealed partial class Tensor
{
    /// <summary>
    /// Back-propagates from this one-element tensor (d self / d self = 1): every leaf that requires a gradient
    /// accumulates into <see cref="Grad"/>. The graph is freed afterwards, as in PyTorch.
    /// </summary>
    public void Backward()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException(
                $"Backward() without a gradient needs a one-element tensor (a loss), but the shape is {ShapeUtil.Format(Shape)}; pass the gradient explicitly.");
        }

        Backward(new[] { 1f });
    }

    /// <summary>Back-propagates from this tensor with the given output gradient (same number of elements).</summary>
    public void Backward(ReadOnlySpan<float> gradient)
    {
        if (!RequiresGrad)
        {
            throw new InvalidOperationException(
                "Backward() was called on a tensor that does not require a gradient: no parameter it was computed from requires one, or it was computed under Autograd.NoGrad().");
        }

        if (gradient.Length != Length)
        {
            throw new ArgumentException($"The gradient has {gradient.Length} values but the tensor {ShapeUtil.Format(Shape)} has {Length}.");
        }

        gradient.CopyTo(Grad);
        Tape.Run();
    }
}
