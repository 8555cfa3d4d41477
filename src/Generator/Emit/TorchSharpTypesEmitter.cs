using System.Linq;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>
/// The TorchSharp flavor's typed Batch, Labels, Output and Losses: the managed flavor's member names, holding
/// torch tensors, checked on entry with the managed flavor's messages.
/// </summary>
internal static class TorchSharpTypesEmitter
{
    private const string R = "global::PleGen.Runtime.";

    public static void Emit(SourceWriter w, ModelSpec spec)
    {
        EmitBatch(w, spec);
        EmitLabels(w, spec);
        EmitOutput(w, spec);
        EmitLosses(w, spec);
    }

    private static void EmitBatch(SourceWriter w, ModelSpec spec)
    {
        string model = Lit(spec.ClassName);
        w.Line("/// <summary>One batch of inputs: per dense feature a Float32 tensor [batch, width], per categorical feature an Int64 tensor of ids [batch].</summary>");
        using (w.Block("public sealed class Batch"))
        {
            w.Line("/// <summary>Wraps the tensors (the caller owns them) after checking their shapes, element types and (dense) finite values, as the managed flavor does.</summary>");
            using (w.Block($"public Batch({string.Join(", ", spec.Features.Select(f => "Tensor " + CamelCase.From(f.Identifier)))})"))
            {
                w.Line("int batchSize = -1;");
                foreach (FeatureSpec f in spec.Features)
                {
                    string p = CamelCase.From(f.Identifier);
                    w.Line($"global::System.ArgumentNullException.ThrowIfNull({p});");
                    w.Line(f.IsCategorical
                        ? $"{R}TensorShapeChecks.Categorical({model}, {Lit(f.Name)}, {p}.shape, {p}.dtype.ToString(), ref batchSize);"
                        : $"{R}TensorShapeChecks.Dense({model}, {Lit(f.Name)}, {p}.shape, {p}.dtype.ToString(), {f.Width}, ref batchSize);");
                    if (!f.IsCategorical)
                    {
                        w.Line($"ModelOps.CheckFinite({model}, {Lit(f.Name)}, {p}, {f.Width});");
                    }
                }

                w.Line("BatchSize = batchSize;");
                foreach (FeatureSpec f in spec.Features)
                {
                    w.Line($"{f.Identifier} = {CamelCase.From(f.Identifier)};");
                }
            }

            w.Line();
            w.Line("/// <summary>A CPU batch from the arrays the managed flavor takes, checked with its checks (ids included).</summary>");
            using (w.Block($"public static Batch FromArrays({string.Join(", ", spec.Features.Select(f => (f.IsCategorical ? "int[] " : "float[] ") + CamelCase.From(f.Identifier)))})"))
            {
                w.Line("LibTorch.Ensure();");
                w.Line("int batchSize = -1;");
                foreach (FeatureSpec f in spec.Features)
                {
                    string p = CamelCase.From(f.Identifier);
                    w.Line(f.IsCategorical
                        ? $"{R}InputChecks.Categorical({model}, {Lit(f.Name)}, {p}, {f.Cardinality}, ref batchSize);"
                        : $"{R}InputChecks.Dense({model}, {Lit(f.Name)}, {p}, {f.Width}, ref batchSize);");
                }

                var tensors = spec.Features.Select(f => f.IsCategorical
                    ? $"Torch.tensor(global::System.Array.ConvertAll({CamelCase.From(f.Identifier)}, id => (long)id))"
                    : $"Torch.tensor({CamelCase.From(f.Identifier)}, new long[] {{ batchSize, {f.Width} }})");
                w.Line($"return new Batch({string.Join(", ", tensors)});");
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int BatchSize { get; }");
            foreach (FeatureSpec f in spec.Features)
            {
                w.Line();
                w.Line(f.IsCategorical
                    ? $"/// <summary>Ids of \"{f.Name}\": Int64 [batch], each in [0, {f.Cardinality}).</summary>"
                    : $"/// <summary>Values of \"{f.Name}\": Float32 [batch, {f.Width}].</summary>");
                w.Line($"public Tensor {f.Identifier} {{ get; }}");
            }

            w.Line();
            w.Line("/// <summary>The same batch on <paramref name=\"device\"/> (new tensors in the current dispose scope).</summary>");
            w.Line($"public Batch ToDevice(Device device) => new({string.Join(", ", spec.Features.Select(f => f.Identifier + ".to(device)"))});");
        }

        w.Line();
    }

    private static void EmitLabels(SourceWriter w, ModelSpec spec)
    {
        string model = Lit(spec.ClassName);
        string Param(TaskSpec t) => CamelCase.From(t.Identifier);
        string MaskParam(TaskSpec t) => CamelCase.From(t.Identifier) + "Mask";
        var parameters = LabelArguments.For(spec, t => "Tensor " + Param(t), t => $"Tensor? {MaskParam(t)} = null");
        w.Line("/// <summary>One batch of labels: per task a Float32 tensor [batch], and a 0/1 mask for tasks with their own sample space (PLE Eq. 9).</summary>");
        using (w.Block("public sealed class Labels"))
        {
            w.Line("/// <summary>Wraps the tensors (the caller owns them) after checking their shapes and element types; a null mask means every sample.</summary>");
            using (w.Block($"public Labels({string.Join(", ", parameters)})"))
            {
                w.Line("int batchSize = -1;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"global::System.ArgumentNullException.ThrowIfNull({Param(t)});");
                    string mask = t.Masked ? $"{MaskParam(t)}?.shape, {MaskParam(t)}?.dtype.ToString()" : "null, null";
                    w.Line($"{R}TensorShapeChecks.Labels({model}, {Lit(t.Name)}, {Param(t)}.shape, {Param(t)}.dtype.ToString(), {mask}, ref batchSize);");
                }

                w.Line("BatchSize = batchSize;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{t.Identifier} = {Param(t)};");
                    if (t.Masked)
                    {
                        w.Line($"{t.Identifier}Mask = {MaskParam(t)};");
                    }
                }
            }

            w.Line();
            var arrays = LabelArguments.For(spec, t => "float[] " + Param(t), t => $"float[]? {MaskParam(t)} = null");
            w.Line("/// <summary>CPU labels from the arrays the managed flavor takes, checked with its checks (label ranges and masks included).</summary>");
            using (w.Block($"public static Labels FromArrays({string.Join(", ", arrays)})"))
            {
                w.Line("LibTorch.Ensure();");
                w.Line("int batchSize = -1;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{R}InputChecks.Labels({model}, {Lit(t.Name)}, {Param(t)}, {(t.Masked ? MaskParam(t) : "null")}, binary: {(t.IsBinary ? "true" : "false")}, ref batchSize);");
                }

                var tensors = LabelArguments.For(spec, t => $"Torch.tensor({Param(t)})", t => $"{MaskParam(t)} is null ? null : Torch.tensor({MaskParam(t)})");
                w.Line($"return new Labels({string.Join(", ", tensors)});");
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int BatchSize { get; }");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line();
                w.Line($"/// <summary>Labels of \"{t.Name}\": Float32 [batch]{(t.IsBinary ? ", 0 or 1" : "")}.</summary>");
                w.Line($"public Tensor {t.Identifier} {{ get; }}");
                if (t.Masked)
                {
                    w.Line();
                    w.Line($"/// <summary>Sample-space mask of \"{t.Name}\": Float32 [batch] of 0/1, or null for every sample.</summary>");
                    w.Line($"public Tensor? {t.Identifier}Mask {{ get; }}");
                }
            }

            w.Line();
            w.Line("/// <summary>The same labels on <paramref name=\"device\"/> (new tensors in the current dispose scope).</summary>");
            var moved = LabelArguments.For(spec, t => t.Identifier + ".to(device)", t => $"{t.Identifier}Mask?.to(device)");
            w.Line($"public Labels ToDevice(Device device) => new({string.Join(", ", moved)});");
        }

