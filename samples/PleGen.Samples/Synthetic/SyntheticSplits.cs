namespace PleGen.Samples.Synthetic;

/// <summary>Training, validation and test samples of one generator: disjoint ranges of its i.i.d. sample sequence.</summary>
public sealed record SyntheticSplits(SyntheticTaskData Train, SyntheticTaskData Validation, SyntheticTaskData Test);
