using System.Globalization;
using PleGen.Generator.Parsing;

namespace PleGen.Generator.Validation;

/// <summary>
/// Applies the DSL's rules to a parsed declaration. Reports every problem it can find; when there is none,
/// resolves defaults and overrides (see <see cref="ExpertResolver"/>), builds the plan (<see cref="PlanBuilder"/>) and
/// checks its layers against the engine's limits (<see cref="PlanLimits"/>).
/// </summary>
internal static class ModelValidator
{
    public static ModelPlan? Validate(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        ArchitectureKind kind = model.Architecture;

        CheckTaskGroupMembers(model, isModel: true, diagnostics);
        int levels = CheckLevels(model, diagnostics);
        CheckDropout(model, diagnostics);
        CheckExpertDeclarations(model, levels, diagnostics);
        CheckDependencies(model, diagnostics);
        CheckColumnSettings(model, diagnostics);

        if (diagnostics.Count > before)
        {
            // Resolution over invalid values would only add noise: stop at the first layer of problems.
            return null;
        }

        var resolver = new ExpertResolver(model, levels);
        if (Architectures.HasGates(kind) && !Architectures.HasOneGate(kind))
        {
            CheckGates(model, resolver, levels, diagnostics);
        }

        if (model.Architecture == ArchitectureKind.AsymmetricSharing && model.Fusion.Value != FusionValue.Concat)
        {
            CheckFusionWidths(model, resolver, diagnostics);
        }

        if (kind == ArchitectureKind.Sluice)
        {
            CheckSluiceLayers(model, resolver.Shared(0), diagnostics);
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        TypeIdentity self = PlanBuilder.Identity(model);
        DataTypesPlan data = PlanBuilder.Data(model.TaskGroup ?? self, model);
        var origins = new LayerOrigins();
        ModelPlan plan = PlanBuilder.Build(model, resolver, levels, data, ownsDataTypes: model.TaskGroup is null, origins);
        PlanLimits.Check(plan, origins, diagnostics);
        return diagnostics.Count > before ? null : plan;
    }

    /// <summary>The data types of a task group, when its tasks and features pass the rules every model over it applies; else null.</summary>
    public static DataTypesPlan? ValidateTaskGroup(ModelDeclaration group)
    {
        var diagnostics = new List<DiagnosticInfo>();
        CheckTaskGroupMembers(group, isModel: false, diagnostics);
        return diagnostics.Count > 0 || group.Tasks.Count == 0 ? null : PlanBuilder.Data(PlanBuilder.Identity(group), group);
    }

    /// <summary>The rules about tasks and features, which hold wherever they are declared (a group has no architecture: the task count is each model's rule).</summary>
    private static void CheckTaskGroupMembers(ModelDeclaration model, bool isModel, List<DiagnosticInfo> diagnostics)
    {
        CheckNames(model, diagnostics);
        CheckTasks(model, isModel, diagnostics);
        CheckFeatures(model, diagnostics);
        TensorSizeRules.CheckFeatures(model, diagnostics);
    }

    private static void CheckNames(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        CheckNameGroup("task", model.Tasks.Select(t => t.Name), model.ClassName, diagnostics);
        CheckNameGroup("feature", model.Features.Select(f => f.Name), model.ClassName, diagnostics);
        CheckDerivedTaskMembers(model, diagnostics);
        foreach (TaskDeclaration task in model.Tasks.Where(t => Identifiers.Problem(t.Name.Value) is null))
        {
            if (model.ClassName == Identifiers.ToPascalCase(task.Name.Value) + "LossWeight")
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNameIsGeneratedMember, model.ClassLocation, model.ClassName, $"the loss-weight method of task '{task.Name.Value}'"));
            }
        }
    }

    /// <summary>A task's identifier must not be a member generated for another task (task "x_mask" vs masked task "x").</summary>
    private static void CheckDerivedTaskMembers(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        var valid = model.Tasks.Where(t => Identifiers.Problem(t.Name.Value) is null).ToList();
        foreach (TaskDeclaration task in valid)
        {
            string identifier = Identifiers.ToPascalCase(task.Name.Value);
            foreach (TaskDeclaration owner in valid.Where(other => other != task))
            {
                string ownerIdentifier = Identifiers.ToPascalCase(owner.Name.Value);
                var derived = Identifiers.DerivedTaskMembers(ownerIdentifier, owner.Masked.Value, owner.Kind.Value == TaskKindValue.Binary)
                    .Where(member => member.Identifier == identifier)
                    .Select(member => member.What)
                    .FirstOrDefault();
                if (derived is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, task.Name.Location, "Task", task.Name.Value, identifier,
                        $"{derived} that PleGen generates for task '{owner.Name.Value}'"));
                    break;
                }
            }
        }
    }

    private static void CheckNameGroup(string what, IEnumerable<Arg<string>> names, string className, List<DiagnosticInfo> diagnostics)
    {
        var seen = new List<(string Name, string Identifier)>();
        foreach (Arg<string> name in names)
        {
            string? problem = Identifiers.Problem(name.Value);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, name.Location, Capitalize(what), name.Value, problem));
                continue;
            }

            string identifier = Identifiers.ToPascalCase(name.Value);
            if (Identifiers.Reserved.Contains(identifier))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, name.Location, Capitalize(what), name.Value, identifier,
                    "a member PleGen generates (reserved: " + string.Join(", ", Identifiers.Reserved.OrderBy(r => r, StringComparer.Ordinal)) + ")"));
                continue;
            }

            if (identifier == className)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, name.Location, Capitalize(what), name.Value, identifier,
                    "the model class's own name"));
                continue;
            }

            foreach (var (previousName, previousIdentifier) in seen)
            {
                string? how = previousName == name.Value ? "same name"
                    : string.Equals(previousName, name.Value, StringComparison.OrdinalIgnoreCase) ? "names differ only in case"
                    : string.Equals(previousIdentifier, identifier, StringComparison.OrdinalIgnoreCase) ? $"both become the identifier '{identifier}'"
                    : null;
                if (how is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, name.Location, what, name.Value, previousName, how));
                    break;
                }
            }

            seen.Add((name.Value, identifier));
        }
    }

    private static void CheckTasks(ModelDeclaration model, bool isModel, List<DiagnosticInfo> diagnostics)
    {
        if (model.Tasks.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoTasks, model.ModelAttributeLocation, model.ClassName));
        }
        else if (model.Tasks.Count < 2 && isModel && Architectures.IsMultiTask(model.Architecture))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooFewTasks, model.ModelAttributeLocation,
                Architectures.DisplayName(model.Architecture), model.ClassName, model.Tasks.Count.ToString(CultureInfo.InvariantCulture)));
        }
        else if (model.Tasks.Count > Limits.MaxTasks)
        {
            // At the first task past the limit: the declaration that went too far.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeBeyondLimits, model.Tasks[Limits.MaxTasks].Name.Location, "The number of tasks", Format(model.Tasks.Count),
                Format(Limits.MaxTasks), "every task adds a tower, gates per level and members to every generated type, and compile time grows with the square of the task count"));
        }

        foreach (TaskDeclaration task in model.Tasks)
        {
            if (task.Tower.Value is { } tower)
            {
                CheckUnits(tower, task.Tower.Location, $"Every Tower entry of task '{task.Name.Value}'", diagnostics);
            }

            CheckLossWeight("LossWeight", task.LossWeight, task.Name.Value, diagnostics);
            CheckLossWeight("LossWeightDecay", task.LossWeightDecay, task.Name.Value, diagnostics);
        }
    }

    private static void CheckLossWeight(string what, Arg<double> value, string task, List<DiagnosticInfo> diagnostics)
    {
        if (!(value.Value > 0) || double.IsInfinity(value.Value))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveLossWeight, value.Location, what, task, Format(value.Value)));
            return;
        }

        // The loss is computed in float32: a weight that rounds to 0 or overflows would silently drop the task or
        // make every loss infinite.
        float single = (float)value.Value;
        if (single == 0 || float.IsInfinity(single))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveLossWeight, value.Location, what, task,
                $"{Format(value.Value)}, which is {(single == 0 ? "0" : "infinity")} in float32 (the precision the loss is computed in; use a value between 1E-38 and 3E+38)"));
        }
    }

    private static void CheckFeatures(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        if (model.Features.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoFeatures, model.ModelAttributeLocation, model.ClassName));
        }

        foreach (FeatureDeclaration feature in model.Features)
        {
            if (feature.IsCategorical)
            {
                if (!feature.CardinalityFromData)
                {
                    CheckPositive(feature.Cardinality, $"The cardinality of feature '{feature.Name.Value}'", diagnostics);
                }

                if (feature.RepeatedEmbeddingDim is { } repeated)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RepeatedEmbeddingDim, repeated.Location, feature.Name.Value,
                        Format(feature.EmbeddingDim.Value), Format(repeated.Value)));
                }
                else if (feature.CardinalityFromData && !feature.EmbeddingDim.IsSet)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingEmbeddingDim, feature.AttributeLocation, feature.Name.Value));
                    continue;
                }

                CheckPositive(feature.EmbeddingDim, $"The embedding dimension of feature '{feature.Name.Value}'", diagnostics);
            }
            else
            {
                CheckPositive(feature.Width, $"The width of feature '{feature.Name.Value}'", diagnostics);
            }
        }
    }

    private static int CheckLevels(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        ArchitectureKind kind = model.Architecture;
        if (!model.Levels.IsSet)
        {
            return Defaults.Levels(kind);
        }

        int levels = model.Levels.Value;
        if (levels < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLevels, model.Levels.Location, Format(levels)));
            return -1;
        }

        if (levels > 1 && !Architectures.IsMultiLevel(kind))
        {
            string alternative = kind is ArchitectureKind.Mmoe or ArchitectureKind.Omoe ? "[MultiLevelMmoeModel]" : "[PleModel]";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ArchitectureAllowsOneLevel, model.Levels.Location,
                Architectures.DisplayName(kind), Format(levels), alternative));
            return -1;
        }

        if (levels > Limits.MaxLevels)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeBeyondLimits, model.Levels.Location, "Levels", Format(levels),
                Format(Limits.MaxLevels), "every level adds generated code and summary rows (the PLE paper uses up to 3 levels)"));
            return -1;
        }

        return levels;
    }

    private static void CheckDropout(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        double dropout = model.Dropout.Value;
        if (!(dropout >= 0 && dropout < 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DropoutOutOfRange, model.Dropout.Location, Format(dropout)));
        }
        else if ((float)dropout >= 1)
        {
            // The runtime draws dropout masks in float32, where this rounds to 1: every unit would be dropped.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DropoutOutOfRange, model.Dropout.Location,
                $"{Format(dropout)}, which is 1 in float32 (the precision dropout is applied in)"));
        }
    }

    private static void CheckExpertDeclarations(ModelDeclaration model, int levels, List<DiagnosticInfo> diagnostics)
    {
        ArchitectureKind kind = model.Architecture;
        string architecture = Architectures.DisplayName(kind);
        var scopes = new HashSet<(bool, string?, int)>();
        var taskNames = model.Tasks.Select(t => t.Name.Value).ToList();

        foreach (ExpertDeclaration experts in model.SharedExperts.Concat(model.TaskExperts))
        {
            if (experts.Count.IsSet && experts.Count.Value < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NegativeExpertCount, experts.Count.Location, Format(experts.Count.Value)));
            }
            else if (experts.Count.Value > Limits.MaxExpertCount)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeBeyondLimits, experts.Count.Location, "Count", Format(experts.Count.Value),
                    Format(Limits.MaxExpertCount), "the generated code and the summary list every expert of every level"));
            }

            if (experts.Units.Value is { } units)
            {
                if (units.Length == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyUnits, experts.Units.Location, experts.AttributeName));
                }
                else
                {
                    CheckUnits(units, experts.Units.Location, $"Every Units entry of [{experts.AttributeName}]", diagnostics);
                }
            }

            int level = experts.Level.Value;
            if (experts.Level.IsSet && levels > 0 && (level < -1 || level >= levels))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LevelOutOfRange, experts.Level.Location,
                    Format(level), Format(levels), Format(levels - 1)));
            }

            string? task = experts.Task.Value;
            if (experts.IsTaskExperts && task is not null && !taskNames.Contains(task))
            {
                string? similar = taskNames.FirstOrDefault(t => string.Equals(t, task, StringComparison.OrdinalIgnoreCase));
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTask, experts.Task.Location, task,
                    similar is null ? "" : $" (did you mean '{similar}'? names are case-sensitive)",
                    taskNames.Count == 0 ? "none" : string.Join(", ", taskNames.Select(t => "'" + t + "'"))));
            }

            if (!scopes.Add((experts.IsTaskExperts, task, level)))
            {
                string scope = (task is null ? "every task" : $"task '{task}'") + (level < 0 ? " at every level" : $" at level {level}");
                if (!experts.IsTaskExperts)
                {
                    scope = level < 0 ? "every level" : $"level {level}";
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateExpertScope, experts.AttributeLocation, experts.AttributeName, scope));
            }

            CheckArchitectureAgainstExperts(kind, architecture, experts, diagnostics);
        }
    }

    private static void CheckArchitectureAgainstExperts(ArchitectureKind kind, string architecture, ExpertDeclaration experts, List<DiagnosticInfo> diagnostics)
    {
        // Without Count the declaration's other arguments (Units) would be silently ignored: only Count = 0 says "none".
        bool countSet = experts.Count.IsSet;
        if (experts.IsTaskExperts && !Architectures.HasTaskExperts(kind) && (countSet ? experts.Count.Value > 0 : true))
        {
            string remedy = kind is ArchitectureKind.Mmoe or ArchitectureKind.MultiLevelMmoe or ArchitectureKind.Omoe
                ? $"remove [TaskExperts] (all {architecture} experts are shared), or use [CgcModel] / [PleModel]"
                : "remove [TaskExperts], or use [CgcModel] / [PleModel]";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ArchitectureExpertsContradiction, countSet ? experts.Count.Location : experts.AttributeLocation,
                architecture, "has no task-specific experts",
                countSet ? $"Count = {Format(experts.Count.Value)} task-specific experts" : "[TaskExperts], which would be ignored", remedy));
        }

        if (!experts.IsTaskExperts && Architectures.HasOneGate(kind) && experts.Count.IsSet && experts.Count.Value == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ArchitectureExpertsContradiction, experts.Count.Location,
                architecture, "has one gate over the shared experts and no other experts", "Count = 0",
                "give the gate at least one shared expert (Count = 1 or more)"));
        }

        if (!experts.IsTaskExperts && !Architectures.HasGates(kind) && experts.Count.IsSet && experts.Count.Value != 1 && experts.Count.Value >= 0)
        {
            string rule = Architectures.HasColumns(kind) ? "has one column of layers per task and no shared network ([SharedExperts] gives only the columns' Units)"
                : Architectures.HasTaskBottoms(kind) && !Architectures.HasSharedBottom(kind) ? "has one bottom network per task and no shared one ([SharedExperts] gives only their default Units)"
                : "has exactly one bottom network (one shared expert)";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ArchitectureExpertsContradiction, experts.Count.Location, architecture, rule,
                $"Count = {Format(experts.Count.Value)}", "set Count = 1 (or omit it), or use [MmoeModel] for several shared experts"));
        }

        if (experts.IsTaskExperts && Architectures.HasTaskBottoms(kind) && experts.Count.IsSet && experts.Count.Value != 1 && experts.Count.Value >= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ArchitectureExpertsContradiction, experts.Count.Location,
                architecture, "has exactly one bottom network per task (one task expert each)", $"Count = {Format(experts.Count.Value)}",
                "set Count = 1 (or omit it) and give the bottom's layers as Units, or use [CgcModel] for several task experts"));
        }
    }

    /// <summary>
    /// The settings of the column architectures: cross-stitch's SelfWeight; sluice's SelfWeight, Subspaces and
    /// OrthogonalityWeight, and the Losses member its penalty adds.
    /// </summary>
    private static void CheckColumnSettings(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        ArchitectureKind kind = model.Architecture;
        bool selfWeightInRange = model.SelfWeight.Value >= 0 && model.SelfWeight.Value <= 1;
        if (kind == ArchitectureKind.CrossStitch && !selfWeightInRange)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelfWeightOutOfRange, model.SelfWeight.Location, Format(model.SelfWeight.Value)));
        }

        if (kind != ArchitectureKind.Sluice)
        {
            return;
        }

        if (!selfWeightInRange)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SluiceSelfWeightOutOfRange, model.SelfWeight.Location, Format(model.SelfWeight.Value)));
        }

        if (model.Subspaces.Value < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SubspacesBelowOne, model.Subspaces.Location, Format(model.Subspaces.Value)));
        }

        double weight = model.OrthogonalityWeight.Value;
        if (!(weight >= 0) || double.IsInfinity(weight) || float.IsInfinity((float)weight) || (weight > 0 && (float)weight == 0))
        {
            // The loss is computed in float32: a weight that rounds to 0 or overflows would silently drop the penalty or make the loss infinite.
            string value = !(weight >= 0) || double.IsInfinity(weight) ? Format(weight)
                : $"{Format(weight)}, which is {((float)weight == 0 ? "0" : "infinity")} in float32 (the precision the loss is computed in; use 0 or a value between 1E-38 and 3E+38)";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OrthogonalityWeightOutOfRange, model.OrthogonalityWeight.Location, value));
            return;
        }

        if (weight > 0 && model.Subspaces.Value == 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OrthogonalityWithoutSubspaces, model.OrthogonalityWeight.Location, Format(weight)));
        }

        foreach (TaskDeclaration task in model.Tasks.Where(t => weight > 0 && Identifiers.Problem(t.Name.Value) is null && Identifiers.ToPascalCase(t.Name.Value) == Identifiers.OrthogonalityLoss))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, task.Name.Location, "Task", task.Name.Value, Identifiers.OrthogonalityLoss,
                $"the orthogonality penalty of the joint loss (Losses.{Identifiers.OrthogonalityLoss}), which this model has because OrthogonalityWeight > 0"));
        }
    }

    /// <summary>Sluice's columns: one width for every layer (the beta mix sums them), each divisible by Subspaces.</summary>
    private static void CheckSluiceLayers(ModelDeclaration model, ResolvedExperts layers, List<DiagnosticInfo> diagnostics)
    {
        int[] units = layers.Units;
        LocationInfo? location = layers.UnitsLocation ?? model.Subspaces.Location ?? model.ModelAttributeLocation;
        if (units.Distinct().Count() > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SluiceLayerWidthMismatch, location,
                string.Join(", ", units.Select(Format)), string.Join(", ", units.Select(_ => Format(units[0])))));
        }

        int subspaces = model.Subspaces.Value;
        long size = (long)model.Tasks.Count * subspaces, elements = size * size;
        if (elements > Limits.MaxTensorElements)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeBeyondLimits, model.Subspaces.Location ?? location,
                $"Every alpha unit ([tasks * Subspaces, tasks * Subspaces] = [{Format(size)}, {Format(size)}])", elements.ToString("N0", CultureInfo.InvariantCulture) + " elements",
                Limits.MaxTensorElements.ToString("N0", CultureInfo.InvariantCulture), "every parameter tensor is one .NET array"));
        }

        var split = units.Select((width, layer) => (Width: width, Layer: layer)).Where(l => l.Width % subspaces != 0).ToList();
        if (split.Count > 0)
        {
            var related = location != model.Subspaces.Location && model.Subspaces.Location is { } argument ? new[] { argument }.ToEquatableArray() : EquatableArray<LocationInfo>.Empty;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnitsNotDivisibleBySubspaces, location, Format(subspaces),
                string.Join(", ", split.Select(l => $"layer {Format(l.Layer)} has {Format(l.Width)} units"))) with { RelatedLocations = related });
        }
    }

    /// <summary>[TaskDependency]: only on asymmetric sharing, known tasks, at most one per task, no task itself, no repeats.</summary>
    private static void CheckDependencies(ModelDeclaration model, List<DiagnosticInfo> diagnostics)
    {
        var taskNames = model.Tasks.Select(t => t.Name.Value).ToList();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (DependencyDeclaration dependency in model.Dependencies)
        {
            if (model.Architecture != ArchitectureKind.AsymmetricSharing)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DependencyWithoutTaskBottoms, dependency.AttributeLocation,
                    $"[{Architectures.AttributeName(model.Architecture)}]"));
                continue;
            }

            string task = dependency.Task.Value ?? "";
            bool known = CheckKnownTask(task, dependency.Task.Location, taskNames, diagnostics);
            if (known && !declared.Add(task))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContradictoryDependency, dependency.AttributeLocation, task,
                    "is declared twice", "list all of its dependencies in one [TaskDependency]"));
            }

            string[] dependsOn = dependency.DependsOn.Value ?? new string[0];
            if (dependsOn.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContradictoryDependency, dependency.DependsOn.Location ?? dependency.AttributeLocation, task,
                    "lists no task to depend on", "name them, e.g. DependsOn = [\"cvr\"], or remove the attribute (the tower then reads its own bottom only)"));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string other in dependsOn)
            {
                if (!CheckKnownTask(other, dependency.DependsOn.Location, taskNames, diagnostics))
                {
                    continue;
                }

                if (other == task)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContradictoryDependency, dependency.DependsOn.Location, task,
                        $"lists '{task}' itself", "remove it: a task's tower always reads its own bottom"));
                }
                else if (!seen.Add(other))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContradictoryDependency, dependency.DependsOn.Location, task,
                        $"lists '{other}' twice", "list each task once"));
                }
            }
        }
    }

    private static bool CheckKnownTask(string task, LocationInfo? location, List<string> taskNames, List<DiagnosticInfo> diagnostics)
    {
        if (taskNames.Contains(task))
        {
            return true;
        }

        string? similar = taskNames.FirstOrDefault(t => string.Equals(t, task, StringComparison.OrdinalIgnoreCase));
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDependencyTask, location, task,
            similar is null ? "" : $" (did you mean '{similar}'? names are case-sensitive)",
            taskNames.Count == 0 ? "none" : string.Join(", ", taskNames.Select(t => "'" + t + "'"))));
        return false;
    }

    /// <summary>Asymmetric sharing with Fusion.Sum or Mean: a task's bottom and those it reads must end with one width.</summary>
    private static void CheckFusionWidths(ModelDeclaration model, ExpertResolver resolver, List<DiagnosticInfo> diagnostics)
    {
        foreach (DependencyDeclaration dependency in model.Dependencies)
        {
            int task = model.Tasks.FindIndex(t => t.Name.Value == dependency.Task.Value);
            var read = new[] { task }.Concat((dependency.DependsOn.Value ?? new string[0]).Select(n => model.Tasks.FindIndex(t => t.Name.Value == n))).ToList();
            var widths = read.Select(k => (Name: model.Tasks[k].Name.Value, Bottom: resolver.ForTask(k, 0))).ToList();
            if (widths.Select(w => w.Bottom.Width).Distinct().Count() > 1)
            {
                var related = widths.Select(w => w.Bottom.UnitsLocation).Where(l => l is not null).Select(l => l!).Distinct().ToEquatableArray();
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FusionWidthMismatch, dependency.DependsOn.Location ?? dependency.AttributeLocation,
                    model.Fusion.Value.ToString(), dependency.Task.Value ?? "", string.Join(", ", widths.Select(w => $"'{w.Name}' outputs {w.Bottom.Width}"))) with { RelatedLocations = related });
            }
        }
    }

    private static void CheckGates(ModelDeclaration model, ExpertResolver resolver, int levels, List<DiagnosticInfo> diagnostics)
    {
        // One width mismatch usually has one cause, a Units argument inherited by every task and level: collect the
        // gates per argument at fault and report each argument once, listing its gates (the other side as related).
        var mismatches = new List<WidthMismatch>();
        for (int level = 0; level < levels; level++)
        {
            var shared = resolver.Shared(level);
            var widths = new List<(string Owner, int Count, int Width, LocationInfo? Units)> { ("shared", shared.Count, shared.Width, shared.UnitsLocation) };
            for (int task = 0; task < model.Tasks.Count; task++)
            {
                string name = model.Tasks[task].Name.Value;
                var own = resolver.ForTask(task, level);
                widths.Add((name, own.Count, own.Width, own.UnitsLocation));
                if (own.Count + shared.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyGate, shared.CountLocation ?? model.ModelAttributeLocation,
                        name, Format(level)));
                }
                else if (own.Count > 0 && shared.Count > 0 && own.Width != shared.Width)
                {
                    mismatches.Add(new WidthMismatch(own.UnitsLocation ?? shared.UnitsLocation ?? model.ModelAttributeLocation, shared.UnitsLocation,
                        $"task '{name}' at level {level}", $"'{name}' experts output {own.Width}, shared experts {shared.Width}"));
                }
            }

            bool hasSharedGate = level < levels - 1;
            var mixed = widths.Where(w => w.Count > 0).ToList();
            if (hasSharedGate && mixed.Select(w => w.Width).Distinct().Count() > 1)
            {
                // At fault: the declarations whose width differs from the shared experts' (else the first that differs).
                int reference = mixed[0].Width;
                var odd = mixed.Where(w => w.Width != reference).ToList();
                mismatches.Add(new WidthMismatch(odd[0].Units ?? model.ModelAttributeLocation, mixed[0].Units,
                    $"the shared gate at level {level}", string.Join(", ", mixed.Select(w => $"{w.Owner} experts output {w.Width}"))));
            }
        }

        foreach (var group in mismatches.GroupBy(m => m.Location))
        {
            var gates = group.Select(m => m.Gate).ToList();
            string what = gates.Count == 1 ? "The gate of " + gates[0] : $"{gates.Count} gates ({string.Join("; ", gates)})";
            var related = group.Select(m => m.Other).Where(l => l is not null && l != group.Key).Select(l => l!).Distinct().ToEquatableArray();
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExpertWidthMismatch, group.Key, what,
                string.Join("; ", group.Select(m => m.Widths).Distinct())) with { RelatedLocations = related });
        }
    }

    private sealed record WidthMismatch(LocationInfo? Location, LocationInfo? Other, string Gate, string Widths);

    private static void CheckUnits(int[] units, LocationInfo? location, string what, List<DiagnosticInfo> diagnostics)
    {
        foreach (int unit in units)
        {
            if (unit <= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, what, Format(unit)));
                return;
            }
        }
    }

    private static void CheckPositive(Arg<int> value, string what, List<DiagnosticInfo> diagnostics)
    {
        if (value.Value <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, value.Location, what, Format(value.Value)));
        }
    }

    private static string Capitalize(string what) => char.ToUpperInvariant(what[0]) + what.Substring(1);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
