namespace PleGen.Generator.Emit;

/// <summary>
/// The TorchSharp flavor's data types: torch tensors checked on entry (shapes, element types, finite values), built
/// from the managed flavor's arrays with the managed flavor's checks, movable to a device.
/// </summary>
internal sealed class TorchSharpDataFlavor : DataFlavor
{
    public TorchSharpDataFlavor(string owner)
        : base(owner, Type("Tensor"), outputShape: "[batch]", backward: "backward()")
    {
    }

    public override string BatchMemberType(FeatureSpec feature) => Tensor;

    public override string BatchMemberDoc(FeatureSpec f)
        => f.IsCategorical ? $"Ids of \"{f.Name}\": Int64 [batch], each {Range(f)}." : $"Values of \"{f.Name}\": Float32 [batch, {f.Width}].";

    public override void BatchConstructors(SourceWriter w, DataTypesPlan data)
    {
        string owner = String(Owner);
        w.Line("/// <summary>Wraps the tensors (the caller owns them) after checking their shapes, element types and (dense) finite values, as the managed flavor does.</summary>");
        using (w.Block($"public Batch({string.Join(", ", data.Features.Select(f => Type("Tensor") + " " + CamelCase.From(f.Identifier)))})"))
        {
            w.Line("int batchSize = -1;");
            foreach (FeatureSpec f in data.Features)
            {
                string p = CamelCase.From(f.Identifier);
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({p});");
                w.Line(f.IsCategorical
                    ? $"{Type("TensorShapeChecks")}.Categorical({owner}, {String(f.Name)}, {p}.shape, {p}.dtype.ToString(), ref batchSize);"
                    : $"{Type("TensorShapeChecks")}.Dense({owner}, {String(f.Name)}, {p}.shape, {p}.dtype.ToString(), {f.Width}, ref batchSize);");
                if (!f.IsCategorical)
                {
                    w.Line($"{Type("ModelOps")}.CheckFinite({owner}, {String(f.Name)}, {p}, {f.Width});");
                }
            }

            w.Line("BatchSize = batchSize;");
            foreach (FeatureSpec f in data.Features)
            {
                w.Line($"{f.Identifier} = {CamelCase.From(f.Identifier)};");
            }
        }

        w.Line();
        w.Line("/// <summary>A CPU batch from the arrays the managed flavor takes, checked with its checks (ids included).</summary>");
        using (w.Block($"public static Batch FromArrays({ArrayParameters(data)})"))
        {
            w.Line($"{Type("LibTorch")}.Ensure();");
            FeatureArrayChecks(w, data);
            var tensors = data.Features.Select(f => f.IsCategorical
                ? $"{Type("Torch")}.tensor(global::System.Array.ConvertAll({CamelCase.From(f.Identifier)}, id => (long)id))"
                : $"{Type("Torch")}.tensor({CamelCase.From(f.Identifier)}, new long[] {{ batchSize, {f.Width} }})");
            w.Line($"return new Batch({string.Join(", ", tensors)});");
        }
    }

    public override void BatchExtras(SourceWriter w, DataTypesPlan data)
    {
        w.Line();
        w.Line("/// <summary>The same batch on <paramref name=\"device\"/> (new tensors in the current dispose scope).</summary>");
        w.Line($"public Batch ToDevice({Type("Device")} device) => new({string.Join(", ", data.Features.Select(f => f.Identifier + ".to(device)"))});");
    }

    public override void LabelsConstructors(SourceWriter w, DataTypesPlan data)
    {
        string owner = String(Owner);
        w.Line("/// <summary>Wraps the tensors (the caller owns them) after checking their shapes and element types; a null mask means every sample.</summary>");
        using (w.Block($"public Labels({string.Join(", ", data.LabelArguments(t => Type("Tensor") + " " + LabelParameter(t), t => $"{Type("Tensor")}? {MaskParameter(t)} = null"))})"))
        {
            w.Line("int batchSize = -1;");
            foreach (TaskSpec t in data.Tasks)
            {
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({LabelParameter(t)});");
                string mask = t.Masked ? $"{MaskParameter(t)}?.shape, {MaskParameter(t)}?.dtype.ToString()" : "null, null";
                w.Line($"{Type("TensorShapeChecks")}.Labels({owner}, {String(t.Name)}, {LabelParameter(t)}.shape, {LabelParameter(t)}.dtype.ToString(), {mask}, ref batchSize);");
            }

            w.Line("BatchSize = batchSize;");
            foreach (TaskSpec t in data.Tasks)
            {
                w.Line($"{t.Identifier} = {LabelParameter(t)};");
                if (t.Masked)
                {
                    w.Line($"{t.Identifier}Mask = {MaskParameter(t)};");
                }
            }
        }

        w.Line();
        w.Line("/// <summary>CPU labels from the arrays the managed flavor takes, checked with its checks (label ranges and masks included).</summary>");
        using (w.Block($"public static Labels FromArrays({string.Join(", ", LabelArrayParameters(data))})"))
        {
            w.Line($"{Type("LibTorch")}.Ensure();");
            LabelArrayChecks(w, data);
            var tensors = data.LabelArguments(t => $"{Type("Torch")}.tensor({LabelParameter(t)})", t => $"{MaskParameter(t)} is null ? null : {Type("Torch")}.tensor({MaskParameter(t)})");
            w.Line($"return new Labels({string.Join(", ", tensors)});");
        }
    }

    public override void LabelsExtras(SourceWriter w, DataTypesPlan data)
    {
        w.Line();
        w.Line("/// <summary>The same labels on <paramref name=\"device\"/> (new tensors in the current dispose scope).</summary>");
        w.Line($"public Labels ToDevice({Type("Device")} device) => new({string.Join(", ", data.LabelArguments(t => t.Identifier + ".to(device)", t => $"{t.Identifier}Mask?.to(device)"))});");
    }

    public override string OutputBatchSize(EquatableArray<TaskSpec> tasks, out string? parameter)
    {
        parameter = null;
        return $"BatchSize = checked((int){CamelCase.From(tasks[0].Identifier)}.shape[0]);";
    }

    public override string Sigmoid(string logit) => $"{Type("F")}.sigmoid({logit})";

    public override void OutputExtras(SourceWriter w, EquatableArray<TaskSpec> tasks)
    {
        w.Line();
        w.Line("/// <summary>Hands every tensor to the enclosing dispose scope (or to the caller when there is none).</summary>");
        using (w.Block("public Output MoveToOuterDisposeScope()"))
        {
            foreach (TaskSpec t in tasks)
            {
                w.Line($"{t.Identifier}.MoveToOuterDisposeScope();");
                if (t.IsBinary)
                {
                    w.Line($"{t.ProbabilityMember}.MoveToOuterDisposeScope();");
                }
            }

            w.Line("return this;");
        }
    }
}
