namespace PleGen.Generator.Emit;

/// <summary>The managed engine's data types: arrays wrapped in PleGen.Runtime tensors, checked on entry.</summary>
internal sealed class ManagedDataFlavor : DataFlavor
{
    public ManagedDataFlavor(string owner)
        : base(owner, Type("Tensor"), outputShape: "[batch, 1]", backward: "Backward()")
    {
    }

    public override string BatchMemberType(FeatureSpec feature) => feature.IsCategorical ? "int[]" : Tensor;

    public override string BatchMemberDoc(FeatureSpec f)
        => f.IsCategorical ? $"Ids of \"{f.Name}\" [batch]." : $"Values of \"{f.Name}\" [batch, {f.Width}].";

    public override void BatchConstructors(SourceWriter w, DataTypesPlan data)
    {
        w.Line("/// <summary>Wraps the arrays (not copied); checks every shape and id first.</summary>");
        foreach (FeatureSpec f in data.Features)
        {
            w.Line(f.IsCategorical
                ? $"/// <param name=\"{CamelCase.DocName(CamelCase.From(f.Identifier))}\">Categorical feature \"{f.Name}\": one id per sample, {Range(f)}.</param>"
                : $"/// <param name=\"{CamelCase.DocName(CamelCase.From(f.Identifier))}\">Dense feature \"{f.Name}\": [batch, {f.Width}] floats, row-major.</param>");
        }

        using (w.Block($"public Batch({ArrayParameters(data)})"))
        {
            FeatureArrayChecks(w, data);
            w.Line("BatchSize = batchSize;");
            foreach (FeatureSpec f in data.Features)
            {
                w.Line(f.IsCategorical
                    ? $"{f.Identifier} = {CamelCase.From(f.Identifier)};"
                    : $"{f.Identifier} = new {Tensor}(new[] {{ batchSize, {f.Width} }}, {CamelCase.From(f.Identifier)});");
            }
        }

        w.Line();
        DatasetEmitter.EmitFromColumns(w, data, "Batch", withLabels: false);
    }

    public override void LabelsConstructors(SourceWriter w, DataTypesPlan data)
    {
        foreach (string doc in data.LabelArguments(
            t => $"/// <param name=\"{CamelCase.DocName(LabelParameter(t))}\">Task \"{t.Name}\": {(t.IsBinary ? "0 or 1 (or a probability)" : "the target value")} per sample.</param>",
            t => $"/// <param name=\"{CamelCase.DocName(MaskParameter(t))}\">1 where a sample belongs to task \"{t.Name}\"'s sample space, else 0; null: every sample.</param>"))
        {
            w.Line(doc);
        }

        using (w.Block($"public Labels({string.Join(", ", LabelArrayParameters(data))})"))
        {
            LabelArrayChecks(w, data);
            w.Line("BatchSize = batchSize;");
            foreach (TaskSpec t in data.Tasks)
            {
                w.Line($"{t.Identifier} = new {Tensor}(new[] {{ batchSize }}, {LabelParameter(t)});");
                if (t.Masked)
                {
                    w.Line($"{t.Identifier}Mask = {MaskParameter(t)} is null ? null : new {Tensor}(new[] {{ batchSize }}, {MaskParameter(t)});");
                }
            }
        }
    }

    public override string OutputBatchSize(EquatableArray<TaskSpec> tasks, out string? parameter)
    {
        parameter = "int batchSize";
        return "BatchSize = batchSize;";
    }

    public override string Sigmoid(string logit) => $"{Type("Ops")}.Sigmoid({logit})";
}
