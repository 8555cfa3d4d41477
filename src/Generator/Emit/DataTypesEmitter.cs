namespace PleGen.Generator.Emit;

/// <summary>
/// Batch, Labels, Output and Losses for either flavor (<see cref="DataFlavor"/> supplies what differs), and the managed
/// Dataset. Each type: its constructors, BatchSize, one documented member per feature or task, flavor extras.
/// </summary>
internal static class DataTypesEmitter
{
    public static void EmitBatch(SourceWriter w, DataTypesPlan data, DataFlavor flavor, string summary)
    {
        var members = data.Features.Select(f => (flavor.BatchMemberDoc(f), $"public {flavor.BatchMemberType(f)} {f.Identifier} {{ get; }}"));
        Holder(w, summary, "Batch", () => flavor.BatchConstructors(w, data), BatchSize.Concat(members), () => flavor.BatchExtras(w, data));
    }

    public static void EmitLabels(SourceWriter w, DataTypesPlan data, DataFlavor flavor, string summary)
    {
        var members = new List<(string Doc, string Declaration)>();
        foreach (TaskSpec t in data.Tasks)
        {
            members.Add(($"Labels of \"{t.Name}\" [batch]{(t.IsBinary ? ", 0 or 1" : "")}.", $"public {flavor.Tensor} {t.Identifier} {{ get; }}"));
            if (t.Masked)
            {
                members.Add(($"Sample-space mask of \"{t.Name}\" [batch] of 0/1, or null for every sample.", $"public {flavor.Tensor}? {t.Identifier}Mask {{ get; }}"));
            }
        }

        Holder(w, summary, "Labels", () => flavor.LabelsConstructors(w, data), BatchSize.Concat(members), () => flavor.LabelsExtras(w, data));
    }

    public static void EmitOutput(SourceWriter w, EquatableArray<TaskSpec> tasks, DataFlavor flavor)
    {
        var members = new List<(string Doc, string Declaration)>();
        foreach (TaskSpec t in tasks)
        {
            members.Add((t.IsBinary ? $"Logit of \"{t.Name}\" {flavor.OutputShape}." : $"Predicted value of \"{t.Name}\" {flavor.OutputShape}.", $"public {flavor.Tensor} {t.Identifier} {{ get; }}"));
            if (t.IsBinary)
            {
                members.Add(($"Probability of \"{t.Name}\" {flavor.OutputShape} (sigmoid of the logit).", $"public {flavor.Tensor} {t.ProbabilityMember} {{ get; }}"));
            }
        }

        void Constructor()
        {
            string batchSize = flavor.OutputBatchSize(tasks, out string? parameter);
            var parameters = (parameter is null ? new string[0] : new[] { parameter }).Concat(tasks.Select(t => $"{flavor.Tensor} {CamelCase.From(t.Identifier)}"));
            using (w.Block($"internal Output({string.Join(", ", parameters)})"))
            {
                w.Line(batchSize);
                foreach (TaskSpec t in tasks)
                {
                    w.Line($"{t.Identifier} = {CamelCase.From(t.Identifier)};");
                    if (t.IsBinary)
                    {
                        w.Line($"{t.ProbabilityMember} = {flavor.Sigmoid(CamelCase.From(t.Identifier))};");
                    }
                }
            }
        }

        Holder(w, $"The model's predictions for one batch: per binary task a logit and a probability, per regression task a value, each {flavor.OutputShape}.",
            "Output", Constructor, BatchSize.Concat(members), () => flavor.OutputExtras(w, tasks));
    }

    public static void EmitLosses(SourceWriter w, ModelPlan plan, DataFlavor flavor)
    {
        bool penalty = LossEmitter.HasPenalty(plan);
        string total = "sum over tasks of w_k(t) * L_k" + (penalty ? ", plus OrthogonalityWeight * Orthogonality" : "");
        var members = new List<(string Doc, string Declaration)> { ($"{total}: call {flavor.Backward} on it to train.", $"public {flavor.Tensor} Total {{ get; }}") };
        members.AddRange(plan.Losses.Select(term => (Doc(plan, term), $"public {flavor.Tensor} {LossEmitter.Member(plan, term)} {{ get; }}")));

        void Constructor()
        {
            var parameters = plan.Losses.Select(term => $"{flavor.Tensor} {CamelCase.From(LossEmitter.Member(plan, term))}");
            using (w.Block($"internal Losses({flavor.Tensor} total, {string.Join(", ", parameters)})"))
            {
                w.Line("Total = total;");
                foreach (LossTerm term in plan.Losses)
                {
                    w.Line($"{LossEmitter.Member(plan, term)} = {CamelCase.From(LossEmitter.Member(plan, term))};");
                }
            }
        }

        Holder(w, penalty ? "The joint loss of one batch, each task's part and the orthogonality penalty (before weighting)." : "The joint loss of one batch and each task's part (before weighting).",
            "Losses", Constructor, members, () => { });
    }

    private static string Doc(ModelPlan plan, LossTerm term)
    {
        if (term is TaskLossTerm task)
        {
            TaskSpec t = plan.Tasks[task.Task];
            return $"{(t.IsBinary ? "Binary cross-entropy" : "Mean squared error")} of \"{t.Name}\"{(t.Masked ? " over its sample space" : "")}.";
        }

        return "Orthogonality penalty of the sluice subspaces: over every layer of every column, sum_{s &lt; r} ||W_s W_r^T||_F^2 (W_s: the weight rows of subspace s).";
    }

    private static IEnumerable<(string Doc, string Declaration)> BatchSize => new[] { ("Number of samples.", "public int BatchSize { get; }") };

    private static void Holder(SourceWriter w, string summary, string name, Action constructors, IEnumerable<(string Doc, string Declaration)> members, Action extras)
    {
        w.Line($"/// <summary>{summary}</summary>");
        using (w.Block($"public sealed class {name}"))
        {
            constructors();
            foreach (var (doc, declaration) in members)
            {
                w.Line();
                w.Line($"/// <summary>{doc}</summary>");
                w.Line(declaration);
            }

            extras();
        }

        w.Line();
    }
}
