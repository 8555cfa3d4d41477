using System.Collections.Generic;

namespace PleGen.Samples.Census;

/// <summary>The prepared census data: schema (fitted on training rows only) and the three splits.</summary>
/// <param name="Schema">Vocabularies and standardization statistics of the training split.</param>
/// <param name="Train">Training split.</param>
/// <param name="Validation">Validation split (model selection, early stopping).</param>
/// <param name="Test">Test split.</param>
/// <param name="BadRows">Skipped malformed rows, one entry per file read.</param>
/// <param name="Description">How the splits were made: files, fractions, seed.</param>
public sealed record CensusData(
    CensusSchema Schema,
    CensusSplit Train,
    CensusSplit Validation,
    CensusSplit Test,
    IReadOnlyList<CensusBadRows> BadRows,
    string Description);
