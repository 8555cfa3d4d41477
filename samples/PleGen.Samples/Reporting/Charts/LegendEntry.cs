namespace PleGen.Samples.Reporting.Charts;

/// <summary>One legend row: a swatch (bars) or a line sample with its marker (line series).</summary>
public sealed record LegendEntry(string Label, string Color, bool IsLine = false, string? Dash = null, MarkerShape Marker = MarkerShape.Circle);
