namespace PleGen.Runtime.Data;

/// <summary>How a <see cref="CategoricalVocabulary"/> numbers its values 1..n (id 0 is always out of vocabulary).</summary>
public enum VocabularyOrder
{
    /// <summary>By descending training count; equal counts in ordinal (culture-independent) string order. The default.</summary>
    Frequency = 0,

    /// <summary>In ordinal (culture-independent) string order, whatever the counts.</summary>
    Ordinal = 1,
}
