using PleGen.Runtime.Data;

namespace PleGen.Samples.Census;

/// <summary>How <see cref="CensusPipeline"/> splits and encodes the data.</summary>
public sealed record CensusPipelineOptions
{
    /// <summary>Seed of the split: same seed, same rows in each split.</summary>
    public ulong Seed { get; init; } = 2020;

    /// <summary>Split of a single file. Default 70 / 15 / 15.</summary>
    public SplitFractions Fractions { get; init; } = SplitFractions.Default;

    /// <summary>With separate train and test files: the share of the training file held out for validation. Default 0.15.</summary>
    public double ValidationFractionOfTrain { get; init; } = 0.15;

    /// <summary>A categorical value needs this many training rows to get its own id; rarer values share id 0. Default 1 (every seen value).</summary>
    public int MinCategoryCount { get; init; } = 1;
}
