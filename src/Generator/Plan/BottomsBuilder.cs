using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// The body of the bottom architectures: one bottom network shared by every tower (hard parameter sharing), or one per
/// task reading that task's own input vector (single-task: the tasks share nothing). Each tower reads its bottom.
/// </summary>
internal static class BottomsBuilder
{
    public static PlanBody Build(ModelDeclaration model, ExpertResolver resolver, EquatableArray<TaskSpec> tasks, InputSteps inputs, bool perTaskBottoms, PlanNames names, LayerOrigins origins)
    {
        ResolvedExperts declared = resolver.Shared(0);
        var steps = new List<PlanStep>();
        var towerInputs = new PlanValue[tasks.Count];
        IEnumerable<TaskSpec?> owners = perTaskBottoms ? tasks.Select(t => (TaskSpec?)t) : new TaskSpec?[] { null };
        foreach (TaskSpec? owner in owners)
        {
            BottomStep bottom = Bottom(model, owner, owner is null ? inputs.Shared : inputs.For(owner.Index), declared, names, origins);
            steps.Add(bottom);
            foreach (TaskSpec task in tasks.Where(t => owner is null || t.Index == owner.Index))
            {
                towerInputs[task.Index] = bottom.Output;
            }
        }

        return new PlanBody(steps, levels: 0, towerInputs);
    }

    /// <summary>The shared bottom "bottom" (no owner) or task <paramref name="owner"/>'s "bottoms.{task}", of <paramref name="declared"/>'s units over <paramref name="input"/>.</summary>
    public static BottomStep Bottom(ModelDeclaration model, TaskSpec? owner, PlanValue input, ResolvedExperts declared, PlanNames names, LayerOrigins origins)
    {
        string path = owner is null ? "bottom" : "bottoms." + owner.Name;
        var (field, local) = names.Bottom(owner);
        var network = new MlpModule(ModuleKindValue.Bottom, path, path + ".layers", field,
            owner is null ? "the bottom network" : $"the bottom network of task '{owner.Name}'",
            input.Width, declared.Units.ToEquatableArray(), LastIsOutput: false);
        origins.Add(field, network.Description, declared.UnitsLocation ?? model.ModelAttributeLocation);
        return new BottomStep("Bottom networks", new PlanValue(local, path, network.OutputWidth), input, network);
    }
}
