using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Plan;

/// <summary>
/// The body of the sharing designs without gates (PLE paper, Fig. 1b and 1c): every task has a bottom network
/// "bottoms.{task}" over the input. Customized sharing adds one shared bottom "bottom", and each tower reads the
/// concatenation of the shared bottom's output and its own. Asymmetric sharing has no shared network: a task's tower
/// reads the declared fusion of its own bottom's output and those of the tasks it depends on, or its own bottom alone.
/// </summary>
internal static class FusedBottomsBuilder
{
    public static PlanBody Build(ModelDeclaration model, ExpertResolver resolver, EquatableArray<TaskSpec> tasks, InputSteps inputs, PlanNames names, LayerOrigins origins)
    {
        var steps = new List<PlanStep>();
        bool shared = Architectures.HasSharedBottom(model.Architecture);
        BottomStep? sharedBottom = shared ? BottomsBuilder.Bottom(model, null, inputs.Shared, resolver.Shared(0), names, origins) : null;
        if (sharedBottom is not null)
        {
            steps.Add(sharedBottom);
        }

        var own = tasks.Select(t => BottomsBuilder.Bottom(model, t, inputs.Shared, resolver.ForTask(t.Index, 0), names, origins)).ToArray();
        steps.AddRange(own);

        var towerInputs = new PlanValue[tasks.Count];
        foreach (TaskSpec task in tasks)
        {
            var parts = new List<PlanValue>();
            if (sharedBottom is not null)
            {
                parts.Add(sharedBottom.Output);
            }

            parts.Add(own[task.Index].Output);
            parts.AddRange(Dependencies(model, task).Select(d => own[d].Output));
            FusionValue kind = shared ? FusionValue.Concat : model.Fusion.Value;
            if (parts.Count == 1)
            {
                towerInputs[task.Index] = parts[0];
                continue;
            }

            int width = kind == FusionValue.Concat ? parts.Sum(p => p.Width) : parts[0].Width;
            string description = $"{kind.ToString().ToLowerInvariant()}({string.Join(", ", parts.Select(p => p.Description))})";
            var fused = new PlanValue(names.FusedLocal(task), description, width);
            steps.Add(new FusionStep("Fusion", fused, parts.ToEquatableArray(), kind));
            towerInputs[task.Index] = fused;
        }

        return new PlanBody(steps, levels: 0, towerInputs);
    }

    /// <summary>The indexes of the tasks whose bottoms <paramref name="task"/>'s tower reads besides its own, in declared order (validated).</summary>
    public static IEnumerable<int> Dependencies(ModelDeclaration model, TaskSpec task)
    {
        var names = model.Tasks.Select(t => t.Name.Value).ToList();
        return model.Dependencies.Where(d => d.Task.Value == task.Name).SelectMany(d => d.DependsOn.Value ?? new string[0]).Select(n => names.IndexOf(n));
    }
}
