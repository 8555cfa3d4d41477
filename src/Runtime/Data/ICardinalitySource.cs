namespace PleGen.Runtime.Data;

/// <summary>
/// Where the cardinalities of categorical features declared without one come from when a model is built: a fitted
/// <see cref="Preprocessing"/> (or a <see cref="PreparedTable"/> made by one) answers with each feature's training
/// vocabulary size plus the out-of-vocabulary id 0. Generated <c>FeatureCardinalities.FromVocabularies</c> reads it by the
/// declared feature names.
/// </summary>
public interface ICardinalitySource
{
    /// <summary>The rows the embedding table of <paramref name="feature"/> needs: the largest id it can have, plus 1.</summary>
    /// <param name="feature">The categorical feature's declared name.</param>
    int CardinalityOf(string feature);
}
