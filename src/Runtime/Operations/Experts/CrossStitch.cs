using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Row <paramref name="row"/> of a cross-stitch unit: <c>out = sum_j alpha[row, j] * columns[j]</c>, alpha
    /// [rows, columns.Length] (learned), every column [batch, width]. Result [batch, width].
    /// </summary>
    public static Tensor CrossStitch(Tensor alpha, int row, params Tensor[] columns)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentNullException.ThrowIfNull(columns);
        RequireRank("CrossStitch", alpha, 2, "alpha [rows, columns]");
        if (columns.Length == 0 || alpha.Shape[1] != columns.Length || row < 0 || row >= alpha.Shape[0])
        {
            throw new ArgumentException(
                $"CrossStitch: alpha {ShapeUtil.Format(alpha.Shape)} needs one column per input ({columns.Length} given) and a row in [0, {alpha.Shape[0]}), but the row is {row}.");
        }

        RequireSameShapes("CrossStitch", columns, "column");
        return WeightedSum("CrossStitch", alpha, row * columns.Length, columns);
    }

    /// <summary>
    /// A sluice network's layer mix (its beta unit): <c>out = sum_l beta[l] * layers[l]</c>, beta [layers.Length]
    /// (learned), every layer output [batch, width]. Result [batch, width].
    /// </summary>
    public static Tensor LayerMix(Tensor beta, params Tensor[] layers)
    {
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(layers);
        RequireRank("LayerMix", beta, 1, "beta [layers]");
        if (layers.Length == 0 || beta.Shape[0] != layers.Length)
        {
            throw new ArgumentException($"LayerMix: beta {ShapeUtil.Format(beta.Shape)} needs one weight per layer output, but {layers.Length} are given.");
        }

        RequireSameShapes("LayerMix", layers, "layer output");
        return WeightedSum("LayerMix", beta, 0, layers);
    }

    /// <summary>Every input non-null, [batch, width], of the shape of input 0.</summary>
    private static void RequireSameShapes(string op, Tensor[] inputs, string what)
    {
        for (int j = 0; j < inputs.Length; j++)
        {
            Tensor input = inputs[j] ?? throw new ArgumentNullException(nameof(inputs), $"{op}: {what} {j} is null.");
            RequireRank(op, input, 2, $"{what} {j} [batch, width]");
            if (!input.Shape.AsSpan().SequenceEqual(inputs[0].Shape))
            {
                throw new ArgumentException(
                    $"{op}: every {what} must have the shape of {what} 0 {ShapeUtil.Format(inputs[0].Shape)}, but {what} {j} is {ShapeUtil.Format(input.Shape)}.");
            }
        }
    }

    /// <summary>sum_j weights[offset + j] * inputs[j] over checked inputs of one shape.</summary>
    private static Tensor WeightedSum(string op, Tensor weights, int offset, Tensor[] inputs)
    {
        Tensor y = Tensor.Create((int[])inputs[0].Shape.Clone(), clear: true);
        ReadOnlySpan<float> w = weights.Data.Slice(offset, inputs.Length);
        Span<float> yd = y.Data;
        for (int j = 0; j < inputs.Length; j++)
        {
            TensorPrimitives.MultiplyAdd(inputs[j].Data, w[j], yd, yd);
        }

        if (GradientMode.ShouldRecord(weights) || GradientMode.ShouldRecord(inputs))
        {
            Tape.Record(y, new WeightedSumNode(op, weights, offset, (Tensor[])inputs.Clone()));
        }

        return y;
    }

    /// <summary>dweights[offset + j] += dy . input_j;  dinput_j += weights[offset + j] * dy.</summary>
    private sealed class WeightedSumNode(string op, Tensor weights, int offset, Tensor[] inputs) : BackwardNode(op)
    {
        public override int InputCount => inputs.Length + 1;

        public override Tensor? InputAt(int index) => index == 0 ? weights : inputs[index - 1];

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            for (int j = 0; j < inputs.Length; j++)
            {
                if (weights.RequiresGrad)
                {
                    weights.Grad[offset + j] += TensorPrimitives.Dot(dy, inputs[j].Data);
                }

                if (inputs[j].RequiresGrad)
                {
                    Span<float> target = inputs[j].Grad;
                    TensorPrimitives.MultiplyAdd(dy, weights.Data[offset + j], target, target);
                }
            }
        }
    }
}
