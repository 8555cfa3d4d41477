using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// A gate's weighted sum of experts: <c>out[b, :] = sum_e gate[b, e] * expert_e[b, :]</c>, where the experts are
    /// those of <paramref name="banks"/> in order (e.g. a task's own bank, then the shared bank, as a CGC/PLE task
    /// gate mixes them), read in place: no concatenated copy of the banks is made.
    /// gate [batch, E] with E the banks' total expert count (usually a <see cref="Softmax"/>); each bank
    /// [batch, E_i, width]. Result [batch, width].
    /// </summary>
    public static Tensor GateMix(Tensor gate, params Tensor[] banks)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(banks);
        RequireRank("GateMix", gate, 2, "the gate weights [batch, experts]");
        if (banks.Length == 0)
        {
            throw new ArgumentException("GateMix: needs at least one expert bank [batch, experts, width].", nameof(banks));
        }

        int batch = gate.Shape[0], width = -1, total = 0;
        for (int i = 0; i < banks.Length; i++)
        {
            Tensor bank = banks[i] ?? throw new ArgumentNullException(nameof(banks), $"GateMix: bank {i} is null.");
            width = width < 0 && bank.Rank == 3 ? bank.Shape[2] : width;
            if (bank.Rank != 3 || bank.Shape[0] != batch || bank.Shape[2] != width)
            {
                throw new ArgumentException(
                    $"GateMix: every bank must be [{batch}, experts, width] with one width for the gate {ShapeUtil.Format(gate.Shape)}, but bank {i} is {ShapeUtil.Format(bank.Shape)}" +
                    (i > 0 ? $" and bank 0 is {ShapeUtil.Format(banks[0].Shape)}." : "."));
            }

            total += bank.Shape[1];
        }

        if (gate.Shape[1] != total)
        {
            throw new ArgumentException(
                $"GateMix: the gate {ShapeUtil.Format(gate.Shape)} weighs {gate.Shape[1]} experts, but the {banks.Length} bank(s) hold {total}.");
        }

        Tensor y = Tensor.Create(new[] { batch, width }, clear: true);
        ReadOnlySpan<float> g = gate.Data;
        Span<float> yd = y.Data;
        int firstExpert = 0;
        foreach (Tensor bank in banks)
        {
            int count = bank.Shape[1];
            ReadOnlySpan<float> experts = bank.Data;
            for (int b = 0; b < batch; b++)
            {
                Span<float> row = yd.Slice(b * width, width);
                ReadOnlySpan<float> sample = experts.Slice(b * count * width, count * width);
                ReadOnlySpan<float> weights = g.Slice((b * total) + firstExpert, count);
                for (int e = 0; e < count; e++)
                {
                    TensorPrimitives.MultiplyAdd(sample.Slice(e * width, width), weights[e], row, row);
                }
            }

            firstExpert += count;
        }

        if (GradientMode.ShouldRecord(gate) || GradientMode.ShouldRecord(banks))
        {
            Tape.Record(y, new GateMixNode(gate, (Tensor[])banks.Clone(), batch, width, total));
        }

        return y;
    }

    /// <summary>dgate[b, e] += dy[b] . expert_e[b];  dexpert_e[b] += gate[b, e] * dy[b].</summary>
    private sealed class GateMixNode(Tensor gate, Tensor[] banks, int batch, int width, int total) : BackwardNode("GateMix")
    {
        public override int InputCount => banks.Length + 1;

        public override Tensor? InputAt(int index) => index == 0 ? gate : banks[index - 1];

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad, g = gate.Data;
            Span<float> dg = gate.RequiresGrad ? gate.Grad : Span<float>.Empty;
            int firstExpert = 0;
            foreach (Tensor bank in banks)
            {
                int count = bank.Shape[1];
                ReadOnlySpan<float> experts = bank.Data;
                Span<float> dExperts = bank.RequiresGrad ? bank.Grad : Span<float>.Empty;
                for (int b = 0; b < batch; b++)
                {
                    ReadOnlySpan<float> dRow = dy.Slice(b * width, width);
                    int sample = b * count * width, weights = (b * total) + firstExpert;
                    for (int e = 0; e < count; e++)
                    {
                        if (!dg.IsEmpty)
                        {
                            dg[weights + e] += TensorPrimitives.Dot(dRow, experts.Slice(sample + (e * width), width));
                        }

                        if (!dExperts.IsEmpty)
                        {
                            Span<float> target = dExperts.Slice(sample + (e * width), width);
                            TensorPrimitives.MultiplyAdd(dRow, g[weights + e], target, target);
                        }
                    }
                }

                firstExpert += count;
            }
        }
    }
}
