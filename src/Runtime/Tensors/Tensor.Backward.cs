using System;

namespace PleGen.Runtime.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Back-propagates from this one-element tensor (a loss; d loss / d loss = 1): every leaf it depends on that
    /// requires a gradient accumulates into its <see cref="Grad"/> (call <see cref="ZeroGrad"/> between steps).
    /// The graph is freed afterwards, as in PyTorch.
    /// </summary>
    public void Backward()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException(
                $"Backward() without a gradient needs a one-element tensor (a loss), but the shape is {ShapeUtil.Format(Shape)}; pass the output gradient: Backward(gradient).");
        }

        Span<float> one = stackalloc float[] { 1f };
        Backward(one);
    }

    /// <summary>
    /// Back-propagates from this tensor given the gradient of some scalar with respect to it (same number of
    /// elements, row-major).
    /// </summary>
    public void Backward(ReadOnlySpan<float> gradient)
    {
        if (!RequiresGrad)
        {
            throw new InvalidOperationException(
                $"Backward() was called on a {ShapeUtil.Format(Shape)} tensor that does not require a gradient: no tensor it was computed from requires one, or it was computed under Autograd.NoGrad().");
        }

        if (gradient.Length != Length)
        {
            throw new ArgumentException(
                $"Backward(gradient): the gradient has {gradient.Length} values but the tensor {ShapeUtil.Format(Shape)} has {Length}.", nameof(gradient));
        }

        Tape.Run(this, gradient);
    }
}
