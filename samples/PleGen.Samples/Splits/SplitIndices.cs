using System.Collections.Generic;

namespace PleGen.Samples.Splits;

/// <summary>Which rows of a data set belong to each split; each list is ascending and the three are disjoint.</summary>
public sealed record SplitIndices(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test);
