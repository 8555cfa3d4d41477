namespace PleGen.Generator.Emit;

/// <summary>
/// Writes the TorchSharp flavor's link to PleGen.Runtime's Trainer: <c>ForTrainer(optimizer)</c> and the model's
/// training session, which makes each mini-batch from the managed flavor's <c>Dataset</c> (the same rows, checks and
/// labels the managed trainer uses) and leaves the loop itself to the Trainer.
/// </summary>
internal static class TorchSharpTrainingEmitter
{
    public static void Emit(SourceWriter w, ModelPlan plan)
    {
        string model = plan.Model.Identifier;

        // Inside TorchSharpModel, Batch and Labels are its own: the managed ones are named through their owner.
        string data = plan.DataTypesReference + ".";
        string dataset = data + "Dataset";
        w.Line("/// <summary>");
        w.Line("/// A session for PleGen.Runtime's <see cref=\"global::PleGen.Runtime.Training.Trainer{TDataset}\"/>, which then trains this model with");
        w.Line($"/// <paramref name=\"optimizer\"/> on the managed flavor's <see cref=\"{dataset}\"/> (epochs, Eq. 10 weights, early stopping,");
        w.Line("/// best epoch restored, per-task AUC/MSE). Move the model to its device first: every mini-batch is copied there. Dispose the");
        w.Line("/// session after training (it holds a copy of the best parameters).");
        w.Line("/// </summary>");
        w.Line($"public global::PleGen.Runtime.Training.ITrainingSession<{dataset}> ForTrainer(global::TorchSharp.torch.optim.Optimizer optimizer) => new TrainingSession(this, optimizer);");
        w.Line();
        using (w.Block($"private sealed class TrainingSession : global::PleGen.TorchSharpSupport.TrainingSession<{dataset}>"))
        {
            w.Members(
                "private readonly TorchSharpModel _model;",
                $"public TrainingSession(TorchSharpModel model, global::TorchSharp.torch.optim.Optimizer optimizer) : base(model, optimizer, {model}.TaskInfoList) => _model = model;",
                $"public override int Count({dataset} data) => data.Count;",
                $"public override global::System.ReadOnlySpan<float> Labels({dataset} data, int task) => {model}.LabelsOf(data, task);",
                $"public override global::System.ReadOnlySpan<float> Mask({dataset} data, int task) => {model}.MaskOf(data, task);",
                "public override void Save(string path) => _model.Save(path);");
            using (w.Block($"protected override {Type("Tensor")}[] Losses({dataset} data, global::System.ReadOnlySpan<int> rows, int epoch)"))
            {
                w.Line($"{data}Labels targets = data.Targets(rows);");
                var labels = plan.Data.LabelArguments(t => $"targets.{t.Identifier}.ToArray()", t => $"targets.{t.Identifier}Mask?.ToArray()");
                w.Line($"TorchSharpModel.Labels labels = TorchSharpModel.Labels.FromArrays({string.Join(", ", labels)});");
                w.Line($"TorchSharpModel.Losses losses = _model.Loss(_model.forward(Batch(data, rows)), Device.type == global::TorchSharp.DeviceType.CPU ? labels : labels.ToDevice(Device), epoch);");
                w.Line($"return new[] {{ losses.Total, {string.Join(", ", plan.Tasks.Select(t => "losses." + t.Identifier))} }};");
            }

            w.Line();
            using (w.Block($"protected override {Type("Tensor")}[] Predictions({dataset} data, global::System.ReadOnlySpan<int> rows)"))
            {
                w.Line("TorchSharpModel.Output output = _model.forward(Batch(data, rows));");
                w.Line($"return new[] {{ {string.Join(", ", plan.Tasks.Select(t => "output." + t.PredictionMember))} }};");
            }

            w.Line();
            w.Line("// The managed flavor's gather and checks, then one copy into tensors on the model's device.");
            using (w.Block($"private TorchSharpModel.Batch Batch({dataset} data, global::System.ReadOnlySpan<int> rows)"))
            {
                w.Line($"{data}Batch features = data.Features(rows);");
                var arrays = plan.Features.Select(f => f.IsCategorical ? $"features.{f.Identifier}" : $"features.{f.Identifier}.ToArray()");
                w.Line($"TorchSharpModel.Batch batch = TorchSharpModel.Batch.FromArrays({string.Join(", ", arrays)});");
                w.Line($"return Device.type == global::TorchSharp.DeviceType.CPU ? batch : batch.ToDevice(Device);");
            }
        }

        w.Line();
    }
}
