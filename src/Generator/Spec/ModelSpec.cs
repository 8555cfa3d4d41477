using PleGen.Generator.Common;
using PleGen.Generator.Diagnostics;
using PleGen.Generator.Parsing;

namespace PleGen.Generator.Spec;

// The spec: an immutable, value-equal description of one valid model with every default resolved.
// It holds no symbols, syntax or locations, so the pipeline can cache it and every emitter reads only it.

/// <summary>A validated model declaration.</summary>
internal sealed record ModelSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    string Keyword,
    ArchitectureKind Architecture,
    string ArchitectureName,
    string Activation,
    double Dropout,
    EquatableArray<FeatureSpec> Features,
    int InputWidth,
    EquatableArray<TaskSpec> Tasks,
    EquatableArray<LevelSpec> Levels,
    EquatableArray<ExpertGroupSpec> Bottoms,
    EquatableArray<TowerSpec> Towers,
    long TotalParameters,
    TorchSharpOption TorchSharp)
{
    /// <summary>The class name as written in code (a keyword escaped: "@class").</summary>
    public string ClassIdentifier => CSharpIdentifier.Escape(ClassName);

    /// <summary>The namespace as written in code (keywords escaped: "Shop.@event"), or null for the global namespace.</summary>
    public string? NamespaceIdentifier => Namespace is null ? null : CSharpIdentifier.EscapeDotted(Namespace);

    /// <summary>Namespace-qualified declared name (no '@' escapes), for messages and hint names.</summary>
    public string FullName
    {
        get
        {
            string name = ClassName;
            for (int i = ContainingTypes.Count - 1; i >= 0; i--)
            {
                name = ContainingTypes[i].Name + "." + name;
            }

            return Namespace is null ? name : Namespace + "." + name;
        }
    }
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

/// <summary>A type that contains the model class (emitted as a partial wrapper).</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// An input feature and where it sits in the experts' input vector. A categorical feature has one embedding
/// table, or one per task in a single-task model (whose tasks share nothing).
/// </summary>
internal sealed record FeatureSpec(
    string Name,
    string Identifier,
    bool IsCategorical,
    int Width,
    int Cardinality,
    int Offset,
    EquatableArray<string> EmbeddingTables,
    long Parameters)
{
    /// <summary>Parameters of one embedding table.</summary>
    public long ParametersPerTable => (long)Cardinality * Width;
}

/// <summary>A task: its names, loss and tower.</summary>
internal sealed record TaskSpec(
    int Index,
    string Name,
    string Identifier,
    bool IsBinary,
    EquatableArray<int> TowerUnits,
    double LossWeight,
    double LossWeightDecay,
    bool Masked)
{
    /// <summary>The Output member holding a binary task's probability (the sigmoid of its logit).</summary>
    public string ProbabilityMember => Identifier + "Probability";

    /// <summary>The Output member a trainer scores: the probability of a binary task, the value of a regression task.</summary>
    public string PredictionMember => IsBinary ? ProbabilityMember : Identifier;
}

/// <summary>What a module reads: the input vector, a task's fused output of the previous level, or the shared one.</summary>
internal enum InputSourceKind
{
    Input,
    TaskFused,
    SharedFused,
}

/// <summary>Where a module's input comes from.</summary>
internal sealed record InputSource(InputSourceKind Kind, int Level, int TaskIndex)
{
    public static readonly InputSource ModelInput = new(InputSourceKind.Input, -1, -1);

    /// <summary>Human-readable: "input", "income fused (level 0)", "shared fused (level 0)".</summary>
    public string Describe(EquatableArray<TaskSpec> tasks) => Kind switch
    {
        InputSourceKind.Input => "input",
        InputSourceKind.TaskFused => $"{tasks[TaskIndex].Name} fused (level {Level})",
        _ => $"shared fused (level {Level})",
    };
}

/// <summary>
/// Experts of one owner at one level (or a bottom network): Count MLPs of the same Units reading the same input,
/// which the engine runs as one expert bank.
/// </summary>
internal sealed record ExpertGroupSpec(
    string Prefix,
    int Level,
    int OwnerTaskIndex,
    int Count,
    EquatableArray<int> Units,
    int InputWidth,
    InputSource Input,
    bool IsBottom,
    long ParametersPerExpert)
{
    public int OutputWidth => Units[Units.Count - 1];

    /// <summary>Module name of expert <paramref name="index"/>: "levels.0.shared.1", or the bottom's own prefix.</summary>
    public string ExpertName(int index) => IsBottom ? Prefix : Prefix + "." + index;

    /// <summary>State-dict name of a layer's parameter, e.g. "levels.0.shared.1.layers.0.weight".</summary>
    public string ParameterName(int expert, int layer, string kind) => ExpertName(expert) + ".layers." + layer + "." + kind;
}

/// <summary>A softmax gate: which experts it mixes, in order, and what selects among them.</summary>
internal sealed record GateSpec(
    string Name,
    int Level,
    int OwnerTaskIndex,
    int InputWidth,
    InputSource Selector,
    EquatableArray<string> Experts,
    int OutputWidth,
    long Parameters)
{
    public int FanIn => Experts.Count;

    public string WeightName => Name + ".weight";

    public string BiasName => Name + ".bias";
}

/// <summary>One extraction level.</summary>
internal sealed record LevelSpec(
    int Index,
    ExpertGroupSpec Shared,
    EquatableArray<ExpertGroupSpec> TaskExperts,
    EquatableArray<GateSpec> TaskGates,
    GateSpec? SharedGate);

/// <summary>A task's tower: an MLP over its fused input, then a linear layer to one output.</summary>
internal sealed record TowerSpec(
    int TaskIndex,
    string Prefix,
    int InputWidth,
    EquatableArray<int> Units,
    InputSource Input,
    long Parameters)
{
    public string ParameterName(int layer, string kind) => Prefix + "." + layer + "." + kind;
}

/// <summary>What the transform produces for one declaration: a spec when valid, and every diagnostic.</summary>
/// <remarks>
/// <paramref name="TorchSharpRequired"/> is set when the declaration says TorchSharp = true: whether that is an error
/// (PLE0027) depends on the compilation's references, which the pipeline combines in later.
/// </remarks>
internal sealed record ParseResult(ModelSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, TorchSharpRequest? TorchSharpRequired = null);

/// <summary>A declaration's TorchSharp = true: the model's name and where the argument is.</summary>
internal sealed record TorchSharpRequest(string ModelName, LocationInfo? Location);
