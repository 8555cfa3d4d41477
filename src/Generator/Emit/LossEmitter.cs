namespace PleGen.Generator.Emit;

/// <summary>The parts of the joint loss both flavors write alike: its documentation, its entry checks and the weighted sum, one statement per term.</summary>
internal static class LossEmitter
{
    public static void Documentation(SourceWriter w)
    {
        w.Line("/// <summary>");
        w.Line("/// The joint loss sum_k w_k(epoch) * L_k: binary cross-entropy on logits or mean squared error per task, each averaged");
        w.Line("/// over the task's sample space when it has a mask (PLE Eq. 9), weighted as PLE Eq. 10.");
        w.Line("/// </summary>");
    }

    public static void Checks(SourceWriter w, ModelPlan plan)
    {
        w.Line("global::System.ArgumentNullException.ThrowIfNull(output);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(labels);");
        w.Line($"{Type("InputChecks")}.SameBatch({String(plan.Model.Name)}, output.BatchSize, labels.BatchSize);");
    }

    /// <summary>
    /// <c>total</c> = the first weighted term, then one statement adding each further term; a weight that is 1 at every
    /// epoch is left out. Ends with the return of the Losses.
    /// </summary>
    public static void Total(SourceWriter w, ModelPlan plan, string tensor, Func<string, string, string> scale, Func<string, string, string> add)
    {
        for (int i = 0; i < plan.Losses.Count; i++)
        {
            LossTerm term = plan.Losses[i];
            TaskSpec t = plan.Tasks[term.Task];
            string loss = "loss" + t.Identifier;
            string weighted = !term.Decays && term.Weight == 1.0 ? loss : scale(loss, $"{t.Identifier}LossWeight(epoch)");
            w.Line(i == 0 ? $"{tensor} total = {weighted};" : $"total = {add("total", weighted)};");
        }

        w.Line($"return new Losses(total, {string.Join(", ", plan.Tasks.Select(t => "loss" + t.Identifier))});");
    }
}
