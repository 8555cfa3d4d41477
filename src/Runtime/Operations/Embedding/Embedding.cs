using System;
using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Embedding lookup: row <c>ids[i]</c> of <paramref name="weight"/> [cardinality, dim] for each sample -> [ids.Length, dim].
    /// Every id is checked before anything is read: one outside [0, cardinality) throws naming the feature, the id,
    /// its position and the cardinality. The backward pass adds into the touched rows only. The ids are read again
    /// by the backward pass, so do not change the array before it runs.
    /// </summary>
    public static Tensor Embedding(Tensor weight, int[] ids, string feature = "ids") => Lookup(weight, ids, feature);

    /// <summary>Embedding lookup with 64-bit ids (PyTorch's index type); same checks and layout as the <see cref="int"/> overload.</summary>
    public static Tensor Embedding(Tensor weight, long[] ids, string feature = "ids") => Lookup(weight, ids, feature);

    private static Tensor Lookup<TId>(Tensor weight, TId[] ids, string feature)
        where TId : unmanaged, IBinaryInteger<TId>
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(ids);
        RequireRank("Embedding", weight, 2, "the weight [cardinality, dim]");
        int cardinality = weight.Shape[0], dim = weight.Shape[1];
        TId limit = TId.CreateTruncating(cardinality);
        for (int i = 0; i < ids.Length; i++)
        {
            if (TId.IsNegative(ids[i]) || ids[i] >= limit)
            {
                throw new ArgumentOutOfRangeException(nameof(ids),
                    $"Embedding '{feature}': id {ids[i]} at position {i} is outside [0, {cardinality}) (the cardinality is {cardinality}); " +
                    "map unseen or out-of-range values to a valid id (e.g. an out-of-vocabulary id) before the lookup.");
            }
        }

        Tensor y = Tensor.Create(new[] { ids.Length, dim }, clear: false);
        ReadOnlySpan<float> w = weight.Data;
        Span<float> yd = y.Data;
        for (int i = 0; i < ids.Length; i++)
        {
            w.Slice(int.CreateTruncating(ids[i]) * dim, dim).CopyTo(yd.Slice(i * dim, dim));
        }

        if (GradientMode.ShouldRecord(weight))
        {
            Tape.Record(y, new EmbeddingNode<TId>(weight, ids, dim));
        }

        return y;
    }

    private sealed class EmbeddingNode<TId>(Tensor weight, TId[] ids, int dim) : BackwardNode("Embedding")
        where TId : unmanaged, IBinaryInteger<TId>
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => weight;

        public override void Backward(Tensor y)
        {
            ReadOnlySpan<float> dy = y.Grad;
            Span<float> dw = weight.Grad;
            for (int i = 0; i < ids.Length; i++)
            {
                Span<float> row = dw.Slice(int.CreateTruncating(ids[i]) * dim, dim);
                TensorPrimitives.Add(row, dy.Slice(i * dim, dim), row);
            }
        }
    }
}
