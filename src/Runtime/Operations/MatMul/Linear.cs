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
        : BackwardNode("Linear")
    {
        public override int InputCount => 3;

        public override Tensor? InputAt(int index) => index switch
        {
            0 => x,
            1 => weight,
            _ => bias,
        };

        public override void Backward(Tensor y)
        {
            if (activation is { } f)
            {
                // The gradient before the activation, dZ = dY * f'(Z), feeds the products below.
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

        private void Propagate(ReadOnlySpan<float> dz)
        {
            if (x.RequiresGrad)
            {
                // dX += dZ W : [rows, out] x [out, in]
                Gemm.Sgemm(false, false, rows, input, output, 1f, dz, output, weight.Data, input, 1f, x.Grad, input);
            }

            if (weight.RequiresGrad)
            {
                // dW += dZ^T X : [out, rows] x [rows, in]
                Gemm.Sgemm(true, false, output, input, rows, 1f, dz, output, x.Data, input, 1f, weight.Grad, input);
            }

            if (bias is not null && bias.RequiresGrad)
            {
                AccumulateColumnSums(dz, rows, output, bias.Grad);
            }
        }
    }
}
