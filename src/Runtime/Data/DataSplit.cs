using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Data;

/// <summary>
/// Which rows of a table belong to training, validation and test: each list ascending (file order), the three disjoint and
/// together covering every row. Made with a seed, so the same rows, fractions and seed give the same split on every machine.
/// </summary>
/// <param name="Train">0-based rows for training.</param>
/// <param name="Validation">0-based rows for validation.</param>
/// <param name="Test">0-based rows for test.</param>
public sealed record DataSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test)
{
    /// <summary>
    /// Shuffles rows 0..count-1 with <paramref name="seed"/> (<see cref="RandomSource.ForStream"/>, stream "split") and cuts
    /// the permutation by <paramref name="fractions"/> (<see cref="SplitFractions.Sizes"/>).
    /// </summary>
    public static DataSplit Shuffled(int count, SplitFractions fractions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(fractions);
        int[] permutation = Enumerable.Range(0, count).ToArray();
        RandomSource.ForStream(seed, "split").Shuffle(permutation.AsSpan());
        (int train, int validation, _) = fractions.Sizes(count);
        return new DataSplit(
            Sorted(permutation.AsSpan(0, train)),
            Sorted(permutation.AsSpan(train, validation)),
            Sorted(permutation.AsSpan(train + validation)));
    }

    /// <summary>
    /// A split that keeps each value of <paramref name="strata"/> (a label or category column) in the same proportions in
    /// every part: the rows of each value, in ordinal value order, are shuffled with <paramref name="seed"/> (stream
    /// "stratified-split") and cut by <paramref name="fractions"/> on their own.
    /// </summary>
    public static DataSplit Stratified(DataColumn strata, SplitFractions fractions, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(fractions);
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int row = 0; row < strata.Length; row++)
        {
            string key = strata.Text(row);
            if (!groups.TryGetValue(key, out List<int>? rows))
            {
                groups[key] = rows = new List<int>();
            }

            rows.Add(row);
        }

        RandomSource random = RandomSource.ForStream(seed, "stratified-split");
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        foreach (List<int> rows in groups.Values)
        {
            int[] permutation = rows.ToArray();
            random.Shuffle(permutation.AsSpan());
            (int t, int v, _) = fractions.Sizes(permutation.Length);
            train.AddRange(permutation[..t]);
            validation.AddRange(permutation[t..(t + v)]);
            test.AddRange(permutation[(t + v)..]);
        }

        return new DataSplit(Sorted(train.ToArray()), Sorted(validation.ToArray()), Sorted(test.ToArray()));
    }

    private static int[] Sorted(Span<int> rows)
    {
        int[] copy = rows.ToArray();
        Array.Sort(copy);
        return copy;
    }
}
