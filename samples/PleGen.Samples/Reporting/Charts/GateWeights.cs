using System.Collections.Generic;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>One gate of an expert-utilization chart: a readable title and the experts it mixes.</summary>
public sealed record GateWeights(string Gate, string Title, IReadOnlyList<ExpertWeight> Experts);
