using System;
using PleGen.Runtime.Kernels;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// One layer of E experts computed together; expert e is a Linear layer with weight[e] [out, in] (PyTorch's
    /// layout) and bias[e] [out]. Result [batch, E, out]: expert e's output for sample b is <c>y[b, e, :]</c>.
    /// <list type="bullet">
    /// <item>Shared input [batch, in] (the first layer: every expert reads the same input): one GEMM against the
    /// weight viewed as [E*out, in].</item>
    /// <item>Per-expert input [batch, E, in] (deeper layers: expert e reads its own previous output
    /// <c>input[:, e, :]</c>): one batched GEMM over E on strided views, no copies.</item>
    /// </list>
    /// weight [E, out, in]; bias [E, out] (optional). With <paramref name="activation"/> the non-linearity is applied
    /// in place and differentiated inside this op.
    /// </summary>
    public static Tensor ExpertBank(Tensor input, Tensor weight, Tensor? bias = null, Activation? activation = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank("ExpertBank", weight, 3, "the weight [experts, out, in]");
        int experts = weight.Shape[0], output = weight.Shape[1], width = weight.Shape[2];
        bool validInput = input.Rank == 2
            ? input.Shape[1] == width
            : input.Rank == 3 && input.Shape[1] == experts && input.Shape[2] == width;
        if (!validInput)
        {
            throw new ArgumentException(
                $"ExpertBank: the input must be [batch, {width}] (read by every expert) or [batch, {experts}, {width}] (one slice per expert) " +
                $"for the weight {ShapeUtil.Format(weight.Shape)}, but it is {ShapeUtil.Format(input.Shape)}.");
        }

        if (bias is not null && (bias.Rank != 2 || bias.Shape[0] != experts || bias.Shape[1] != output))
        {
            throw new ArgumentException(
                $"ExpertBank: the bias must have shape [{experts}, {output}] for the weight {ShapeUtil.Format(weight.Shape)}, but it is {ShapeUtil.Format(bias.Shape)}.");
        }

        var bank = new BankGeometry(input.Shape[0], experts, width, output, SharedInput: input.Rank == 2);
        Tensor y = Tensor.Create(new[] { bank.Batch, bank.Experts, bank.Output }, clear: false);
        Span<float> yd = y.Data;
        float beta = 0f;
        if (bias is not null)
        {
            BroadcastRows(bias.Data, bank.Batch, yd);
            beta = 1f;
        }

        if (bank.SharedInput)
        {
            Gemm.Sgemm(false, true, bank.Batch, bank.Columns, bank.Input, 1f, input.Data, bank.Input, weight.Data, bank.Input, beta, yd, bank.Columns);
        }
        else
        {
            Gemm.SgemmBatched(false, true, bank.Batch, bank.Output, bank.Input, 1f,
                input.Data, bank.Experts * bank.Input, bank.Input,
                weight.Data, bank.Input, bank.Output * bank.Input,
                beta, yd, bank.Columns, bank.Output, bank.Experts);
        }

        if (activation is { } f)
        {
            ActivationMath.Forward(f, yd, yd);
        }

        if (GradientMode.ShouldRecord(input, weight, bias))
        {
            Tape.Record(y, new ExpertBankNode(input, weight, bias, activation, bank));
        }

        return y;
    }

    /// <summary>Sizes of an expert bank layer; <see cref="Columns"/> = E * out is the width of one sample's output row.</summary>
    private readonly record struct BankGeometry(int Batch, int Experts, int Input, int Output, bool SharedInput)
    {
        public int Columns => Experts * Output;
    }

    private sealed class ExpertBankNode(Tensor input, Tensor weight, Tensor? bias, Activation? activation, BankGeometry bank)
        : AffineNode("ExpertBank", input, weight, bias, activation)
    {
        protected override void Propagate(ReadOnlySpan<float> dz)
        {
            int b = bank.Batch, e = bank.Experts, i = bank.Input, o = bank.Output, columns = bank.Columns;
            if (bank.SharedInput)
            {
                if (Input.RequiresGrad)
                {
                    // dX += dZ W : [batch, E*out] x [E*out, in]
                    Gemm.Sgemm(false, false, b, i, columns, 1f, dz, columns, Weight.Data, i, 1f, Input.Grad, i);
                }

                if (Weight.RequiresGrad)
                {
                    // dW += dZ^T X : [E*out, batch] x [batch, in]
                    Gemm.Sgemm(true, false, columns, i, b, 1f, dz, columns, Input.Data, i, 1f, Weight.Grad, i);
                }
            }
            else
            {
                if (Input.RequiresGrad)
                {
                    // per expert: dX_e += dZ_e W_e : [batch, out] x [out, in]
                    Gemm.SgemmBatched(false, false, b, i, o, 1f, dz, columns, o, Weight.Data, i, o * i, 1f, Input.Grad, e * i, i, e);
                }

                if (Weight.RequiresGrad)
                {
                    // per expert: dW_e += dZ_e^T X_e : [out, batch] x [batch, in]
                    Gemm.SgemmBatched(true, false, o, i, b, 1f, dz, columns, o, Input.Data, e * i, i, 1f, Weight.Grad, i, o * i, e);
                }
            }

            if (Bias is not null && Bias.RequiresGrad)
            {
                AccumulateColumnSums(dz, b, columns, Bias.Grad);
            }
        }
    }
}
