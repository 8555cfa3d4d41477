using System;
using PleGen.Runtime.Kernels;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// A linear layer in PyTorch's layout: y = x W^T + b for x [..., in], weight [out, in], bias [out] (optional)
    /// -> [..., out], as one GEMM. With <paramref name="activation"/> the non-linearity is applied in place and
    /// differentiated inside this op (one result buffer and one graph node instead of two).
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null, Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank("Linear", weight, 2, "the weight [out, in]");
        if (x.Rank == 0)
        {
            throw new ArgumentException($"Linear: the input must be [batch, {weight.Shape[1]}], but it is a scalar.");
        }

        int input = x.Shape[^1], output = weight.Shape[0];
        if (weight.Shape[1] != input)
        {
            throw new ArgumentException(
                $"Linear: the input {ShapeUtil.Format(x.Shape)} has {input} features but the weight {ShapeUtil.Format(weight.Shape)} expects {weight.Shape[1]}.");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != output))
        {
            throw new ArgumentException(
                $"Linear: the bias must have shape [{output}] for the weight {ShapeUtil.Format(weight.Shape)}, but it is {ShapeUtil.Format(bias.Shape)}.");
        }

        int rows = ShapeUtil.Product(x.Shape.AsSpan(0, x.Rank - 1));
        int[] shape = (int[])x.Shape.Clone();
        shape[^1] = output;
        Tensor y = Tensor.Create(shape, clear: false);
        Span<float> yd = y.Data;
        float beta = 0f;
        if (bias is not null)
        {
            BroadcastRows(bias.Data, rows, yd);
            beta = 1f;
        }

        Gemm.Sgemm(false, true, rows, output, input, 1f, x.Data, input, weight.Data, input, beta, yd, output);
        if (activation is { } f)
        {
            ActivationMath.Forward(f, yd, yd);
        }

        if (GradientMode.ShouldRecord(x, weight, bias))
        {
            Tape.Record(y, new LinearNode(x, weight, bias, activation, rows, input, output));
        }

        return y;
    }

    private sealed class LinearNode(Tensor x, Tensor weight, Tensor? bias, Activation? activation, int rows, int input, int output)
        : AffineNode("Linear", x, weight, bias, activation)
    {
        protected override void Propagate(ReadOnlySpan<float> dz)
        {
            if (Input.RequiresGrad)
            {
                // dX += dZ W : [rows, out] x [out, in]
                Gemm.Sgemm(false, false, rows, input, output, 1f, dz, output, Weight.Data, input, 1f, Input.Grad, input);
            }

            if (Weight.RequiresGrad)
            {
                // dW += dZ^T X : [out, rows] x [rows, in]
                Gemm.Sgemm(true, false, output, input, rows, 1f, dz, output, Input.Data, input, 1f, Weight.Grad, input);
            }

            if (Bias is not null && Bias.RequiresGrad)
            {
                AccumulateColumnSums(dz, rows, output, Bias.Grad);
            }
        }
    }
}
