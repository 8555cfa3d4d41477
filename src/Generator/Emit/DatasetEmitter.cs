namespace PleGen.Generator.Emit;

/// <summary>
/// The data types of a model or task group: Batch and Labels (managed flavor) and the Dataset that mini-batches are
/// gathered from. Generated once per owner: every model over a task group takes the group's.
/// </summary>
internal static class DatasetEmitter
{
    public static void Emit(SourceWriter w, DataTypesPlan data)
    {
        var flavor = new ManagedDataFlavor(data.Owner.Name);
        DataTypesEmitter.EmitBatch(w, data, flavor, $"One batch of inputs for <see cref=\"{data.Owner.Identifier}\"/>: one member per declared feature.");
        DataTypesEmitter.EmitLabels(w, data, flavor, "One batch of labels: one member per task, and a 0/1 mask for tasks with their own sample space (PLE Eq. 9).");
        EmitDataset(w, data);
        CardinalitiesEmitter.Emit(w, data);
    }

    /// <summary>A whole group's file: its data types inside the partial group class.</summary>
    public static string EmitFile(DataTypesPlan data) => GeneratedFile.Write(data.Owner, ": the data types of its models", TypeNames.Managed, () => "", w => Emit(w, data));

    /// <summary>
    /// <c>FromColumns</c>: binding by name, each declared feature (and, for a Dataset, task) asks the column source for
    /// its column(s), so columns cannot be swapped; then the constructor's checks run.
    /// </summary>
    public static void EmitFromColumns(SourceWriter w, DataTypesPlan data, string type, bool withLabels)
    {
        w.Line("/// <summary>");
        w.Line($"/// The {(withLabels ? "data set" : "batch")} bound by name from <paramref name=\"columns\"/> (e.g. a <c>PleGen.Runtime.Data.PreparedTable</c>): every declared");
        w.Line($"/// feature{(withLabels ? " and task" : "")} takes the column(s) of its name, or of the source's mapping for it, then the constructor's checks run.");
        w.Line("/// </summary>");
        using (w.Block($"public static {type} FromColumns({Type("IColumnSource")} columns)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(columns);");
            var arguments = data.Features.Select(f => f.CardinalityFromData
                    ? $"columns.Categorical({String(f.Name)})"
                    : f.IsCategorical
                    ? $"columns.Categorical({String(f.Name)}, {f.Cardinality})"
                    : $"columns.Dense({String(f.Name)}, {f.Width})")
                .Concat(withLabels ? data.LabelArguments(
                    t => $"columns.Labels({String(t.Name)}, {Type("TaskKind")}.{(t.IsBinary ? "Binary" : "Regression")})",
                    t => $"columns.Mask({String(t.Name)})") : Enumerable.Empty<string>())
                .ToList();
            w.Line($"return new {type}(");
            for (int i = 0; i < arguments.Count; i++)
            {
                w.Line("    " + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
            }
        }
    }

    private static void EmitDataset(SourceWriter w, DataTypesPlan data)
    {
        w.Line("/// <summary>A whole data set as columns (features and labels), checked once; mini-batches are gathered from it by row.</summary>");
        using (w.Block("public sealed class Dataset"))
        {
            // Features and tasks are separate namespaces, but here they share one parameter list: a label whose
            // name a feature already took becomes "{task}Labels", like the property it fills.
            var names = new UniqueNames();
            string[] featureParameters = data.Features.Select(f => names.Claim(CamelCase.From(f.Identifier))).ToArray();
            string[] labelParameters = data.Tasks.Select(t => names.Claim(CamelCase.From(t.Identifier), CamelCase.From(t.Identifier + "Labels"))).ToArray();
            string?[] maskParameters = data.Tasks.Select(t => t.Masked ? names.Claim(CamelCase.From(t.Identifier) + "Mask", CamelCase.From(t.Identifier + "LabelsMask")) : null).ToArray();
            var parameters = data.Features.Select((f, i) => (f.IsCategorical ? "int[] " : "float[] ") + featureParameters[i])
                .Concat(data.LabelArguments(t => "float[] " + labelParameters[t.Index], t => "float[]? " + maskParameters[t.Index] + " = null"));
            w.Line("/// <summary>Wraps the columns (not copied) after checking them like a <see cref=\"Batch\"/> and <see cref=\"Labels\"/>.</summary>");
            using (w.Block($"public Dataset({string.Join(", ", parameters)})"))
            {
                string labels = string.Join(", ", data.LabelArguments(t => labelParameters[t.Index], t => maskParameters[t.Index]!));
                w.Line($"Count = new Batch({string.Join(", ", featureParameters)}).BatchSize;");
                w.Line($"{Type("InputChecks")}.SameDatasetSize({String(data.Owner.Name)}, Count, new Labels({labels}).BatchSize);");
                for (int i = 0; i < data.Features.Count; i++)
                {
                    w.Line($"{CamelCase.Field(data.Features[i].Identifier)} = {featureParameters[i]};");
                }

                foreach (TaskSpec t in data.Tasks)
                {
                    w.Line($"{t.Identifier}Labels = {labelParameters[t.Index]};");
                    if (t.Masked)
                    {
                        w.Line($"{t.Identifier}Mask = {maskParameters[t.Index]};");
                    }
                }
            }

            w.Line();
            EmitFromColumns(w, data, "Dataset", withLabels: true);
            w.Line();
            foreach (FeatureSpec f in data.Features)
            {
                w.Line($"private readonly {(f.IsCategorical ? "int[]" : "float[]")} {CamelCase.Field(f.Identifier)};");
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int Count { get; }");
            foreach (TaskSpec t in data.Tasks)
            {
                w.Line();
                w.Line($"/// <summary>Every label of \"{t.Name}\".</summary>");
                w.Line($"public float[] {t.Identifier}Labels {{ get; }}");
                if (t.Masked)
                {
                    w.Line();
                    w.Line($"/// <summary>The sample-space mask of \"{t.Name}\", or null for every sample.</summary>");
                    w.Line($"public float[]? {t.Identifier}Mask {{ get; }}");
                }
            }

            w.Line();
            w.Line("/// <summary>The features of the given rows, as a batch (copied).</summary>");
            using (w.Block("public Batch Features(global::System.ReadOnlySpan<int> rows)"))
            {
                var gathered = data.Features.Select(f => f.IsCategorical
                    ? $"{Type("Rows")}.Gather({CamelCase.Field(f.Identifier)}, rows)"
                    : $"{Type("Rows")}.Gather({CamelCase.Field(f.Identifier)}, {f.Width}, rows)");
                w.Line($"return new Batch({string.Join(", ", gathered)});");
            }

            w.Line();
            w.Line("/// <summary>The labels of the given rows (copied).</summary>");
            using (w.Block("public Labels Targets(global::System.ReadOnlySpan<int> rows)"))
            {
                var args = data.LabelArguments(t => $"{Type("Rows")}.Gather({t.Identifier}Labels, 1, rows)", t => $"{t.Identifier}Mask is null ? null : {Type("Rows")}.Gather({t.Identifier}Mask, 1, rows)");
                w.Line($"return new Labels({string.Join(", ", args)});");
            }
        }
    }
}
