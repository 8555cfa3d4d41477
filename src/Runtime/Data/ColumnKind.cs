namespace PleGen.Runtime.Data;

/// <summary>What a <see cref="DataColumn"/> holds.</summary>
public enum ColumnKind
{
    /// <summary>Numbers, stored as <see cref="float"/>: dense features, labels, masks.</summary>
    Numeric = 0,

    /// <summary>Strings (categories), dictionary-encoded: categorical features through a <see cref="CategoricalVocabulary"/>.</summary>
    Categorical = 1,
}
