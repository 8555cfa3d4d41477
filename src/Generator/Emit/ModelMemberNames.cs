using System.Collections.Generic;
using System.Linq;
using PleGen.Generator.Parsing;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>
/// The private fields of a managed model and the locals of its Forward, named once per spec through
/// <see cref="UniqueNames"/> so names built from task and feature identifiers never collide. Shared modules claim
/// their names before task-owned ones, so they keep the plain name when a task is called "shared".
/// </summary>
internal sealed class ModelMemberNames
{
    private readonly Dictionary<string, string> _fields = new();
    private readonly Dictionary<string, string> _locals = new();

    private ModelMemberNames()
    {
    }

    public static ModelMemberNames For(ModelSpec spec)
    {
        var names = new ModelMemberNames();
        var fields = new UniqueNames();
        var locals = new UniqueNames();
        fields.Claim("_registry");
        fields.Claim("_layers");
        locals.Claim("batch");
        locals.Claim("input");

        foreach (LevelSpec level in spec.Levels)
        {
            foreach (ExpertGroupSpec group in new[] { level.Shared }.Concat(level.TaskExperts).Where(g => g.Count > 0))
            {
                // On a clash, a task's names spell out what the plain ones leave implicit ("Task", "Level").
                string owner = group.OwnerTaskIndex >= 0 ? spec.Tasks[group.OwnerTaskIndex].Identifier : "Shared";
                names._fields[Bank(group)] = fields.Claim($"_level{group.Level}{owner}Experts", $"_level{group.Level}Task{owner}Experts");
                names._locals[Bank(group)] = locals.Claim($"level{group.Level}{owner}Experts", $"level{group.Level}Task{owner}Experts");
            }

            foreach (GateSpec gate in (level.SharedGate is null ? new GateSpec[0] : new[] { level.SharedGate }).Concat(level.TaskGates))
            {
                string owner = gate.OwnerTaskIndex >= 0 ? spec.Tasks[gate.OwnerTaskIndex].Identifier : "";
                string field = gate.OwnerTaskIndex >= 0 ? fields.Claim($"_gate{owner}{gate.Level}", $"_gate{owner}Level{gate.Level}") : fields.Claim($"_sharedGate{gate.Level}");
                names._fields[Gate(gate.Name)] = field;
                names._fields[GateExperts(gate.Name)] = fields.Claim(field + "Experts");
                names._locals[Gate(gate.Name)] = gate.OwnerTaskIndex >= 0 ? locals.Claim($"gate{owner}{gate.Level}", $"gate{owner}Level{gate.Level}") : locals.Claim($"sharedGate{gate.Level}");
                names._locals[Fused(gate.Level, gate.OwnerTaskIndex)] = gate.OwnerTaskIndex >= 0
                    ? locals.Claim($"fused{owner}{gate.Level}", $"fused{owner}Level{gate.Level}")
                    : locals.Claim($"sharedFused{gate.Level}");
            }
        }

        foreach (ExpertGroupSpec bottom in spec.Bottoms)
        {
            string owner = bottom.OwnerTaskIndex >= 0 ? spec.Tasks[bottom.OwnerTaskIndex].Identifier : "";
            names._fields[Bank(bottom)] = fields.Claim("_bottom" + owner);
            names._locals[Bank(bottom)] = locals.Claim("bottom" + owner);
        }

        foreach (TaskSpec task in spec.Tasks)
        {
            names._fields[Tower(task.Index)] = fields.Claim("_tower" + task.Identifier);
            names._locals[TaskInput(task.Index)] = locals.Claim("input" + task.Identifier);
            names._locals[Prediction(task.Index)] = locals.Claim("prediction" + task.Identifier);
        }

        foreach (FeatureSpec feature in spec.Features)
        {
            for (int table = 0; table < feature.EmbeddingTables.Count; table++)
            {
                string owner = feature.EmbeddingTables.Count > 1 ? spec.Tasks[table].Identifier : "";
                string field = CamelCase.Field(feature.Identifier);
                names._fields[Embedding(feature.EmbeddingTables[table])] = fields.Claim($"{field}{owner}Embedding", $"{field}Of{owner}Embedding");
            }
        }

        return names;
    }

    public string BankField(ExpertGroupSpec group) => _fields[Bank(group)];

    public string BankLocal(ExpertGroupSpec group) => _locals[Bank(group)];

    public string GateField(GateSpec gate) => _fields[Gate(gate.Name)];

    /// <summary>The static field listing the names of the experts a gate mixes (for gate statistics).</summary>
    public string GateExpertsField(GateSpec gate) => _fields[GateExperts(gate.Name)];

    /// <summary>The local holding a gate's softmax weights.</summary>
    public string GateWeightsLocal(GateSpec gate) => _locals[Gate(gate.Name)];

    /// <summary>The local holding a gate's weighted sum: what the next level (or the tower) reads.</summary>
    public string FusedLocal(GateSpec gate) => _locals[Fused(gate.Level, gate.OwnerTaskIndex)];

    /// <summary>The local a module reads: the input vector or a fused output of the previous level.</summary>
    public string SourceLocal(InputSource source) => source.Kind == InputSourceKind.Input
        ? "input"
        : _locals[Fused(source.Level, source.Kind == InputSourceKind.TaskFused ? source.TaskIndex : -1)];

    public string TowerField(TowerSpec tower) => _fields[Tower(tower.TaskIndex)];

    /// <summary>A single-task model's input vector of one task (each task has its own embeddings).</summary>
    public string TaskInputLocal(TaskSpec task) => _locals[TaskInput(task.Index)];

    public string PredictionLocal(TaskSpec task) => _locals[Prediction(task.Index)];

    public string EmbeddingField(string table) => _fields[Embedding(table)];

    private static string Bank(ExpertGroupSpec group) => "bank " + group.Prefix;

    private static string Gate(string name) => "gate " + name;

    private static string GateExperts(string name) => "gate experts " + name;

    private static string Fused(int level, int task) => "fused " + level + " " + task;

    private static string Tower(int task) => "tower " + task;

    private static string TaskInput(int task) => "input " + task;

    private static string Prediction(int task) => "prediction " + task;

    private static string Embedding(string table) => "embedding " + table;
}
