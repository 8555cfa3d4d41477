using System;
using PleGen.Runtime.Gradients;

namespace PleGen.Runtime.Operations;

/// <summary>
/// The backward node of an affine map of (input, weight, optional bias) with an optional fused activation: the gradient
/// before the activation, dZ = dY * f'(Z), is formed once here; the op's own products propagate it.
/// </summary>
internal abstract class AffineNode(string op, Tensor input, Tensor weight, Tensor? bias, Activation? activation) : BackwardNode(op)
{
    protected Tensor Input { get; } = input;

    protected Tensor Weight { get; } = weight;

    protected Tensor? Bias { get; } = bias;

    public override int InputCount => 3;

    public override Tensor? InputAt(int index) => index switch
    {
        0 => Input,
        1 => Weight,
        _ => Bias,
    };

    public override void Backward(Tensor y)
    {
        if (activation is { } f)
        {
            using var preActivation = ScratchBuffer.Rent(y.Length, clear: true);
            Span<float> dz = preActivation.Span.Slice(0, y.Length);
            ActivationMath.AccumulateGradient(f, y.Data, y.Grad, dz);
            Propagate(dz);
        }
        else
        {
            Propagate(y.Grad);
        }
    }

    /// <summary>Adds the input's, the weight's and the bias's gradients for <paramref name="dz"/>, the gradient before the activation.</summary>
    protected abstract void Propagate(ReadOnlySpan<float> dz);
}