        w.Line();
    }

    private static void EmitOutput(SourceWriter w, ModelSpec spec)
    {
        w.Line("/// <summary>The model's predictions for one batch: per binary task a logit and a probability, per regression task a value, each [batch].</summary>");
        using (w.Block("public sealed class Output"))
        {
            using (w.Block($"internal Output({string.Join(", ", spec.Tasks.Select(t => "Tensor " + CamelCase.From(t.Identifier)))})"))
            {
                w.Line($"BatchSize = checked((int){CamelCase.From(spec.Tasks[0].Identifier)}.shape[0]);");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{t.Identifier} = {CamelCase.From(t.Identifier)};");
                    if (t.IsBinary)
                    {
                        w.Line($"{t.ProbabilityMember} = F.sigmoid({CamelCase.From(t.Identifier)});");
                    }
                }
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int BatchSize { get; }");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line();
                w.Line(t.IsBinary ? $"/// <summary>Logit of \"{t.Name}\" [batch].</summary>" : $"/// <summary>Predicted value of \"{t.Name}\" [batch].</summary>");
                w.Line($"public Tensor {t.Identifier} {{ get; }}");
                if (t.IsBinary)
                {
                    w.Line();
                    w.Line($"/// <summary>Probability of \"{t.Name}\" [batch] (sigmoid of the logit).</summary>");
                    w.Line($"public Tensor {t.ProbabilityMember} {{ get; }}");
                }
            }

            w.Line();
            w.Line("/// <summary>Hands every tensor to the enclosing dispose scope (or to the caller when there is none).</summary>");
            using (w.Block("public Output MoveToOuterDisposeScope()"))
            {
                foreach (TaskSpec t in spec.Tasks)
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

        w.Line();
    }

    private static void EmitLosses(SourceWriter w, ModelSpec spec)
    {
        w.Line("/// <summary>The joint loss of one batch and each task's part (before weighting).</summary>");
        using (w.Block("public sealed class Losses"))
        {
            using (w.Block($"internal Losses(Tensor total, {string.Join(", ", spec.Tasks.Select(t => "Tensor " + CamelCase.From(t.Identifier)))})"))
            {
                w.Line("Total = total;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{t.Identifier} = {CamelCase.From(t.Identifier)};");
                }
            }

            w.Line();
            w.Line("/// <summary>sum over tasks of w_k(t) * L_k: call backward() on it to train.</summary>");
            w.Line("public Tensor Total { get; }");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line();
                w.Line($"/// <summary>{(t.IsBinary ? "Binary cross-entropy" : "Mean squared error")} of \"{t.Name}\"{(t.Masked ? " over its sample space" : "")}.</summary>");
                w.Line($"public Tensor {t.Identifier} {{ get; }}");
            }
        }

        w.Line();
    }

    private static string Lit(string value) => SourceWriter.Literal(value);
}
