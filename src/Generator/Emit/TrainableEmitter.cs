namespace PleGen.Generator.Emit;

/// <summary>
/// The managed model's side of PleGen.Runtime's Trainer (<c>ITrainableModel&lt;Dataset&gt;</c>): task infos, a training
/// step, predictions, and the per-task label and mask lookups both flavors' training sessions read.
/// </summary>
internal static class TrainableEmitter
{
    public static void Emit(SourceWriter w, ModelPlan plan)
    {
        string dataset = ManagedModelEmitter.Data(plan) + "Dataset";
        string iface = $"global::PleGen.Runtime.Training.ITrainableModel<{dataset}>";
        w.Line();
        w.Initializer($"private static readonly {Type("TaskInfo")}[] TaskInfoList =", plan.Tasks.Select(t => $"new {Type("TaskInfo")}({String(t.Name)}, {Bool(t.IsBinary)}, {Bool(t.Masked)})"));
        w.Line();
        w.Members(
            $"global::System.Collections.Generic.IReadOnlyList<{Type("TaskInfo")}> {iface}.TaskInfos => TaskInfoList;",
            $"int {iface}.Count({dataset} data) => data.Count;");
        using (w.Block($"float {iface}.TrainStep({dataset} data, global::System.ReadOnlySpan<int> rows, int epoch, global::System.Span<float> taskLosses)"))
        {
            w.Line("Losses losses = Loss(Forward(data.Features(rows)), data.Targets(rows), epoch);");
            w.Line("losses.Total.Backward();");
            foreach (TaskSpec t in plan.Tasks)
            {
                w.Line($"taskLosses[{t.Index}] = losses.{t.Identifier}.Item();");
            }

            w.Line("return losses.Total.Item();");
        }

        w.Line();
        using (w.Block($"void {iface}.Predict({dataset} data, global::System.ReadOnlySpan<int> rows, global::System.Span<float> predictions)"))
        {
            w.Line("Output output = Forward(data.Features(rows));");
            foreach (TaskSpec t in plan.Tasks)
            {
                string offset = t.Index == 0 ? "0" : $"{t.Index} * rows.Length";
                w.Line($"output.{t.PredictionMember}.Data.CopyTo(predictions.Slice({offset}, rows.Length));");
            }
        }

        w.Line();
        w.Members(
            $"global::System.ReadOnlySpan<float> {iface}.Labels({dataset} data, int task) => LabelsOf(data, task);",
            $"global::System.ReadOnlySpan<float> {iface}.Mask({dataset} data, int task) => MaskOf(data, task);");
        w.Line("// Read by both flavors' training sessions.");
        TaskSwitch(w, $"private static global::System.ReadOnlySpan<float> LabelsOf({dataset} data, int task)", plan, t => $"data.{t.Identifier}Labels");
        w.Line();
        if (plan.Tasks.Any(t => t.Masked))
        {
            TaskSwitch(w, $"private static global::System.ReadOnlySpan<float> MaskOf({dataset} data, int task)", plan, t => t.Masked ? $"data.{t.Identifier}Mask" : "default");
        }
        else
        {
            w.Line("// No task has a sample-space mask: every sample counts for every task.");
            w.Line($"private static global::System.ReadOnlySpan<float> MaskOf({dataset} data, int task) => default;");
        }
    }

    /// <summary>A method returning, for a task index, the expression <paramref name="arm"/> gives for that task.</summary>
    private static void TaskSwitch(SourceWriter w, string signature, ModelPlan plan, System.Func<TaskSpec, string> arm)
    {
        using (w.Block(signature))
        {
            w.Line("return task switch");
            w.Line("{");
            foreach (TaskSpec t in plan.Tasks)
            {
                w.Line($"    {t.Index} => {arm(t)},");
            }

            w.Line("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(task)),");
            w.Line("};");
        }
    }
}
