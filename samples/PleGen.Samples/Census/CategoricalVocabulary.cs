using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Samples.Census;

/// <summary>
/// Maps a categorical column's values to embedding ids. Built on the training split only: id 0 is reserved
/// for values the training split did not contain (or contained fewer than the minimum count), ids 1..n go to
/// the known values by descending training frequency (ties in ordinal order), so the mapping is deterministic
/// and an embedding table needs <see cref="Cardinality"/> = n + 1 rows.
/// </summary>
public sealed class CategoricalVocabulary
{
    /// <summary>The id of every value the vocabulary does not know.</summary>
    public const int OutOfVocabularyId = 0;

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _values;

    private CategoricalVocabulary(string column, string[] values)
    {
        Column = column;
        _values = values;
        _ids = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (int i = 0; i < values.Length; i++)
        {
            _ids.Add(values[i], i + 1);
        }
    }

    /// <summary>The column this vocabulary encodes.</summary>
    public string Column { get; }

    /// <summary>Known values; value <c>Values[i]</c> has id <c>i + 1</c>.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Rows of an embedding table for this column: the known values plus the out-of-vocabulary id 0.</summary>
    public int Cardinality => _values.Length + 1;

    /// <summary>
    /// Builds a vocabulary from training counts: values seen at least <paramref name="minCount"/> times get ids.
    /// </summary>
    public static CategoricalVocabulary Build(string column, IEnumerable<KeyValuePair<string, int>> trainingCounts, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(trainingCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        string[] values = trainingCounts
            .Where(kv => kv.Value >= minCount)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key)
            .ToArray();
        return new CategoricalVocabulary(column, values);
    }

    /// <summary>The id of <paramref name="value"/>, or <see cref="OutOfVocabularyId"/> when it is unknown.</summary>
    public int IdOf(string value) => _ids.TryGetValue(value, out int id) ? id : OutOfVocabularyId;
}
