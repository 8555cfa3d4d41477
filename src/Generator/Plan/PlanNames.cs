namespace PleGen.Generator.Plan;

/// <summary>
/// The fields and forward locals of one model, named while the plan is built through <see cref="UniqueNames"/>, so
/// names built from task and feature identifiers never collide. Within a level, shared modules claim their names before
/// task-owned ones, so they keep the plain name when a task is called "shared"; on a clash a task's names spell out
/// what the plain ones leave implicit ("Task", "Level").
/// </summary>
internal sealed class PlanNames
{
    /// <summary>The local holding the input vector shared by every module.</summary>
    public const string Input = "input";

    private readonly UniqueNames _fields = new();
    private readonly UniqueNames _locals = new();

    public PlanNames()
    {
        // Members every managed model has, and the forward method's parameter.
        _fields.Claim("_registry");
        _fields.Claim("_layers");
        _locals.Claim("batch");
        _locals.Claim(Input);
    }

    public (string Field, string Local) ExpertBank(int level, TaskSpec? owner)
    {
        string name = owner?.Identifier ?? "Shared";
        return (_fields.Claim($"_level{level}{name}Experts", $"_level{level}Task{name}Experts"),
            _locals.Claim($"level{level}{name}Experts", $"level{level}Task{name}Experts"));
    }

    /// <summary>A gate's field, the field listing the experts it mixes, the local of its weights and the local of its mix.</summary>
    public (string Field, string ExpertsField, string Weights, string Fused) Gate(int level, TaskSpec? owner)
    {
        string field = owner is null ? _fields.Claim($"_sharedGate{level}") : _fields.Claim($"_gate{owner.Identifier}{level}", $"_gate{owner.Identifier}Level{level}");
        string experts = _fields.Claim(field + "Experts");
        string weights = owner is null ? _locals.Claim($"sharedGate{level}") : _locals.Claim($"gate{owner.Identifier}{level}", $"gate{owner.Identifier}Level{level}");
        string fused = owner is null ? _locals.Claim($"sharedFused{level}") : _locals.Claim($"fused{owner.Identifier}{level}", $"fused{owner.Identifier}Level{level}");
        return (field, experts, weights, fused);
    }

    public (string Field, string Local) Bottom(TaskSpec? owner) => (_fields.Claim("_bottom" + owner?.Identifier), _locals.Claim("bottom" + owner?.Identifier));

    /// <summary>The local of what task <paramref name="task"/>'s tower reads when it is a fusion of several values.</summary>
    public string FusedLocal(TaskSpec task) => _locals.Claim("fused" + task.Identifier, "fusedTask" + task.Identifier);

    /// <summary>Layer <paramref name="layer"/> of task <paramref name="task"/>'s column: its field and its output's local.</summary>
    public (string Field, string Local) ColumnLayer(TaskSpec task, int layer)
        => (_fields.Claim($"_column{task.Identifier}{layer}", $"_column{task.Identifier}Layer{layer}"), _locals.Claim($"column{task.Identifier}{layer}", $"column{task.Identifier}Layer{layer}"));

    /// <summary>The cross-stitch unit after layer <paramref name="layer"/>: its field.</summary>
    public string StitchField(int layer) => _fields.Claim($"_stitch{layer}");

    /// <summary>Task <paramref name="task"/>'s column after the cross-stitch unit of layer <paramref name="layer"/>.</summary>
    public string StitchedLocal(TaskSpec task, int layer) => _locals.Claim($"stitched{task.Identifier}{layer}", $"stitched{task.Identifier}Layer{layer}");

    /// <summary>The sluice alpha unit after layer <paramref name="layer"/>: its field.</summary>
    public string AlphaField(int layer) => _fields.Claim($"_alpha{layer}");

    /// <summary>Task <paramref name="task"/>'s column after the alpha unit of layer <paramref name="layer"/>.</summary>
    public string MixedLocal(TaskSpec task, int layer) => _locals.Claim($"mixed{task.Identifier}{layer}", $"mixed{task.Identifier}Layer{layer}");

    /// <summary>Task <paramref name="task"/>'s sluice beta unit: its field and its output's local.</summary>
    public (string Field, string Local) LayerMix(TaskSpec task)
        => (_fields.Claim($"_beta{task.Identifier}", $"_betaTask{task.Identifier}"), _locals.Claim($"layerMix{task.Identifier}", $"layerMixTask{task.Identifier}"));

    public string TowerField(TaskSpec task) => _fields.Claim("_tower" + task.Identifier);

    public string PredictionLocal(TaskSpec task) => _locals.Claim("prediction" + task.Identifier);

    /// <summary>A single-task model's input vector of one task (each task has its own embeddings).</summary>
    public string TaskInputLocal(TaskSpec task) => _locals.Claim("input" + task.Identifier);

    public string EmbeddingField(FeatureSpec feature, TaskSpec? owner)
    {
        string field = CamelCase.Field(feature.Identifier);
        return _fields.Claim($"{field}{owner?.Identifier}Embedding", $"{field}Of{owner?.Identifier}Embedding");
    }
}
