using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// Builds the plan of a declaration that passed validation. The architecture decides only which body builder lays out
/// the modules between the input and the towers (<see cref="GatedLevelsBuilder"/> for PLE, CGC, MMoE and ML-MMoE, <see cref="OneGateBuilder"/> for OMoE, <see cref="FusedBottomsBuilder"/> for customized and asymmetric sharing, <see cref="ColumnsBuilder"/> for cross-stitch and sluice networks,
/// <see cref="BottomsBuilder"/> for shared-bottom and single-task); inputs, towers, losses, names and counts are common.
/// </summary>
internal static class PlanBuilder
{
    public static ModelPlan Build(ModelDeclaration model, ExpertResolver resolver, int levels, DataTypesPlan data, bool ownsDataTypes, LayerOrigins origins)
    {
        var names = new PlanNames();
        bool perTaskInputs = model.Architecture == ArchitectureKind.SingleTask;
        InputSteps inputs = InputSteps.Build(data, perTaskInputs, names);

        // The body: what each task's tower reads.
        PlanBody body = Architectures.HasOneGate(model.Architecture) ? OneGateBuilder.Build(model, resolver, data.Tasks, inputs, names, origins)
            : Architectures.HasGates(model.Architecture) ? GatedLevelsBuilder.Build(model, resolver, levels, data.Tasks, inputs, names, origins)
            : Architectures.HasTaskBottoms(model.Architecture) ? FusedBottomsBuilder.Build(model, resolver, data.Tasks, inputs, names, origins)
            : model.Architecture == ArchitectureKind.CrossStitch ? ColumnsBuilder.CrossStitch(model, resolver, data.Tasks, inputs, names, origins)
            : model.Architecture == ArchitectureKind.Sluice ? ColumnsBuilder.Sluice(model, resolver, data.Tasks, inputs, names, origins)
            : BottomsBuilder.Build(model, resolver, data.Tasks, inputs, perTaskBottoms: perTaskInputs, names, origins);

        var towers = new List<PlanStep>();
        foreach (TaskSpec task in data.Tasks)
        {
            TaskDeclaration declared = model.Tasks[task.Index];
            PlanValue input = body.TowerInputs[task.Index];
            int[] units = (declared.Tower.Value ?? Defaults.TowerUnits).Concat(new[] { 1 }).ToArray();
            string path = "towers." + task.Name;
            var tower = new MlpModule(ModuleKindValue.Tower, path, path, names.TowerField(task), $"the tower of task '{task.Name}'",
                input.Width, units.ToEquatableArray(), LastIsOutput: true);
            origins.Add(tower.Field, tower.Description, declared.Tower.Location ?? declared.AttributeLocation);
            towers.Add(new TowerStep("Towers", new PlanValue(names.PredictionLocal(task), "prediction of " + task.Name, 1), input, task.Index, tower));
        }

        var steps = inputs.Steps.Concat(body.Steps).Concat(towers).ToList();
        var losses = data.Tasks.Select(t => (LossTerm)new TaskLossTerm(t.Index, t.IsBinary ? LossKind.BinaryCrossEntropy : LossKind.MeanSquaredError,
            t.Masked, t.LossWeight, t.LossWeightDecay)).Concat(body.Penalties).ToEquatableArray();

        return new ModelPlan(
            Identity(model),
            data,
            ownsDataTypes,
            Architectures.DisplayName(model.Architecture),
            body.Levels,
            model.Activation.Value,
            model.Dropout.Value,
            data.Features.Sum(f => f.Width),
            steps.ToEquatableArray(),
            losses,
            steps.SelectMany(s => s.Modules).SelectMany(m => m.ParameterNames).ToEquatableArray(),
            steps.SelectMany(s => s.Modules).Sum(m => m.Parameters),
            !model.TorchSharp.IsSet ? TorchSharpOption.WhenReferenced : model.TorchSharp.Value ? TorchSharpOption.Required : TorchSharpOption.Never);
    }

    /// <summary>The features and tasks of a declaration, as the data types and every model over them see them.</summary>
    public static DataTypesPlan Data(TypeIdentity owner, ModelDeclaration model)
    {
        var features = new List<FeatureSpec>();
        int offset = 0;
        foreach (FeatureDeclaration f in model.Features)
        {
            int width = f.IsCategorical ? f.EmbeddingDim.Value : f.Width.Value;
            features.Add(new FeatureSpec(features.Count, f.Name.Value, Identifiers.ToPascalCase(f.Name.Value), f.IsCategorical, width,
                f.IsCategorical && !f.CardinalityFromData ? f.Cardinality.Value : 0, offset));
            offset += width;
        }

        var tasks = model.Tasks.Select((t, i) => new TaskSpec(i, t.Name.Value, Identifiers.ToPascalCase(t.Name.Value),
            t.Kind.Value == TaskKindValue.Binary, t.LossWeight.Value, t.LossWeightDecay.Value, t.Masked.Value));
        return new DataTypesPlan(owner, features.ToEquatableArray(), tasks.ToEquatableArray());
    }

    public static TypeIdentity Identity(ModelDeclaration model) => new(
        model.Namespace,
        model.ContainingTypes.Select(c => new ContainingTypeSpec(c.Keyword, c.Name)).ToEquatableArray(),
        model.ClassName,
        model.Keyword,
        Shadowed(model));

    // Besides what the class's scope has, the members generated for tasks and features ("Ops" for a task named "ops")
    // would win over an alias inside the generated types.
    private static EquatableArray<string> Shadowed(ModelDeclaration model)
    {
        var members = new HashSet<string>(model.ShadowedNames, StringComparer.Ordinal);
        foreach (string name in model.Tasks.Select(t => t.Name.Value).Concat(model.Features.Select(f => f.Name.Value)))
        {
            string identifier = Identifiers.ToPascalCase(name);
            foreach (string member in new[] { identifier, identifier + "Probability", identifier + "Mask", identifier + "Labels" })
            {
                if (AliasNames.All.Contains(member))
                {
                    members.Add(member);
                }
            }
        }

        return members.OrderBy(m => m, StringComparer.Ordinal).ToEquatableArray();
    }
}

/// <summary>What a body builder hands back: its steps, the level count for the summary, what each tower reads, and any penalty the joint loss adds.</summary>
internal sealed class PlanBody
{
    public PlanBody(List<PlanStep> steps, int levels, PlanValue[] towerInputs)
    {
        Steps = steps;
        Levels = levels;
        TowerInputs = towerInputs;
    }

    public List<PlanStep> Steps { get; }

    public int Levels { get; }

    public PlanValue[] TowerInputs { get; }

    /// <summary>Loss terms on the body's parameters, added to the joint loss after the tasks' (sluice's orthogonality penalty).</summary>
    public List<LossTerm> Penalties { get; } = new();
}

/// <summary>
/// Where each module's sizes were declared and how messages name it, beside the plan (which holds no locations), so
/// the limit checks on the plan can point at the argument at fault.
/// </summary>
internal sealed class LayerOrigins
{
    private readonly Dictionary<string, (string What, LocationInfo? Location)> _byField = new();

    public void Add(string field, string what, LocationInfo? location) => _byField[field] = (what, location);

    public (string What, LocationInfo? Location) Of(string field) => _byField[field];
}
