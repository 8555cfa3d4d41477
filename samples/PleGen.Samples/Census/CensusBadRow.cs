namespace PleGen.Samples.Census;

/// <summary>A skipped row: its 1-based line number and what was wrong with it.</summary>
public sealed record CensusBadRow(int LineNumber, string Problem);
