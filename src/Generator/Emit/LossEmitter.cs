using PleGen.Generator.Validation;

namespace PleGen.Generator.Emit;

/// <summary>The parts of the joint loss both flavors write alike: its documentation, its entry checks and the weighted sum, one statement per term.</summary>
internal static class LossEmitter
{
    public static void Documentation(SourceWriter w, ModelPlan plan)
    {
        w.Line("/// <summary>");
        w.Line("/// The joint loss sum_k w_k(epoch) * L_k: binary cross-entropy on logits or mean squared error per task, each averaged");
        w.Line("/// over the task's sample space when it has a mask (PLE Eq. 9), weighted as PLE Eq. 10" + (HasPenalty(plan) ? "; plus OrthogonalityWeight times" : "."));
        if (HasPenalty(plan))
        {
            w.Line("/// the orthogonality penalty of the sluice subspaces (Losses.Orthogonality), which does not depend on the batch.");
        }

        w.Line("/// </summary>");
    }

    public static void Checks(SourceWriter w, ModelPlan plan)
    {
        w.Line("global::System.ArgumentNullException.ThrowIfNull(output);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(labels);");
        w.Line($"{Type("InputChecks")}.SameBatch({String(plan.Model.Name)}, output.BatchSize, labels.BatchSize);");
    }

    /// <summary>The member of Losses that holds a term before weighting: its task's identifier, or Orthogonality.</summary>
    public static string Member(ModelPlan plan, LossTerm term) => term is TaskLossTerm task ? plan.Tasks[task.Task].Identifier : Identifiers.OrthogonalityLoss;

    /// <summary>The local a term is computed into: "loss" and its member.</summary>
    public static string Local(ModelPlan plan, LossTerm term) => "loss" + Member(plan, term);

    /// <summary>Whether the joint loss adds a penalty on the parameters to the tasks' terms.</summary>
    public static bool HasPenalty(ModelPlan plan) => plan.Losses.Any(t => t is OrthogonalityLossTerm);

    /// <summary>
    /// <c>total</c> = the first weighted term, then one statement adding each further term; a weight that is 1 at every
    /// epoch is left out. Ends with the return of the Losses.
    /// </summary>
    public static void Total(SourceWriter w, ModelPlan plan, string tensor, Func<string, string, string> scale, Func<string, string, string> add)
    {
        for (int i = 0; i < plan.Losses.Count; i++)
        {
            LossTerm term = plan.Losses[i];
            string? weight = term switch
            {
                TaskLossTerm { Decays: false, Weight: 1.0 } => null,
                TaskLossTerm task => $"{plan.Tasks[task.Task].Identifier}LossWeight(epoch)",
                _ => "OrthogonalityWeight",
            };
            string weighted = weight is null ? Local(plan, term) : scale(Local(plan, term), weight);
            w.Line(i == 0 ? $"{tensor} total = {weighted};" : $"total = {add("total", weighted)};");
        }

        w.Line($"return new Losses(total, {string.Join(", ", plan.Losses.Select(t => Local(plan, t)))});");
    }
}
