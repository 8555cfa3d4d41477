using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime.Data;

/// <summary>
/// Maps a categorical column's values to embedding ids. Fitted on the training split only: id 0
/// (<see cref="OutOfVocabularyId"/>) is reserved for values the training split did not contain (or contained fewer than
/// the minimum count), ids 1..n go to the known values in a <see cref="VocabularyOrder"/> (by default descending
/// training count, ties in ordinal string order), so the mapping is deterministic and an embedding table needs
/// <see cref="Cardinality"/> = n + 1 rows.
/// </summary>
public sealed class CategoricalVocabulary
{
    /// <summary>The id of every value the vocabulary does not know.</summary>
    public const int OutOfVocabularyId = 0;

    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _values;

    /// <summary>A vocabulary whose value <c>values[i]</c> has id <c>i + 1</c> (as a saved preprocessing file lists them).</summary>
    /// <exception cref="ArgumentException">A value is null or repeats.</exception>
    public CategoricalVocabulary(string column, IEnumerable<string> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        ArgumentNullException.ThrowIfNull(values);
        Column = column;
        _values = values.ToArray();
        _ids = new Dictionary<string, int>(_values.Length, StringComparer.Ordinal);
        for (int i = 0; i < _values.Length; i++)
        {
            if (_values[i] is null || !_ids.TryAdd(_values[i], i + 1))
            {
                throw new ArgumentException($"The vocabulary of '{column}' lists {(_values[i] is null ? "a null value" : $"'{_values[i]}' twice")}; each value must appear once.", nameof(values));
            }
        }

        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The column this vocabulary encodes.</summary>
    public string Column { get; }

    /// <summary>Known values; value <c>Values[i]</c> has id <c>i + 1</c>.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Rows of an embedding table for this column: the known values plus the out-of-vocabulary id 0.</summary>
    public int Cardinality => _values.Length + 1;

    /// <summary>Builds a vocabulary from training counts: values seen at least <paramref name="minCount"/> times get ids.</summary>
    public static CategoricalVocabulary Build(string column, IEnumerable<KeyValuePair<string, int>> trainingCounts, VocabularyOrder order = VocabularyOrder.Frequency, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(trainingCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        IEnumerable<KeyValuePair<string, int>> kept = trainingCounts.Where(kv => kv.Value >= minCount);
        IOrderedEnumerable<KeyValuePair<string, int>> ordered = order switch
        {
            VocabularyOrder.Frequency => kept.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal),
            VocabularyOrder.Ordinal => kept.OrderBy(kv => kv.Key, StringComparer.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown vocabulary order."),
        };
        return new CategoricalVocabulary(column, ordered.Select(kv => kv.Key));
    }

    /// <summary>Fits the vocabulary of <paramref name="column"/> on <paramref name="trainingRows"/> (all rows when null).</summary>
    public static CategoricalVocabulary Fit(CategoricalColumn column, IReadOnlyList<int>? trainingRows = null, VocabularyOrder order = VocabularyOrder.Frequency, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(column);
        int[] counts = column.CountCodes(trainingRows);
        var seen = new List<KeyValuePair<string, int>>();
        for (int code = 0; code < counts.Length; code++)
        {
            if (counts[code] > 0)
            {
                seen.Add(new KeyValuePair<string, int>(column.DistinctValues[code], counts[code]));
            }
        }

        return Build(column.Name, seen, order, minCount);
    }

    /// <summary>The id of <paramref name="value"/>, or <see cref="OutOfVocabularyId"/> when it is unknown.</summary>
    public int IdOf(string value) => _ids.TryGetValue(value, out int id) ? id : OutOfVocabularyId;

    /// <summary>The id of <paramref name="value"/>, or <see cref="OutOfVocabularyId"/> when it is unknown.</summary>
    public int IdOf(ReadOnlySpan<char> value) => _lookup.TryGetValue(value, out int id) ? id : OutOfVocabularyId;

    /// <summary>The ids of <paramref name="rows"/> of <paramref name="column"/> (all rows when null), one lookup per distinct value.</summary>
    public int[] Encode(CategoricalColumn column, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        var idOfCode = new int[column.DistinctValues.Count];
        for (int code = 0; code < idOfCode.Length; code++)
        {
            idOfCode[code] = IdOf(column.DistinctValues[code]);
        }

        ReadOnlySpan<int> codes = column.Codes;
        int count = rows?.Count ?? codes.Length;
        var ids = new int[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = idOfCode[codes[rows is null ? i : rows[i]]];
        }

        return ids;
    }
}
