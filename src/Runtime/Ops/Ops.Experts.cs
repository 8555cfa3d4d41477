using System;
using System.Numerics.Tensors;
using PleGen.Runtime.Kernels;

namespace PleGen.Runtime;

public static partial class Ops
{
    /// <summary>
    /// One layer of E experts computed together. Two forms:
    /// <list type="bullet">
    /// <item>shared input: input [batch, in] read by every expert; weight [E, out, in]; one GEMM against the
    /// weights viewed as [E*out, in];</item>
    /// <item>per-expert input: input [batch, E, in], expert e reading input[:, e, :]; one batched GEMM over E on
    /// strided views, no copies.</item>
    /// </list>
    /// bias [E, out] (optional). Result [batch, E, out]. Each expert's weight has PyTorch's Linear layout.
    /// </summary>
    public static Tensor ExpertBank(Tensor input, Tensor weight, Tensor? bias = null)
    {
        RequireRank("ExpertBank", weight, 3, "the weight [experts, out, in]");
        int experts = weight.Shape[0], output = weight.Shape[1], width = weight.Shape[2];
        if (bias is not null && (bias.Rank != 2 || bias.Shape[0] != experts || bias.Shape[1] != output))
        {
            throw new ArgumentException($"ExpertBank: the bias must have shape [{experts}, {output}] for the weight {ShapeUtil.Format(weight.Shape)}, but it is {ShapeUtil.Format(bias.Shape)}.");
        }

        bool shared = input.Rank == 2;
        if (shared ? input.Shape[1] != width : input.Rank != 3 || input.Shape[1] != experts || input.Shape[2] != width)
        {
            throw new ArgumentException(
                $"ExpertBank: the input must be [batch, {width}] (read by every expert) or [batch, {experts}, {width}] (one slice per expert) for the weight {ShapeUtil.Format(weight.Shape)}, but it is {ShapeUtil.Format(input.Shape)}.");
        }

        int batch = input.Shape[0];
        int columns = experts * output;
        Tensor y = Tensor.Create(new[] { batch, experts, output }, clear: bias is null);
        Span<float> yd = y.Data;
        if (bias is not null)
        {
            ReadOnlySpan<float> b = bias.Data;
            for (int r = 0; r < batch; r++)
            {
                b.CopyTo(yd.Slice(r * columns, columns));
            }
        }

        if (shared)
        {
            Gemm.Sgemm(false, true, batch, columns, width, 1f, input.Data, width, weight.Data, width, 1f, yd, columns);
        }
        else
        {
            Gemm.SgemmBatched(false, true, batch, output, width, 1f,
                input.Data, experts * width, width,
                weight.Data, width, output * width,
                1f, yd, columns, output, experts);
        }

        if (Tape.Needs(input, weight, bias))
        {
            Tape.Record(y, () =>
            {
                ReadOnlySpan<float> dy = y.Grad;
                if (shared)
                {
                    if (input.RequiresGrad)
                    {
                        Gemm.Sgemm(false, false, batch, width, columns, 1f, dy, columns, weight.Data, width, 1f, input.Grad, width);
                    }

                    if (weight.RequiresGrad)
                    {
                        Gemm.Sgemm(true, false, columns, width, batch, 1f, dy, columns, input.Data, width, 1f, weight.Grad, width);
                    }
                }
                else
                {
                    if (input.RequiresGrad)
                    {
                        Gemm.SgemmBatched(false, false, batch, width, output, 1f,
                            dy, columns, output, weight.Data, width, output * width, 1f, input.Grad, experts * width, width, experts);
                    }

                    if (weight.RequiresGrad)
                    {
                        Gemm.SgemmBatched(true, false, output, width, batch, 1f,
                            dy, columns, output, input.Data, experts * width, width, 1f, weight.Grad, width, output * width, experts);
                    }
                }

                if (bias is not null && bias.RequiresGrad)
                {
                    SumRowsInto(dy, batch, columns, bias.Grad);
                }
            });
        }

        return y;
    }

    /// <summary>
    /// The gate's weighted sum: out[b, :] = sum_e gate[b, e] * expert_e[b, :], where the experts are the banks'
    /// experts in order (e.g. a task's own bank, then the shared bank), without concatenating them.
    /// gate [batch, E] with E the banks' total; each bank [batch, E_i, width]. Result [batch, width].
    /// </summary>
    public static Tensor GateMix(Tensor gate, params Tensor[] banks)
    {
        RequireRank("GateMix", gate, 2, "the gate weights [batch, experts]");
        if (banks.Length == 0)
        {
            throw new ArgumentException("GateMix: needs at least one expert bank.");
        }

        int batch = gate.Shape[0], width = banks[0].Size(-1), total = 0;
        foreach (Tensor bank in banks)
        {
            if (bank.Rank != 3 || bank.Shape[0] != batch || bank.Shape[2] != width)
            {
                throw new ArgumentException(
                    $"GateMix: every bank must be [{batch}, experts, {width}] for the gate {ShapeUtil.Format(gate.Shape)}, but one is {ShapeUtil.Format(bank.Shape)}.");
            }

            total += bank.Shape[1];
        }

        if (gate.Shape[1] != total)
        {
            throw new ArgumentException($"GateMix: the gate {ShapeUtil.Format(gate.Shape)} weighs {gate.Shape[1]} experts, but the banks hold {total}.");
        }

        Tensor y = Tensor.Create(new[] { batch, width }, clear: true);
        ReadOnlySpan<float> g = gate.Data;
        Span<float> yd = y.Data;
        for (int b = 0; b < batch; b++)
        {
            Span<float> row = yd.Slice(b * width, width);
            int e = 0;
            foreach (Tensor bank in banks)
            {
                int count = bank.Shape[1];
                ReadOnlySpan<float> data = bank.Data.Slice(b * count * width, count * width);
                for (int i = 0; i < count; i++, e++)
                {
                    TensorPrimitives.MultiplyAdd(data.Slice(i * width, width), g[(b * total) + e], row, row);
                }
            }
        }

        if (Tape.Needs(gate) || Tape.Needs(banks))
        {
            Tape.Record(y, () => GateMixBackward(gate, banks, y, batch, width, total));
        }

        return y;
    }

    private static void GateMixBackward(Tensor gate, Tensor[] banks, Tensor y, int batch, int width, int total)
    {
        ReadOnlySpan<float> dy = y.Grad, g = gate.Data;
        Span<float> dg = gate.RequiresGrad ? gate.Grad : Span<float>.Empty;
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<float> dRow = dy.Slice(b * width, width);
            int e = 0;
            foreach (Tensor bank in banks)
            {
                int count = bank.Shape[1];
                ReadOnlySpan<float> data = bank.Data.Slice(b * count * width, count * width);
                Span<float> dData = bank.RequiresGrad ? bank.Grad.Slice(b * count * width, count * width) : Span<float>.Empty;
                for (int i = 0; i < count; i++, e++)
                {
                    if (!dg.IsEmpty)
                    {
                        dg[(b * total) + e] += TensorPrimitives.Dot(dRow, data.Slice(i * width, width));
                    }

                    if (!dData.IsEmpty)
                    {
                        Span<float> t = dData.Slice(i * width, width);
                        TensorPrimitives.MultiplyAdd(dRow, g[(b * total) + e], t, t);
                    }
                }
            }
        }
    }
}
