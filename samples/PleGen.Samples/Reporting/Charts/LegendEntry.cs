namespace PleGen.Samples.Reporting.Charts;

/// <summary>One legend row: a swatch (bars), a line sample with its marker (line series), or only the marker (<paramref name="MarkerOnly"/>: points).</summary>
public sealed record LegendEntry(string Label, string Color, bool IsLine = false, string? Dash = null, MarkerShape Marker = MarkerShape.Circle, bool MarkerOnly = false);
