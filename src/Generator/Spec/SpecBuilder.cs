using System.Collections.Generic;
using System.Linq;
using PleGen.Generator.Common;
using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator.Spec;

/// <summary>
/// Builds the spec of a declaration that passed validation: the routing of every level (which input each
/// expert group and gate reads, which experts each gate mixes), widths, parameter names and counts.
/// </summary>
internal static class SpecBuilder
{
    public static ModelSpec Build(ModelDeclaration model, ExpertResolver resolver, int levelCount)
    {
        var tasks = model.Tasks.Select((t, i) => new TaskSpec(
            i,
            t.Name.Value,
            Identifiers.ToPascalCase(t.Name.Value),
            t.Kind.Value == TaskKindValue.Binary,
            (t.Tower.Value ?? new[] { 32 }).ToEquatableArray(),
            t.LossWeight.Value,
            t.LossWeightDecay.Value,
            t.Masked.Value)).ToEquatableArray();

        var features = new List<FeatureSpec>();
        int offset = 0;
        bool perTaskEmbeddings = model.Architecture == ArchitectureKind.SingleTask;
        foreach (FeatureDeclaration f in model.Features)
        {
            string name = f.Name.Value;
            int width = f.IsCategorical ? f.EmbeddingDim.Value : f.Width.Value;
            var tables = !f.IsCategorical ? new List<string>()
                : perTaskEmbeddings ? tasks.Select(t => $"embeddings.{t.Name}.{name}").ToList()
                : new List<string> { "embeddings." + name };
            features.Add(new FeatureSpec(
                name,
                Identifiers.ToPascalCase(name),
                f.IsCategorical,
                width,
                f.IsCategorical ? f.Cardinality.Value : 0,
                offset,
                tables.ToEquatableArray(),
                tables.Count * (long)(f.IsCategorical ? f.Cardinality.Value : 0) * width));
            offset += width;
        }

        int inputWidth = offset;
        var levels = new List<LevelSpec>();
        var bottoms = new List<ExpertGroupSpec>();
        var towerInputs = new InputSource[tasks.Count];
        var towerWidths = new int[tasks.Count];

        if (Architectures.HasGates(model.Architecture))
        {
            BuildLevels(resolver, levelCount, tasks, inputWidth, levels, towerInputs, towerWidths);
        }
        else
        {
            BuildBottoms(model.Architecture, resolver, tasks, inputWidth, bottoms, towerInputs, towerWidths);
        }

        var towers = tasks.Select(t => new TowerSpec(
            t.Index,
            "towers." + t.Name,
            towerWidths[t.Index],
            t.TowerUnits,
            towerInputs[t.Index],
            MlpParameters(towerWidths[t.Index], t.TowerUnits) + LinearParameters(t.TowerUnits.Count == 0 ? towerWidths[t.Index] : t.TowerUnits[t.TowerUnits.Count - 1], 1)))
            .ToEquatableArray();

        long total = features.Sum(f => f.Parameters)
            + levels.Sum(l => GroupParameters(l.Shared) + l.TaskExperts.Sum(GroupParameters) + l.TaskGates.Sum(g => g.Parameters) + (l.SharedGate?.Parameters ?? 0))
            + bottoms.Sum(GroupParameters)
            + towers.Sum(t => t.Parameters);

        return new ModelSpec(
            model.Namespace,
            model.ContainingTypes.Select(c => new ContainingTypeSpec(c.Keyword, c.Name)).ToEquatableArray(),
            model.ClassName,
            model.Keyword,
            model.Architecture,
            Architectures.DisplayName(model.Architecture),
            model.Activation.Value.ToString(),
            model.Dropout.Value,
            features.ToEquatableArray(),
            inputWidth,
            tasks,
            levels.ToEquatableArray(),
            bottoms.ToEquatableArray(),
            towers,
            total,
            !model.TorchSharp.IsSet ? TorchSharpOption.WhenReferenced : model.TorchSharp.Value ? TorchSharpOption.Required : TorchSharpOption.Never);
    }

