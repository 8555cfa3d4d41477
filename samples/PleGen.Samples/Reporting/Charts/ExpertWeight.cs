namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// One expert as one gate uses it: the mean and std of the gate's weight on it. <paramref name="Owner"/> is
/// <see cref="ExpertUtilizationChart.SharedOwner"/> or a task name (colors group experts by owner);
/// <paramref name="Label"/> is the short text under the bar.
/// </summary>
public sealed record ExpertWeight(string Expert, string Label, string Owner, double Mean, double Std);
