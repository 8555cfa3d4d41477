namespace PleGen.Generator.Emit;

/// <summary>What a flavor writes for each kind of forward step; <see cref="ForwardEmitter"/> walks the plan.</summary>
internal abstract class ForwardFlavor
{
    public abstract string Tensor { get; }

    /// <summary>The method a gate's weights are recorded with (expert utilization), or null when the flavor records none.</summary>
    public abstract string? GateRecorder { get; }

    /// <summary>The input vector: embeddings looked up and concatenated with the dense features.</summary>
    public abstract string Input(ModelPlan plan, InputStep step);

    /// <summary>An expert bank, a bottom network or a tower applied to <paramref name="input"/>.</summary>
    public abstract string Network(PlanModule module, string input);

    public abstract string GateWeights(GateStep step);

    public abstract string GateMix(GateStep step);

    /// <summary>A fusion of values: their concatenation along the features, sum or mean.</summary>
    public abstract string Fusion(FusionStep step);

    /// <summary>Output <paramref name="row"/> of a cross-stitch unit: its alpha's row applied to the step's inputs.</summary>
    public string CrossStitch(CrossStitchStep step, int row) => Mix("CrossStitch", step.Unit, $"{row}, ", step.Inputs);

    /// <summary>Task <paramref name="task"/>'s output of a sluice alpha unit: its rows of alpha applied to the step's inputs' subspaces.</summary>
    public string SubspaceMix(SubspaceMixStep step, int task) => Mix("SubspaceMix", step.Unit, $"{task}, subspaces: {step.Unit.Subspaces}, ", step.Inputs);

    /// <summary>A sluice beta unit: its task's weighted sum of the step's inputs.</summary>
    public string LayerMix(LayerMixStep step) => Mix("LayerMix", step.Mix, "", step.Inputs);

    /// <summary>
    /// The flavor's mixing operation <paramref name="op"/> (each flavor has one of that name) on the learned weights of
    /// <paramref name="module"/>, then <paramref name="arguments"/> (empty, or ending with ", "), then <paramref name="inputs"/>.
    /// </summary>
    protected abstract string Mix(string op, PlanModule module, string arguments, EquatableArray<PlanValue> inputs);
}

/// <summary>The body of a forward pass: one statement per plan step (three for a gate), under a comment per section.</summary>
internal static class ForwardEmitter
{
    /// <summary>The forward method: entry check, the steps, the Output of the towers (after <paramref name="outputPrefix"/> arguments).</summary>
    public static void Method(SourceWriter w, ModelPlan plan, ForwardFlavor flavor, string summary, string signature, string outputPrefix)
    {
        w.Line($"/// <summary>{summary}</summary>");
        using (w.Block(signature))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(batch);");
            Steps(w, plan, flavor);
            w.Line($"return new Output({outputPrefix}{string.Join(", ", plan.Steps.OfType<TowerStep>().Select(t => t.Output.Name))});");
        }

        w.Line();
    }

    /// <summary>One statement per plan step (three for a gate: weights, record, mix), under a comment per section.</summary>
    public static void Steps(SourceWriter w, ModelPlan plan, ForwardFlavor flavor)
    {
        var sections = new SectionComments(w);
        foreach (PlanStep step in plan.Steps)
        {
            sections.Enter(step);
            if (step is GateStep gate)
            {
                w.Line($"{flavor.Tensor} {gate.Weights.Name} = {flavor.GateWeights(gate)};");
                if (flavor.GateRecorder is not null)
                {
                    w.Line($"{flavor.GateRecorder}({String(gate.Gate.Path)}, {gate.Weights.Name}, {gate.Gate.ExpertsField});");
                }

                w.Line($"{flavor.Tensor} {gate.Output.Name} = {flavor.GateMix(gate)};");
                continue;
            }

            if (step is CrossStitchStep or SubspaceMixStep)
            {
                // A mix across the columns: one statement per column's output.
                var outputs = step.Produces.ToList();
                for (int k = 0; k < outputs.Count; k++)
                {
                    string mix = step is CrossStitchStep stitch ? flavor.CrossStitch(stitch, k) : flavor.SubspaceMix((SubspaceMixStep)step, k);
                    w.Line($"{flavor.Tensor} {outputs[k].Name} = {mix};");
                }

                continue;
            }

            // Every other step computes one value.
            var (output, expression) = step switch
            {
                InputStep input => (input.Output, flavor.Input(plan, input)),
                ExpertBankStep bank => (bank.Output, flavor.Network(bank.Bank, bank.Input.Name)),
                BottomStep bottom => (bottom.Output, flavor.Network(bottom.Network, bottom.Input.Name)),
                LayerStep layer => (layer.Output, flavor.Network(layer.Layer, layer.Input.Name)),
                TowerStep tower => (tower.Output, flavor.Network(tower.Network, tower.Input.Name)),
                FusionStep fusion => (fusion.Output, flavor.Fusion(fusion)),
                LayerMixStep mix => (mix.Output, flavor.LayerMix(mix)),
                _ => throw new System.ArgumentOutOfRangeException(nameof(plan), step.GetType().Name, "Unknown step kind."),
            };
            w.Line($"{flavor.Tensor} {output.Name} = {expression};");
        }
    }

    /// <summary>The input vector's parts, joined by <paramref name="concat"/> when there are several.</summary>
    public static string Input(ModelPlan plan, InputStep step, System.Func<FeatureSpec, EmbeddingModule, string> embed, System.Func<string, string> concat)
    {
        var parts = step.Parts.Select(part =>
        {
            FeatureSpec f = plan.Features[part.Feature];
            return part.Embedding is null ? "batch." + f.Identifier : embed(f, part.Embedding);
        }).ToList();
        return parts.Count == 1 ? parts[0] : concat($"new[] {{ {string.Join(", ", parts)} }}");
    }

    /// <summary>
    /// A fusion written with a flavor's operations: <paramref name="concat"/> of the parts' array; the sum as a chain of
    /// <paramref name="add"/>; the mean as that sum through <paramref name="scale"/> by 1/n (both flavors multiply by the
    /// same float, so they round alike).
    /// </summary>
    public static string Fusion(FusionStep step, System.Func<string, string> concat, System.Func<string, string, string> add, System.Func<string, string, string> scale)
    {
        var parts = step.Inputs.Select(v => v.Name).ToList();
        if (step.Kind == Parsing.FusionValue.Concat)
        {
            return concat($"new[] {{ {string.Join(", ", parts)} }}");
        }

        string sum = parts.Skip(1).Aggregate(parts[0], add);
        return step.Kind == Parsing.FusionValue.Sum ? sum : scale(sum, Float(1.0 / parts.Count));
    }

    /// <summary>The values a step reads, comma-separated, in order.</summary>
    public static string Names(IEnumerable<PlanValue> values) => string.Join(", ", values.Select(v => v.Name));

    /// <summary>The bank outputs a gate mixes, in order.</summary>
    public static string Banks(GateStep gate) => string.Join(", ", gate.Banks.Select(b => b.Name));
}
