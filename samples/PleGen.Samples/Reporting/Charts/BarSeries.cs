using System.Collections.Generic;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// One series of a grouped bar chart: a value per category (NaN for none) and an optional error (e.g. the std
/// over seeds; NaN or 0 draws no error bar). <paramref name="Color"/> overrides the palette.
/// </summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double>? Errors = null, string? Color = null);
