using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PleGen.Generator.Parsing;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>
/// Emits the model for PleGen's managed engine: typed Batch, Labels, Output and Losses; parameters built through a
/// ParameterRegistry under state-dict names; Forward routing exactly as the spec says (one expert bank per group,
/// fused gate mixes); the joint loss with Eq. 9 masks and Eq. 10 weights; Save and Load.
/// </summary>
internal static class ManagedModelEmitter
{
    private const string R = "global::PleGen.Runtime.";

    public static void Emit(SourceWriter w, ModelSpec spec)
    {
        EmitBatch(w, spec);
        EmitLabels(w, spec);
        EmitOutput(w, spec);
        EmitLosses(w, spec);
        ModelMemberNames names = ModelMemberNames.For(spec);
        EmitFields(w, spec, names);
        EmitConstructor(w, spec, names);
        EmitMembers(w, spec);
        EmitForward(w, spec, names);
        EmitLoss(w, spec);
        EmitDataset(w, spec);
        EmitTrainable(w, spec);
    }

    private static void EmitDataset(SourceWriter w, ModelSpec spec)
    {
        w.Line();
        w.Line("/// <summary>A whole data set as columns (features and labels), checked once; mini-batches are gathered from it by row.</summary>");
        using (w.Block("public sealed class Dataset"))
        {
            // Features and tasks are separate namespaces, but here they share one parameter list: a label whose
            // name a feature already took becomes "{task}Labels", like the property it fills.
            var names = new UniqueNames();
            string[] featureParameters = spec.Features.Select(f => names.Claim(CamelCase.From(f.Identifier))).ToArray();
            string[] labelParameters = spec.Tasks.Select(t => names.Claim(CamelCase.From(t.Identifier), CamelCase.From(t.Identifier + "Labels"))).ToArray();
            string?[] maskParameters = spec.Tasks.Select(t => t.Masked ? names.Claim(CamelCase.From(t.Identifier) + "Mask", CamelCase.From(t.Identifier + "LabelsMask")) : null).ToArray();
            var parameters = spec.Features.Select((f, i) => (f.IsCategorical ? "int[] " : "float[] ") + featureParameters[i])
                .Concat(LabelArguments.For(spec, t => "float[] " + labelParameters[t.Index], t => "float[]? " + maskParameters[t.Index] + " = null"));
            w.Line("/// <summary>Wraps the columns (not copied) after checking them like a <see cref=\"Batch\"/> and <see cref=\"Labels\"/>.</summary>");
            using (w.Block($"public Dataset({string.Join(", ", parameters)})"))
            {
                string labels = string.Join(", ", LabelArguments.For(spec, t => labelParameters[t.Index], t => maskParameters[t.Index]!));
                w.Line($"Count = new Batch({string.Join(", ", featureParameters)}).BatchSize;");
                w.Line($"{R}InputChecks.SameDatasetSize({Lit(spec.ClassName)}, Count, new Labels({labels}).BatchSize);");
                for (int i = 0; i < spec.Features.Count; i++)
                {
                    w.Line($"{CamelCase.Field(spec.Features[i].Identifier)} = {featureParameters[i]};");
                }

                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{t.Identifier}Labels = {labelParameters[t.Index]};");
                    if (t.Masked)
                    {
                        w.Line($"{t.Identifier}Mask = {maskParameters[t.Index]};");
                    }
                }
            }

            w.Line();
            foreach (FeatureSpec f in spec.Features)
            {
                w.Line($"private readonly {(f.IsCategorical ? "int[]" : "float[]")} {CamelCase.Field(f.Identifier)};");
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int Count { get; }");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line();
                w.Line($"/// <summary>Every label of \"{t.Name}\".</summary>");
                w.Line($"public float[] {t.Identifier}Labels {{ get; }}");
                if (t.Masked)
                {
                    w.Line();
                    w.Line($"/// <summary>The sample-space mask of \"{t.Name}\", or null for every sample.</summary>");
                    w.Line($"public float[]? {t.Identifier}Mask {{ get; }}");
                }
            }

            w.Line();
            w.Line("/// <summary>The features of the given rows, as a batch (copied).</summary>");
            using (w.Block("public Batch Features(global::System.ReadOnlySpan<int> rows)"))
            {
                w.Line($"return new Batch({string.Join(", ", spec.Features.Select(f => f.IsCategorical ? $"{R}Rows.Gather({CamelCase.Field(f.Identifier)}, rows)" : $"{R}Rows.Gather({CamelCase.Field(f.Identifier)}, {f.Width}, rows)"))});");
            }

            w.Line();
            w.Line("/// <summary>The labels of the given rows (copied).</summary>");
            using (w.Block("public Labels Targets(global::System.ReadOnlySpan<int> rows)"))
            {
                var args = LabelArguments.For(spec, t => $"{R}Rows.Gather({t.Identifier}Labels, 1, rows)", t => $"{t.Identifier}Mask is null ? null : {R}Rows.Gather({t.Identifier}Mask, 1, rows)");
                w.Line($"return new Labels({string.Join(", ", args)});");
            }
        }
    }

    private static void EmitTrainable(SourceWriter w, ModelSpec spec)
    {
        string iface = $"{R}ITrainableModel<Dataset>";
        w.Line();
        w.Line($"private static readonly {R}TaskInfo[] TaskInfoList =");
        w.Line("{");
        foreach (TaskSpec t in spec.Tasks)
        {
            w.Line($"    new {R}TaskInfo({Lit(t.Name)}, {(t.IsBinary ? "true" : "false")}, {(t.Masked ? "true" : "false")}),");
        }

        w.Line("};");
        w.Line();
        w.Line($"global::System.Collections.Generic.IReadOnlyList<{R}TaskInfo> {iface}.TaskInfos => TaskInfoList;");
        w.Line();
        w.Line($"int {iface}.Count(Dataset data) => data.Count;");
        w.Line();
        using (w.Block($"float {iface}.TrainStep(Dataset data, global::System.ReadOnlySpan<int> rows, int epoch, global::System.Span<float> taskLosses)"))
        {
            w.Line("Losses losses = Loss(Forward(data.Features(rows)), data.Targets(rows), epoch);");
            w.Line("losses.Total.Backward();");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line($"taskLosses[{t.Index}] = losses.{t.Identifier}.Item();");
            }

            w.Line("return losses.Total.Item();");
        }

        w.Line();
        using (w.Block($"void {iface}.Predict(Dataset data, global::System.ReadOnlySpan<int> rows, global::System.Span<float> predictions)"))
        {
            w.Line("Output output = Forward(data.Features(rows));");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line($"output.{t.PredictionMember}.Data.CopyTo(predictions.Slice({t.Index} * rows.Length, rows.Length));");
            }
        }

        w.Line();
        w.Line($"global::System.ReadOnlySpan<float> {iface}.Labels(Dataset data, int task) => LabelsOf(data, task);");
        w.Line();
        w.Line($"global::System.ReadOnlySpan<float> {iface}.Mask(Dataset data, int task) => MaskOf(data, task);");
        w.Line();
        w.Line("// Read by both flavors' training sessions.");
        EmitTaskSwitch(w, "private static global::System.ReadOnlySpan<float> LabelsOf(Dataset data, int task)", spec, t => $"data.{t.Identifier}Labels");
        w.Line();
        EmitTaskSwitch(w, "private static global::System.ReadOnlySpan<float> MaskOf(Dataset data, int task)", spec, t => t.Masked ? $"data.{t.Identifier}Mask" : "default");
    }

    /// <summary>A method returning, for a task index, the expression <paramref name="arm"/> gives for that task.</summary>
    private static void EmitTaskSwitch(SourceWriter w, string signature, ModelSpec spec, System.Func<TaskSpec, string> arm)
    {
        using (w.Block(signature))
        {
            w.Line("return task switch");
            w.Line("{");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line($"    {t.Index} => {arm(t)},");
            }

            w.Line("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(task)),");
            w.Line("};");
        }
    }

    private static void EmitBatch(SourceWriter w, ModelSpec spec)
    {
        w.Line($"/// <summary>One batch of inputs for <see cref=\"{spec.ClassIdentifier}\"/>: one member per declared feature.</summary>");
        using (w.Block("public sealed class Batch"))
        {
            w.Line("/// <summary>Wraps the arrays (not copied); checks every shape and id first.</summary>");
            foreach (FeatureSpec f in spec.Features)
            {
                w.Line(f.IsCategorical
                    ? $"/// <param name=\"{CamelCase.DocName(CamelCase.From(f.Identifier))}\">Categorical feature \"{f.Name}\": one id per sample, in [0, {f.Cardinality}).</param>"
                    : $"/// <param name=\"{CamelCase.DocName(CamelCase.From(f.Identifier))}\">Dense feature \"{f.Name}\": [batch, {f.Width}] floats, row-major.</param>");
            }

            string parameters = string.Join(", ", spec.Features.Select(f => (f.IsCategorical ? "int[] " : "float[] ") + CamelCase.From(f.Identifier)));
            using (w.Block($"public Batch({parameters})"))
            {
                w.Line("int batchSize = -1;");
                foreach (FeatureSpec f in spec.Features)
                {
                    w.Line(f.IsCategorical
                        ? $"{R}InputChecks.Categorical({Lit(spec.ClassName)}, {Lit(f.Name)}, {CamelCase.From(f.Identifier)}, {f.Cardinality}, ref batchSize);"
                        : $"{R}InputChecks.Dense({Lit(spec.ClassName)}, {Lit(f.Name)}, {CamelCase.From(f.Identifier)}, {f.Width}, ref batchSize);");
                }

                w.Line("BatchSize = batchSize;");
                foreach (FeatureSpec f in spec.Features)
                {
                    w.Line(f.IsCategorical
                        ? $"{f.Identifier} = {CamelCase.From(f.Identifier)};"
                        : $"{f.Identifier} = new {R}Tensor(new[] {{ batchSize, {f.Width} }}, {CamelCase.From(f.Identifier)});");
                }
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int BatchSize { get; }");
            foreach (FeatureSpec f in spec.Features)
            {
                w.Line();
                w.Line(f.IsCategorical
                    ? $"/// <summary>Ids of \"{f.Name}\" [batch].</summary>"
                    : $"/// <summary>Values of \"{f.Name}\" [batch, {f.Width}].</summary>");
                w.Line(f.IsCategorical ? $"public int[] {f.Identifier} {{ get; }}" : $"public {R}Tensor {f.Identifier} {{ get; }}");
            }
        }

        w.Line();
    }

    private static void EmitLabels(SourceWriter w, ModelSpec spec)
    {
        w.Line("/// <summary>One batch of labels: one member per task, and a 0/1 mask for tasks with their own sample space (PLE Eq. 9).</summary>");
        using (w.Block("public sealed class Labels"))
        {
            var parameters = LabelArguments.For(spec, t => "float[] " + CamelCase.From(t.Identifier), t => "float[]? " + CamelCase.From(t.Identifier) + "Mask = null");
            foreach (string doc in LabelArguments.For(
                spec,
                t => $"/// <param name=\"{CamelCase.DocName(CamelCase.From(t.Identifier))}\">Task \"{t.Name}\": {(t.IsBinary ? "0 or 1 (or a probability)" : "the target value")} per sample.</param>",
                t => $"/// <param name=\"{CamelCase.DocName(CamelCase.From(t.Identifier) + "Mask")}\">1 where a sample belongs to task \"{t.Name}\"'s sample space, else 0; null: every sample.</param>"))
            {
                w.Line(doc);
            }

            using (w.Block($"public Labels({string.Join(", ", parameters)})"))
            {
                w.Line("int batchSize = -1;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    string mask = t.Masked ? CamelCase.From(t.Identifier) + "Mask" : "null";
                    w.Line($"{R}InputChecks.Labels({Lit(spec.ClassName)}, {Lit(t.Name)}, {CamelCase.From(t.Identifier)}, {mask}, binary: {(t.IsBinary ? "true" : "false")}, ref batchSize);");
                }

                w.Line("BatchSize = batchSize;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{t.Identifier} = new {R}Tensor(new[] {{ batchSize }}, {CamelCase.From(t.Identifier)});");
                    if (t.Masked)
                    {
                        w.Line($"{t.Identifier}Mask = {CamelCase.From(t.Identifier)}Mask is null ? null : new {R}Tensor(new[] {{ batchSize }}, {CamelCase.From(t.Identifier)}Mask);");
                    }
                }
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int BatchSize { get; }");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line();
                w.Line($"/// <summary>Labels of \"{t.Name}\" [batch].</summary>");
                w.Line($"public {R}Tensor {t.Identifier} {{ get; }}");
                if (t.Masked)
                {
                    w.Line();
                    w.Line($"/// <summary>Sample-space mask of \"{t.Name}\" [batch], or null for every sample.</summary>");
                    w.Line($"public {R}Tensor? {t.Identifier}Mask {{ get; }}");
                }
            }
        }

        w.Line();
    }

    private static void EmitOutput(SourceWriter w, ModelSpec spec)
    {
        w.Line("/// <summary>The model's predictions for one batch: per binary task a logit and a probability, per regression task a value.</summary>");
        using (w.Block("public sealed class Output"))
        {
            string parameters = string.Join(", ", spec.Tasks.Select(t => $"{R}Tensor {CamelCase.From(t.Identifier)}"));
            using (w.Block($"internal Output(int batchSize, {parameters})"))
            {
                w.Line("BatchSize = batchSize;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{t.Identifier} = {CamelCase.From(t.Identifier)};");
                    if (t.IsBinary)
                    {
                        w.Line($"{t.ProbabilityMember} = {R}Ops.Sigmoid({CamelCase.From(t.Identifier)});");
                    }
                }
            }

            w.Line();
            w.Line("/// <summary>Number of samples.</summary>");
            w.Line("public int BatchSize { get; }");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line();
                w.Line(t.IsBinary
                    ? $"/// <summary>Logit of \"{t.Name}\" [batch, 1].</summary>"
                    : $"/// <summary>Predicted value of \"{t.Name}\" [batch, 1].</summary>");
                w.Line($"public {R}Tensor {t.Identifier} {{ get; }}");
                if (t.IsBinary)
                {
                    w.Line();
                    w.Line($"/// <summary>Probability of \"{t.Name}\" [batch, 1] (sigmoid of the logit).</summary>");
                    w.Line($"public {R}Tensor {t.ProbabilityMember} {{ get; }}");
                }
            }
        }

        w.Line();
    }

    private static void EmitLosses(SourceWriter w, ModelSpec spec)
    {
        w.Line("/// <summary>The joint loss of one batch and each task's part (before weighting).</summary>");
        using (w.Block("public sealed class Losses"))
        {
            string parameters = string.Join(", ", spec.Tasks.Select(t => $"{R}Tensor {CamelCase.From(t.Identifier)}"));
            using (w.Block($"internal Losses({R}Tensor total, {parameters})"))
            {
                w.Line("Total = total;");
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{t.Identifier} = {CamelCase.From(t.Identifier)};");
                }
            }

            w.Line();
            w.Line("/// <summary>sum over tasks of w_k(t) * L_k: call Backward() on it to train.</summary>");
            w.Line($"public {R}Tensor Total {{ get; }}");
            foreach (TaskSpec t in spec.Tasks)
            {
                w.Line();
                w.Line($"/// <summary>{(t.IsBinary ? "Binary cross-entropy" : "Mean squared error")} of \"{t.Name}\"{(t.Masked ? " over its sample space" : "")}.</summary>");
                w.Line($"public {R}Tensor {t.Identifier} {{ get; }}");
            }
        }

        w.Line();
    }

    private static void EmitFields(SourceWriter w, ModelSpec spec, ModelMemberNames names)
    {
        w.Line($"private readonly {R}ParameterRegistry _registry;");
        w.Line($"private readonly {R}LayerContext _layers;");
        foreach (FeatureSpec f in spec.Features.Where(f => f.IsCategorical))
        {
            foreach (string table in f.EmbeddingTables)
            {
                w.Line($"private readonly {R}Tensor {names.EmbeddingField(table)};");
            }
        }

        foreach (LevelSpec level in spec.Levels)
        {
            foreach (ExpertGroupSpec group in Routing.Groups(level))
            {
                w.Line($"private readonly {R}ExpertBank {names.BankField(group)};");
            }

            foreach (GateSpec gate in Routing.Gates(level))
            {
                w.Line($"private readonly {R}DenseLayer {names.GateField(gate)};");
            }
        }

        foreach (ExpertGroupSpec bottom in spec.Bottoms)
        {
            w.Line($"private readonly {R}ExpertBank {names.BankField(bottom)};");
        }

        foreach (TowerSpec tower in spec.Towers)
        {
            w.Line($"private readonly {R}Mlp {names.TowerField(tower)};");
        }

        foreach (GateSpec gate in spec.Levels.SelectMany(Routing.Gates))
        {
            w.Line($"private static readonly string[] {names.GateExpertsField(gate)} = {{ {string.Join(", ", gate.Experts.Select(Lit))} }};");
        }

        w.Line();
    }

    private static void EmitConstructor(SourceWriter w, ModelSpec spec, ModelMemberNames names)
    {
        w.Line("/// <summary>Creates the model with PyTorch's default initialization, drawn from <paramref name=\"seed\"/>.</summary>");
        w.Line("/// <param name=\"seed\">Same seed, same initial weights and dropout masks.</param>");
        using (w.Block($"public {spec.ClassIdentifier}(ulong seed = 0)"))
        {
            w.Line($"_registry = new {R}ParameterRegistry(seed);");
            w.Line($"_layers = new {R}LayerContext(global::PleGen.Activation.{spec.Activation}, {Float(spec.Dropout)}, seed);");
            foreach (FeatureSpec f in spec.Features.Where(f => f.IsCategorical))
            {
                foreach (string table in f.EmbeddingTables)
                {
                    w.Line($"{names.EmbeddingField(table)} = _registry.Embedding({Lit(table)}, {f.Cardinality}, {f.Width});");
                }
            }

            foreach (LevelSpec level in spec.Levels)
            {
                foreach (ExpertGroupSpec group in Routing.Groups(level))
                {
                    w.Line($"{names.BankField(group)} = _registry.ExpertBank({Lit(group.Prefix)}, {group.Count}, {group.InputWidth}, {Units(group.Units)});");
                }

                foreach (GateSpec gate in Routing.Gates(level))
                {
                    w.Line($"{names.GateField(gate)} = _registry.Dense({Lit(gate.Name)}, {gate.InputWidth}, {gate.FanIn});");
                }
            }

            foreach (ExpertGroupSpec bottom in spec.Bottoms)
            {
                w.Line($"{names.BankField(bottom)} = _registry.ExpertBank({Lit(bottom.Prefix)}, 1, {bottom.InputWidth}, {Units(bottom.Units)}, singleUnindexed: true);");
            }

            foreach (TowerSpec tower in spec.Towers)
            {
                w.Line($"{names.TowerField(tower)} = _registry.Tower({Lit(tower.Prefix)}, {tower.InputWidth}, {Units(tower.Units)});");
            }
        }

        w.Line();
    }

    private static void EmitMembers(SourceWriter w, ModelSpec spec)
    {
        w.Line("/// <inheritdoc />");
        w.Line($"public global::System.Collections.Generic.IReadOnlyList<{R}NamedTensor> Parameters => _registry.Parameters;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public bool Training");
        w.Line("{");
        w.Line("    get => _layers.Training;");
        w.Line("    set => _layers.Training = value;");
        w.Line("}");
        w.Line();
        if (spec.Levels.Count > 0)
        {
            w.Line("/// <summary>When set, every forward pass records each gate's weights (expert utilization, PLE Figure 8).</summary>");
            w.Line($"public {R}GateStatistics? GateStatistics {{ get; set; }}");
            w.Line();
        }

        w.Line("/// <inheritdoc />");
        w.Line($"public void Save(string path) => {R}SafeTensors.Save(path, Parameters, new global::System.Collections.Generic.Dictionary<string, string> {{ [\"model\"] = {Lit(spec.FullName)}, [\"architecture\"] = {Lit(spec.ArchitectureName)} }});");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public void Load(string path) => {R}SafeTensors.Load(path, Parameters);");
        w.Line();
        foreach (TaskSpec t in spec.Tasks)
        {
            w.Line($"/// <summary>Loss weight of \"{t.Name}\" at 0-based <paramref name=\"epoch\"/>: w0 * gamma^epoch (PLE Eq. 10).</summary>");
            w.Line($"public static double {t.Identifier}LossWeight(int epoch) => {LossWeightExpression(t)};");
            w.Line();
        }
    }

    private static void EmitForward(SourceWriter w, ModelSpec spec, ModelMemberNames names)
    {
        w.Line("/// <summary>Runs the model on a batch (records the graph for Backward unless under Autograd.NoGrad()).</summary>");
        using (w.Block("public Output Forward(Batch batch)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(batch);");
            if (spec.Architecture == ArchitectureKind.SingleTask)
            {
                foreach (TaskSpec t in spec.Tasks)
                {
                    w.Line($"{R}Tensor {names.TaskInputLocal(t)} = {InputExpression(spec, names, t)};");
                }
            }
            else
            {
                w.Line($"{R}Tensor input = {InputExpression(spec, names, null)};");
            }

            foreach (LevelSpec level in spec.Levels)
            {
                w.Line();
                w.Line($"// Level {level.Index}");
                foreach (ExpertGroupSpec group in Routing.Groups(level))
                {
                    w.Line($"{R}Tensor {names.BankLocal(group)} = {names.BankField(group)}.Forward({names.SourceLocal(group.Input)}, _layers);");
                }

                foreach (GateSpec gate in Routing.Gates(level))
                {
                    var banks = MixedBanks(names, level, gate);
                    string weights = names.GateWeightsLocal(gate);
                    w.Line($"{R}Tensor {weights} = {R}Ops.Softmax({names.GateField(gate)}.Forward({names.SourceLocal(gate.Selector)}));");
                    w.Line($"GateStatistics?.Record({Lit(gate.Name)}, {weights}, {names.GateExpertsField(gate)});");
                    w.Line($"{R}Tensor {names.FusedLocal(gate)} = {R}Ops.GateMix({weights}, {string.Join(", ", banks)});");
                }
            }

            if (spec.Bottoms.Count > 0)
            {
                w.Line();
                w.Line("// Bottom networks (one expert of a single-expert bank; reshaped from [batch, 1, width])");
                foreach (ExpertGroupSpec bottom in spec.Bottoms)
                {
                    string input = spec.Architecture == ArchitectureKind.SingleTask ? names.TaskInputLocal(spec.Tasks[bottom.OwnerTaskIndex]) : "input";
                    w.Line($"{R}Tensor {names.BankLocal(bottom)} = {R}Ops.Reshape({names.BankField(bottom)}.Forward({input}, _layers), batch.BatchSize, {bottom.OutputWidth});");
                }
            }

            w.Line();
            w.Line("// Towers");
            foreach (TowerSpec tower in spec.Towers)
            {
                TaskSpec t = spec.Tasks[tower.TaskIndex];
                string source = spec.Bottoms.Count == 0 ? names.SourceLocal(tower.Input)
                    : spec.Bottoms.Count == 1 ? names.BankLocal(spec.Bottoms[0]) : names.BankLocal(spec.Bottoms[tower.TaskIndex]);
                w.Line($"{R}Tensor {names.PredictionLocal(t)} = {names.TowerField(tower)}.Forward({source}, _layers);");
            }

            w.Line($"return new Output(batch.BatchSize, {string.Join(", ", spec.Tasks.Select(names.PredictionLocal))});");
        }

        w.Line();
    }

    private static void EmitLoss(SourceWriter w, ModelSpec spec)
    {
        w.Line("/// <summary>");
        w.Line("/// The joint loss sum_k w_k(epoch) * L_k: binary cross-entropy on logits or mean squared error per task, each averaged");
        w.Line("/// over the task's sample space when it has a mask (PLE Eq. 9), weighted as PLE Eq. 10.");
        w.Line("/// </summary>");
        using (w.Block("public Losses Loss(Output output, Labels labels, int epoch = 0)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(output);");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(labels);");
            w.Line($"{R}InputChecks.SameBatch({Lit(spec.ClassName)}, output.BatchSize, labels.BatchSize);");
            foreach (TaskSpec t in spec.Tasks)
            {
                string fn = t.IsBinary ? "BinaryCrossEntropyWithLogits" : "MeanSquaredError";
                string mask = t.Masked ? $"labels.{t.Identifier}Mask" : "null";
                w.Line($"{R}Tensor loss{t.Identifier} = {R}Losses.{fn}(output.{t.Identifier}, labels.{t.Identifier}, {mask}, {Lit(t.Name)});");
            }

            w.Line($"{R}Tensor total = {SumExpression(spec)};");
            w.Line($"return new Losses(total, {string.Join(", ", spec.Tasks.Select(t => "loss" + t.Identifier))});");
        }
    }

    private static string SumExpression(ModelSpec spec)
    {
        string expression = $"{R}Ops.Scale(loss{spec.Tasks[0].Identifier}, (float){spec.Tasks[0].Identifier}LossWeight(epoch))";
        foreach (TaskSpec t in spec.Tasks.Skip(1))
        {
            expression = $"{R}Ops.Add({expression}, {R}Ops.Scale(loss{t.Identifier}, (float){t.Identifier}LossWeight(epoch)))";
        }

        return expression;
    }

    private static string InputExpression(ModelSpec spec, ModelMemberNames names, TaskSpec? task)
    {
        var parts = new List<string>();
        foreach (FeatureSpec f in spec.Features)
        {
            if (!f.IsCategorical)
            {
                parts.Add("batch." + f.Identifier);
                continue;
            }

            string table = task is null ? f.EmbeddingTables[0] : f.EmbeddingTables[task.Index];
            parts.Add($"{R}Ops.Embedding({names.EmbeddingField(table)}, batch.{f.Identifier}, {Lit(f.Name)})");
        }

        return parts.Count == 1 ? parts[0] : $"{R}Ops.Concat(new[] {{ {string.Join(", ", parts)} }}, 1)";
    }

    /// <summary>The bank locals a gate mixes, in the spec's order.</summary>
    private static IEnumerable<string> MixedBanks(ModelMemberNames names, LevelSpec level, GateSpec gate) => Routing.MixedGroups(level, gate).Select(names.BankLocal);

    private static string Units(IEnumerable<int> units) => "new int[] { " + string.Join(", ", units.Select(u => u.ToString(CultureInfo.InvariantCulture))) + " }";

    private static string Lit(string value) => SourceWriter.Literal(value);

    private static string Float(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";

    // w0 * gamma^epoch with the constants folded: a weight that does not decay is its w0, and w0 = 1 is left out.
    private static string LossWeightExpression(TaskSpec t)
    {
        string power = $"global::System.Math.Pow({Double(t.LossWeightDecay)}, epoch)";
        return t.LossWeightDecay == 1.0 ? Double(t.LossWeight) : t.LossWeight == 1.0 ? power : $"{Double(t.LossWeight)} * {power}";
    }

    private static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + (value == System.Math.Floor(value) && !value.ToString("R", CultureInfo.InvariantCulture).Contains("E") ? ".0" : "");
}
