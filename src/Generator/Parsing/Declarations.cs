namespace PleGen.Generator.Parsing;

// Raw declarations: what the attributes say, with where they say it. They live only inside the transform
// step (never cached), so they need not be value-equal; the validator turns them into the spec.

/// <summary>One attribute argument: its value, whether it was written, and where.</summary>
internal readonly struct Arg<T>
{
    public Arg(T value, bool isSet, LocationInfo? location)
    {
        Value = value;
        IsSet = isSet;
        Location = location;
    }

    public T Value { get; }

    public bool IsSet { get; }

    public LocationInfo? Location { get; }

    public static Arg<T> Unset(T defaultValue, LocationInfo? fallback) => new(defaultValue, false, fallback);
}

internal enum TaskKindValue
{
    Binary = 0,
    Regression = 1,
}

/// <summary>PleGen.Fusion: how several values become one.</summary>
internal enum FusionValue
{
    Concat = 0,
    Sum = 1,
    Mean = 2,
}

internal enum ActivationValue
{
    Relu = 0,
    Tanh = 1,
    Sigmoid = 2,
}

/// <summary>What every task and feature declaration has: a name and the attribute it was declared by.</summary>
internal abstract class MemberDeclaration
{
    public Arg<string> Name { get; set; }

    public LocationInfo? AttributeLocation { get; set; }
}

internal sealed class TaskDeclaration : MemberDeclaration
{
    public Arg<TaskKindValue> Kind { get; set; }

    public Arg<int[]?> Tower { get; set; }

    public Arg<double> LossWeight { get; set; }

    public Arg<double> LossWeightDecay { get; set; }

    public Arg<bool> Masked { get; set; }
}

internal sealed class FeatureDeclaration : MemberDeclaration
{
    public bool IsCategorical { get; set; }

    /// <summary>Dense width; unused for categorical features.</summary>
    public Arg<int> Width { get; set; }

    /// <summary>Unset when the feature takes its cardinality from the data (the attribute's one-argument form).</summary>
    public Arg<int> Cardinality { get; set; }

    public bool CardinalityFromData => IsCategorical && !Cardinality.IsSet;

    public Arg<int> EmbeddingDim { get; set; }

    /// <summary>The named EmbeddingDim when the constructor's embeddingDim gave the width already.</summary>
    public Arg<int>? RepeatedEmbeddingDim { get; set; }
}

internal sealed class ExpertDeclaration
{
    public bool IsTaskExperts { get; set; }

    public Arg<int> Count { get; set; }

    public Arg<int[]?> Units { get; set; }

    public Arg<int> Level { get; set; }

    /// <summary>TaskExperts only: the task this declaration narrows to (null: every task).</summary>
    public Arg<string?> Task { get; set; }

    public LocationInfo? AttributeLocation { get; set; }

    public string AttributeName => IsTaskExperts ? "TaskExperts" : "SharedExperts";
}

/// <summary>[TaskDependency]: the task whose tower also reads the bottoms of <see cref="DependsOn"/>.</summary>
internal sealed class DependencyDeclaration
{
    public Arg<string?> Task { get; set; }

    public Arg<string[]?> DependsOn { get; set; }

    public LocationInfo? AttributeLocation { get; set; }
}

internal sealed class ContainingType
{
    public ContainingType(string keyword, string name)
    {
        Keyword = keyword;
        Name = name;
    }

    public string Keyword { get; }

    public string Name { get; }
}

internal sealed class ModelDeclaration
{
    public string ClassName { get; set; } = "";

    public string? Namespace { get; set; }

    public string Keyword { get; set; } = "class";

    public List<ContainingType> ContainingTypes { get; } = new();

    /// <summary>Generated files' alias names that the class's scope already has (see <see cref="AliasNames"/>).</summary>
    public EquatableArray<string> ShadowedNames { get; set; } = EquatableArray<string>.Empty;

    public LocationInfo? ClassLocation { get; set; }

    public ArchitectureKind Architecture { get; set; }

    /// <summary>
    /// The task group whose generated Dataset, Batch and Labels this model takes, or null when the model's own are
    /// generated (no group, or a model that adds tasks or features of its own to its group's).
    /// </summary>
    public TypeIdentity? TaskGroup { get; set; }

    public LocationInfo? ModelAttributeLocation { get; set; }

    public Arg<int> Levels { get; set; }

    public Arg<ActivationValue> Activation { get; set; }

    public Arg<double> Dropout { get; set; }

    public Arg<bool> TorchSharp { get; set; }

    /// <summary>Asymmetric sharing's Fusion (unset elsewhere).</summary>
    public Arg<FusionValue> Fusion { get; set; }

    public List<DependencyDeclaration> Dependencies { get; } = new();

    /// <summary>Cross-stitch's initial alpha_kk, sluice's initial weight of a subspace on itself (the default elsewhere).</summary>
    public Arg<double> SelfWeight { get; set; }

    /// <summary>Sluice's subspaces per layer (the default elsewhere).</summary>
    public Arg<int> Subspaces { get; set; }

    /// <summary>Sluice's weight of the orthogonality penalty in the joint loss (0 elsewhere).</summary>
    public Arg<double> OrthogonalityWeight { get; set; }

    public List<TaskDeclaration> Tasks { get; } = new();

    public List<FeatureDeclaration> Features { get; } = new();

    public List<ExpertDeclaration> SharedExperts { get; } = new();

    public List<ExpertDeclaration> TaskExperts { get; } = new();
}
