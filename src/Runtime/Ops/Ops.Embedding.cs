using System;
using System.Numerics.Tensors;

namespace PleGen.Runtime;

public static partial class Ops
{
    /// <summary>
    /// Embedding lookup: row ids[i] of <paramref name="weight"/> [cardinality, dim] for each sample -> [ids.Length, dim].
    /// The backward pass accumulates into the touched rows only. An id outside [0, cardinality) is rejected with
    /// an exception naming the feature, the position and the id; nothing is read out of bounds.
    /// </summary>
    public static Tensor Embedding(Tensor weight, int[] ids, string feature = "ids")
    {
        ArgumentNullException.ThrowIfNull(ids);
        RequireRank("Embedding", weight, 2, "the weight");
        int cardinality = weight.Shape[0], dim = weight.Shape[1];
        for (int i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)cardinality)
            {
                throw new ArgumentOutOfRangeException(nameof(ids),
                    $"Embedding '{feature}': id {ids[i]} at position {i} is outside [0, {cardinality}); map unseen or out-of-range values to a valid id (e.g. an out-of-vocabulary id) before the lookup.");
            }
        }

        Tensor y = Tensor.Create(new[] { ids.Length, dim }, clear: false);
        ReadOnlySpan<float> w = weight.Data;
        Span<float> yd = y.Data;
        for (int i = 0; i < ids.Length; i++)
        {
            w.Slice(ids[i] * dim, dim).CopyTo(yd.Slice(i * dim, dim));
        }

        if (Tape.Needs(weight))
        {
            Tape.Record(y, () =>
            {
                ReadOnlySpan<float> dy = y.Grad;
                Span<float> dw = weight.Grad;
                for (int i = 0; i < ids.Length; i++)
                {
                    Span<float> row = dw.Slice(ids[i] * dim, dim);
                    TensorPrimitives.Add(row, dy.Slice(i * dim, dim), row);
                }
            });
        }

        return y;
    }

    /// <summary>Embedding lookup with 64-bit ids (PyTorch's default index type); same checks as the int overload.</summary>
    public static Tensor Embedding(Tensor weight, long[] ids, string feature = "ids")
    {
        ArgumentNullException.ThrowIfNull(ids);
        var narrow = new int[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] is < 0 or >= int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(ids),
                    $"Embedding '{feature}': id {ids[i]} at position {i} is outside [0, {weight.Size(0)}); map unseen or out-of-range values to a valid id (e.g. an out-of-vocabulary id) before the lookup.");
            }

            narrow[i] = (int)ids[i];
        }

        // The int overload checks the cardinality and names the position.
        return Embedding(weight, narrow, feature);
    }

    /// <summary>
    /// Inverted dropout like PyTorch: in training, zeroes each element with probability <paramref name="p"/> and
    /// scales the rest by 1 / (1 - p); in evaluation (or p = 0), returns the input unchanged.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p, bool training, RandomSource random)
    {
        if (!(p >= 0f && p < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout: the probability must be in [0, 1).");
        }

        if (!training || p == 0f)
        {
            return x;
        }

        ArgumentNullException.ThrowIfNull(random);
        float keep = 1f / (1f - p);
        Tensor mask = Tensor.Create((int[])x.Shape.Clone(), clear: false);
        Span<float> md = mask.Data;
        for (int i = 0; i < md.Length; i++)
        {
            md[i] = random.NextFloat() < p ? 0f : keep;
        }

        Tensor y = Tensor.Create((int[])x.Shape.Clone(), clear: false);
        TensorPrimitives.Multiply(x.Data, md, y.Data);
        if (Tape.Needs(x))
        {
            Tape.Record(y, () =>
            {
                Span<float> dx = x.Grad;
                TensorPrimitives.MultiplyAdd(y.Grad, mask.Data, dx, dx);
            });
        }

        return y;
    }
}
