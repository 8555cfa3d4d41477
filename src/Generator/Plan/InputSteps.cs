namespace PleGen.Generator.Plan;

/// <summary>
/// The input vector(s): one shared by every module, or one per task in a single-task model (whose tasks share nothing,
/// not even embedding tables: "embeddings.{task}.{feature}").
/// </summary>
internal sealed class InputSteps
{
    private readonly PlanValue[] _perTask;

    private InputSteps(List<PlanStep> steps, PlanValue[] perTask)
    {
        Steps = steps;
        _perTask = perTask;
    }

    public List<PlanStep> Steps { get; }

    /// <summary>The input vector task <paramref name="task"/>'s modules read.</summary>
    public PlanValue For(int task) => _perTask[task];

    /// <summary>The input vector shared modules read (the first task's in a single-task model, which has none).</summary>
    public PlanValue Shared => _perTask[0];

    public static InputSteps Build(DataTypesPlan data, bool perTask, PlanNames names)
    {
        int width = data.Features.Sum(f => f.Width);
        var steps = new List<PlanStep>();
        var values = new PlanValue[data.Tasks.Count];
        if (!perTask)
        {
            var value = new PlanValue(PlanNames.Input, "input", width);
            steps.Add(new InputStep("Input", value, Parts(data, null, names)));
            for (int t = 0; t < values.Length; t++)
            {
                values[t] = value;
            }
        }
        else
        {
            foreach (TaskSpec task in data.Tasks)
            {
                values[task.Index] = new PlanValue(names.TaskInputLocal(task), "input", width);
                steps.Add(new InputStep("Input", values[task.Index], Parts(data, task, names)));
            }
        }

        return new InputSteps(steps, values);
    }

    private static EquatableArray<InputPart> Parts(DataTypesPlan data, TaskSpec? owner, PlanNames names) => data.Features
        .Select(f => new InputPart(f.Index, !f.IsCategorical ? null : new EmbeddingModule(
            owner is null ? "embeddings." + f.Name : $"embeddings.{owner.Name}.{f.Name}",
            names.EmbeddingField(f, owner),
            f.Index,
            f.Cardinality,
            f.Width)))
        .ToEquatableArray();
}