    private static void BuildLevels(
        ExpertResolver resolver,
        int levelCount,
        EquatableArray<TaskSpec> tasks,
        int inputWidth,
        List<LevelSpec> levels,
        InputSource[] towerInputs,
        int[] towerWidths)
    {
        // What each task and the shared path read at the current level: the input at level 0, then the previous level's fused outputs.
        var taskSources = Enumerable.Repeat(InputSource.ModelInput, tasks.Count).ToArray();
        var taskWidths = Enumerable.Repeat(inputWidth, tasks.Count).ToArray();
        InputSource sharedSource = InputSource.ModelInput;
        int sharedWidth = inputWidth;

        for (int level = 0; level < levelCount; level++)
        {
            ResolvedExperts sharedResolved = resolver.Shared(level);
            ExpertGroupSpec shared = Group($"levels.{level}.shared", level, -1, sharedResolved, sharedWidth, sharedSource, isBottom: false);

            var taskGroups = new List<ExpertGroupSpec>();
            var gates = new List<GateSpec>();
            foreach (TaskSpec task in tasks)
            {
                ExpertGroupSpec own = Group($"levels.{level}.tasks.{task.Name}", level, task.Index, resolver.ForTask(task.Index, level),
                    taskWidths[task.Index], taskSources[task.Index], isBottom: false);
                taskGroups.Add(own);

                var mixed = ExpertNames(own).Concat(ExpertNames(shared)).ToList();
                int width = own.Count > 0 ? own.OutputWidth : shared.OutputWidth;
                gates.Add(new GateSpec($"gates.{task.Name}.{level}", level, task.Index, taskWidths[task.Index], taskSources[task.Index],
                    mixed.ToEquatableArray(), width, LinearParameters(taskWidths[task.Index], mixed.Count)));
            }

            GateSpec? sharedGate = null;
            if (level < levelCount - 1)
            {
                var all = taskGroups.SelectMany(ExpertNames).Concat(ExpertNames(shared)).ToList();
                int width = shared.Count > 0 ? shared.OutputWidth : taskGroups.First(g => g.Count > 0).OutputWidth;
                sharedGate = new GateSpec($"shared_gates.{level}", level, -1, sharedWidth, sharedSource, all.ToEquatableArray(), width,
                    LinearParameters(sharedWidth, all.Count));
            }

            levels.Add(new LevelSpec(level, shared, taskGroups.ToEquatableArray(), gates.ToEquatableArray(), sharedGate));

            foreach (GateSpec gate in gates)
            {
                taskSources[gate.OwnerTaskIndex] = new InputSource(InputSourceKind.TaskFused, level, gate.OwnerTaskIndex);
                taskWidths[gate.OwnerTaskIndex] = gate.OutputWidth;
            }

            if (sharedGate is not null)
            {
                sharedSource = new InputSource(InputSourceKind.SharedFused, level, -1);
                sharedWidth = sharedGate.OutputWidth;
            }
        }

        for (int t = 0; t < tasks.Count; t++)
        {
            towerInputs[t] = taskSources[t];
            towerWidths[t] = taskWidths[t];
        }
    }

    private static void BuildBottoms(
        ArchitectureKind kind,
        ExpertResolver resolver,
        EquatableArray<TaskSpec> tasks,
        int inputWidth,
        List<ExpertGroupSpec> bottoms,
        InputSource[] towerInputs,
        int[] towerWidths)
    {
        ResolvedExperts bottom = resolver.Shared(0);
        if (kind == ArchitectureKind.SharedBottom)
        {
            bottoms.Add(Group("bottom", 0, -1, bottom, inputWidth, InputSource.ModelInput, isBottom: true));
        }
        else
        {
            foreach (TaskSpec task in tasks)
            {
                bottoms.Add(Group("bottoms." + task.Name, 0, task.Index, bottom, inputWidth, InputSource.ModelInput, isBottom: true));
            }
        }

        for (int t = 0; t < tasks.Count; t++)
        {
            // The tower reads its bottom's output: the model input passed through the (shared or own) bottom.
            towerInputs[t] = new InputSource(InputSourceKind.Input, -1, -1);
            towerWidths[t] = bottom.Width;
        }
    }

    private static ExpertGroupSpec Group(string prefix, int level, int owner, ResolvedExperts resolved, int inputWidth, InputSource input, bool isBottom)
        => new(prefix, level, owner, isBottom ? 1 : resolved.Count, resolved.Units.ToEquatableArray(), inputWidth, input, isBottom,
            MlpParameters(inputWidth, resolved.Units.ToEquatableArray()));

    private static IEnumerable<string> ExpertNames(ExpertGroupSpec group) => Enumerable.Range(0, group.Count).Select(group.ExpertName);

    private static long GroupParameters(ExpertGroupSpec group) => group.Count * group.ParametersPerExpert;

    private static long MlpParameters(int input, EquatableArray<int> units)
    {
        long total = 0;
        int width = input;
        foreach (int unit in units)
        {
            total += LinearParameters(width, unit);
            width = unit;
        }

        return total;
    }

    private static long LinearParameters(int input, int output) => ((long)input * output) + output;
}
