using PleGen.Generator.Parsing;

namespace PleGen.Generator.Plan;

// The plan: an immutable, value-equal, backend-neutral description of one valid model with every default resolved
// and every fact computed once (widths, routing, state-dict names, parameter counts). It holds no symbols, syntax or
// locations, so the pipeline caches it, and every renderer (managed, TorchSharp, the summary) reads only it.

/// <summary>A validated model, as ordered forward steps and loss terms.</summary>
internal sealed record ModelPlan(
    TypeIdentity Model,
    DataTypesPlan Data,
    bool OwnsDataTypes,
    string ArchitectureName,
    int Levels,
    ActivationValue Activation,
    double Dropout,
    int InputWidth,
    EquatableArray<PlanStep> Steps,
    EquatableArray<LossTerm> Losses,
    EquatableArray<string> ParameterNames,
    long TotalParameters, // without the data-sized embeddings' (DataSizedEmbeddings)
    TorchSharpOption TorchSharp)
{
    public EquatableArray<FeatureSpec> Features => Data.Features;

    public EquatableArray<TaskSpec> Tasks => Data.Tasks;

    /// <summary>Every module that owns parameters, in creation (forward) order.</summary>
    public System.Collections.Generic.IEnumerable<PlanModule> Modules => Steps.SelectMany(s => s.Modules);

    /// <summary>
    /// The embedding tables whose rows come from the data, in creation order; their parameters are not in
    /// <see cref="TotalParameters"/>, which is then the count of everything else.
    /// </summary>
    public System.Collections.Generic.IEnumerable<EmbeddingModule> DataSizedEmbeddings => Modules.OfType<EmbeddingModule>().Where(m => m.CardinalityFromData);

    /// <summary>Whether some parameter count is known only when the model is built (a feature's cardinality comes from the data).</summary>
    public bool SizedByData => Data.HasDataSizedFeatures;

    /// <summary>
    /// Per data-sized feature, the table a checkpoint's cardinality is read from: its first (in a single-task model every
    /// task has its own, all of one cardinality).
    /// </summary>
    public System.Collections.Generic.IEnumerable<EmbeddingModule> CardinalityTables => DataSizedEmbeddings.GroupBy(m => m.Feature).Select(g => g.First());

    /// <summary>Whether the model has gates, whose weights can be recorded (expert utilization).</summary>
    public bool HasGates => Steps.Any(s => s is GateStep);

    /// <summary>How generated code names the type holding Batch, Labels and Dataset: the model itself, or its task group.</summary>
    public string DataTypesReference => OwnsDataTypes ? Model.Identifier : Data.Owner.Reference;
}

/// <summary>
/// The declaration's TorchSharp setting: unset (generate the TorchSharp flavor when the project references
/// TorchSharp), true (required: an error without TorchSharp) or false (never).
/// </summary>
internal enum TorchSharpOption
{
    WhenReferenced,
    Required,
    Never,
}

/// <summary>What the transform produces for one declaration: a plan when valid, and every diagnostic.</summary>
/// <remarks>
/// <paramref name="TorchSharpRequired"/> is set when the declaration says TorchSharp = true: whether that is an error
/// (PLE0027) depends on the compilation's references, which the pipeline combines in later.
/// </remarks>
internal sealed record ParseResult(ModelPlan? Plan, EquatableArray<DiagnosticInfo> Diagnostics, TorchSharpRequest? TorchSharpRequired = null);

/// <summary>A declaration's TorchSharp = true: the model's name and where the argument is.</summary>
internal sealed record TorchSharpRequest(string ModelName, LocationInfo? Location);
