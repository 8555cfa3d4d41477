namespace PleGen.Samples.Reporting;

/// <summary>A run of a results table that failed: no value of it is in the means, and the reports list it with its error.</summary>
/// <param name="Model">Model name as reported.</param>
/// <param name="Seed">The seed that failed.</param>
/// <param name="Correlation">Task correlation p of a synthetic data set; null for real data.</param>
/// <param name="Error">What went wrong.</param>
public sealed record RunFailure(string Model, ulong Seed, double? Correlation, string Error);
