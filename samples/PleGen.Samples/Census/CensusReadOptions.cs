namespace PleGen.Samples.Census;

/// <summary>How a census file is read.</summary>
public sealed record CensusReadOptions
{
    /// <summary>Strict reading: the first malformed row throws a <see cref="CensusFormatException"/>.</summary>
    public static CensusReadOptions Strict { get; } = new();

    /// <summary>Skip malformed rows and count them (see <see cref="CensusBadRows"/>) instead of throwing.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>How many skipped rows are kept with their line number and problem for the report. Default 5.</summary>
    public int ReportedBadRows { get; init; } = 5;
}
