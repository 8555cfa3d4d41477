namespace PleGen.Generator.Plan;

/// <summary>An input feature and where it sits in the input vector.</summary>
/// <param name="Cardinality">A categorical feature's declared cardinality; 0 when it comes from the data.</param>
internal sealed record FeatureSpec(
    int Index,
    string Name,
    string Identifier,
    bool IsCategorical,
    int Width,
    int Cardinality,
    int Offset)
{
    /// <summary>A categorical feature whose cardinality is given when a model is built (a FeatureCardinalities member).</summary>
    public bool CardinalityFromData => IsCategorical && Cardinality == 0;
}

/// <summary>A task: its names, kind and loss settings.</summary>
internal sealed record TaskSpec(
    int Index,
    string Name,
    string Identifier,
    bool IsBinary,
    double LossWeight,
    double LossWeightDecay,
    bool Masked)
{
    /// <summary>The Output member holding a binary task's probability (the sigmoid of its logit).</summary>
    public string ProbabilityMember => Identifier + "Probability";

    /// <summary>The Output member a trainer scores: the probability of a binary task, the value of a regression task.</summary>
    public string PredictionMember => IsBinary ? ProbabilityMember : Identifier;
}

/// <summary>
/// What the typed data members (Batch, Labels, Dataset) are generated from: the features and tasks, and the type they
/// are generated into. Models over one task group share one of these, generated once on the group.
/// </summary>
internal sealed record DataTypesPlan(
    TypeIdentity Owner,
    EquatableArray<FeatureSpec> Features,
    EquatableArray<TaskSpec> Tasks)
{
    /// <summary>The categorical features whose cardinality comes from the data: the members of FeatureCardinalities.</summary>
    public IEnumerable<FeatureSpec> DataSized => Features.Where(f => f.CardinalityFromData);

    public bool HasDataSizedFeatures => DataSized.Any();

    /// <summary>Every task's labels in declaration order, then the masks of the masked tasks (optional, so last).</summary>
    public IEnumerable<string> LabelArguments(Func<TaskSpec, string> labels, Func<TaskSpec, string> mask)
        => Tasks.Select(labels).Concat(Tasks.Where(t => t.Masked).Select(mask));
}
