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
            PlanValue input = owner is null ? inputs.Shared : inputs.For(owner.Index);
            string path = owner is null ? "bottom" : "bottoms." + owner.Name;
            var (field, local) = names.Bottom(owner);
            var network = new MlpModule(ModuleKindValue.Bottom, path, path + ".layers", field,
                owner is null ? "the bottom network" : $"the bottom network of task '{owner.Name}'",
                input.Width, declared.Units.ToEquatableArray(), LastIsOutput: false);
            origins.Add(field, "the bottom network", declared.UnitsLocation ?? model.ModelAttributeLocation);
            var output = new PlanValue(local, path, network.OutputWidth);
            steps.Add(new BottomStep("Bottom networks", output, input, network));
            foreach (TaskSpec task in tasks.Where(t => owner is null || t.Index == owner.Index))
            {
                towerInputs[task.Index] = output;
            }
        }

        return new PlanBody(steps, levels: 0, towerInputs);
    }
}
