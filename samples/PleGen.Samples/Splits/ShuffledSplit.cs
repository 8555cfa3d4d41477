using System;
using PleGen.Runtime;

namespace PleGen.Samples.Splits;

/// <summary>A fixed-seed random partition of row indices into training, validation and test.</summary>
public static class ShuffledSplit
{
    /// <summary>
    /// Shuffles 0..count-1 with <paramref name="seed"/> and cuts the permutation by <paramref name="fractions"/>.
    /// Same count, fractions and seed: same split on every machine. Each split is returned in ascending row
    /// order (file order), which keeps gathers cache-friendly; training shuffles its batches anyway.
    /// </summary>
    public static SplitIndices Create(int count, SplitFractions fractions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(fractions);

        var permutation = new int[count];
        for (int i = 0; i < count; i++)
        {
            permutation[i] = i;
        }

        RandomSource.ForStream(seed, "split").Shuffle(permutation.AsSpan());
        (int train, int validation, _) = fractions.Sizes(count);
        return new SplitIndices(
            Sorted(permutation.AsSpan(0, train)),
            Sorted(permutation.AsSpan(train, validation)),
            Sorted(permutation.AsSpan(train + validation)));
    }

    private static int[] Sorted(Span<int> rows)
    {
        int[] copy = rows.ToArray();
        Array.Sort(copy);
        return copy;
    }
}
