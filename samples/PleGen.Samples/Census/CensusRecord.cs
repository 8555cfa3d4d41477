using System.Collections.Generic;

namespace PleGen.Samples.Census;

/// <summary>One validated census row, as the file has it (before vocabularies and standardization).</summary>
/// <param name="LineNumber">1-based line in the file.</param>
/// <param name="Categorical">Values of the categorical columns, in <see cref="CensusColumns.Categorical"/> order.</param>
/// <param name="Numeric">Values of the numeric columns, in <see cref="CensusColumns.Numeric"/> order.</param>
/// <param name="InstanceWeight">The survey weight (field 25); not a feature.</param>
/// <param name="MaritalStatus">Field 8; the source of the never_married label, not a feature.</param>
/// <param name="IncomeAbove50K">The income label (field 42 is "50000+.").</param>
public sealed record CensusRecord(
    int LineNumber,
    IReadOnlyList<string> Categorical,
    IReadOnlyList<double> Numeric,
    double InstanceWeight,
    string MaritalStatus,
    bool IncomeAbove50K)
{
    /// <summary>The never_married label: marital status is "Never married".</summary>
    public bool NeverMarried => MaritalStatus == CensusLabels.NeverMarried;
}
