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
            switch (step)
            {
                case InputStep input:
                    w.Line($"{flavor.Tensor} {input.Output.Name} = {flavor.Input(plan, input)};");
                    break;
                case GateStep gate:
                    w.Line($"{flavor.Tensor} {gate.Weights.Name} = {flavor.GateWeights(gate)};");
                    if (flavor.GateRecorder is not null)
                    {
                        w.Line($"{flavor.GateRecorder}({String(gate.Gate.Path)}, {gate.Weights.Name}, {gate.Gate.ExpertsField});");
                    }

                    w.Line($"{flavor.Tensor} {gate.Output.Name} = {flavor.GateMix(gate)};");
                    break;
                case ExpertBankStep bank:
                    w.Line($"{flavor.Tensor} {bank.Output.Name} = {flavor.Network(bank.Bank, bank.Input.Name)};");
                    break;
                case BottomStep bottom:
                    w.Line($"{flavor.Tensor} {bottom.Output.Name} = {flavor.Network(bottom.Network, bottom.Input.Name)};");
                    break;
                case TowerStep tower:
                    w.Line($"{flavor.Tensor} {tower.Output.Name} = {flavor.Network(tower.Network, tower.Input.Name)};");
                    break;
            }
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

    /// <summary>The bank outputs a gate mixes, in order.</summary>
    public static string Banks(GateStep gate) => string.Join(", ", gate.Banks.Select(b => b.Name));
}
