namespace PleGen;

/// <summary>How several values of a forward pass become one (asymmetric sharing's tower inputs).</summary>
public enum Fusion
{
    /// <summary>Side by side: the widths add up.</summary>
    Concat,

    /// <summary>Element-wise sum: every value must have the same width.</summary>
    Sum,

    /// <summary>Element-wise mean: every value must have the same width.</summary>
    Mean,
}
