using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// A sluice network's orthogonality penalty: for every Linear weight W [units, in] of <paramref name="weights"/>, split
    /// by rows into <paramref name="subspaces"/> blocks W_s [units / S, in] (the weights of subspace s's units), the sum
    /// over pairs s &lt; r of <c>||W_s W_r^T||_F^2</c>, summed over the weights. Scalar (rank 0); 0 with one subspace.
    /// </summary>
    public static Tensor SubspaceOrthogonality(int subspaces, params Tensor[] weights)
    {
        if (subspaces < 1)
        {
            throw new ArgumentException($"SubspaceOrthogonality: needs at least one subspace, but subspaces is {subspaces}.", nameof(subspaces));
        }

        ArgumentNullException.ThrowIfNull(weights);

        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            Tensor weight = weights[i] ?? throw new ArgumentNullException(nameof(weights), $"SubspaceOrthogonality: weight {i} is null.");
            RequireRank("SubspaceOrthogonality", weight, 2, $"weight {i} [units, in]");
            if (weight.Shape[0] % subspaces != 0)
            {
                throw new ArgumentException(
                    $"SubspaceOrthogonality: weight {i} {ShapeUtil.Format(weight.Shape)} has {weight.Shape[0]} units, which do not split into {subspaces} subspaces of equal size.");
            }

            ForEachSubspaceProduct(weight, subspaces, (_, _, _, _, product) => sum += (double)product * product);
        }

        Tensor y = Tensor.Create(Array.Empty<int>(), clear: false);
        y.Data[0] = (float)sum;
        if (GradientMode.ShouldRecord(weights))
        {
            Tape.Record(y, new SubspaceOrthogonalityNode(subspaces, (Tensor[])weights.Clone()));
        }

        return y;
    }

    /// <summary>
    /// Calls <paramref name="visit"/>(s, r, i, j, W_s[i] . W_r[j]) for every pair of subspaces s &lt; r of
    /// <paramref name="weight"/> and every row i of W_s and j of W_r.
    /// </summary>
    private static void ForEachSubspaceProduct(Tensor weight, int subspaces, Action<int, int, int, int, float> visit)
    {
        int rows = weight.Shape[0] / subspaces, inputs = weight.Shape[1];
        ReadOnlySpan<float> w = weight.Data;
        for (int s = 0; s < subspaces; s++)
        {
            for (int r = s + 1; r < subspaces; r++)
            {
                for (int i = 0; i < rows; i++)
                {
                    for (int j = 0; j < rows; j++)
                    {
                        visit(s, r, i, j, TensorPrimitives.Dot(w.Slice(((s * rows) + i) * inputs, inputs), w.Slice(((r * rows) + j) * inputs, inputs)));
                    }
                }
            }
        }
    }

    /// <summary>With P = W_s W_r^T: dW_s[i] += 2 g P[i, j] W_r[j] and dW_r[j] += 2 g P[i, j] W_s[i], g the result's gradient.</summary>
    private sealed class SubspaceOrthogonalityNode(int subspaces, Tensor[] weights) : BackwardNode("SubspaceOrthogonality")
    {
        public override int InputCount => weights.Length;

        public override Tensor? InputAt(int index) => weights[index];

        public override void Backward(Tensor y)
        {
            float g = y.Grad[0];
            foreach (Tensor weight in weights)
            {
                if (!weight.RequiresGrad)
                {
                    continue;
                }

                int rows = weight.Shape[0] / subspaces, inputs = weight.Shape[1];
                ForEachSubspaceProduct(weight, subspaces, (s, r, i, j, product) =>
                {
                    float scale = 2f * g * product;
                    ReadOnlySpan<float> w = weight.Data;
                    Span<float> dw = weight.Grad;
                    Span<float> rowS = dw.Slice(((s * rows) + i) * inputs, inputs), rowR = dw.Slice(((r * rows) + j) * inputs, inputs);
                    TensorPrimitives.MultiplyAdd(w.Slice(((r * rows) + j) * inputs, inputs), scale, rowS, rowS);
                    TensorPrimitives.MultiplyAdd(w.Slice(((s * rows) + i) * inputs, inputs), scale, rowR, rowR);
                });
            }
        }
    }
}
