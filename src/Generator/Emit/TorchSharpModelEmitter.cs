using System.Globalization;
using PleGen.Generator.Parsing;

namespace PleGen.Generator.Emit;

/// <summary>
/// Renders a plan as the TorchSharp flavor, in its own file: a nested <c>TorchSharpModel</c> deriving from TorchSharp's
/// <c>NN.Module&lt;Batch, Output&gt;</c>, its modules registered under the plan's state-dict paths (so checkpoints move
/// between the flavors), forward one statement per plan step, the same loss and entry checks. Tested on TorchSharp 0.107
/// against the managed flavor (tests/PleGen.TorchSharp.Tests).
/// </summary>
internal static class TorchSharpModelEmitter
{
    /// <summary>The type whose presence in the compilation means "TorchSharp is referenced".</summary>
    public const string TorchMetadataName = "TorchSharp.torch";

    // Type aliases (TypeNames.TorchSharp), not namespace imports: they win over a `using PleGen.Runtime.Tensors;` elsewhere
    // (whose Tensor would clash) and work from namespaces with a TorchSharp segment. Capitalized (Torch, NN; F as in
    // PyTorch's `import ... as F`) because all-lowercase type names draw warning CS8981.
    public static string Emit(ModelPlan plan) => GeneratedFile.Write(plan.Model, ": its TorchSharp flavor", TypeNames.TorchSharp, () => "", w =>
    {
        w.Line("/// <summary>");
        w.Line($"/// The TorchSharp flavor of <see cref=\"{plan.Model.Identifier}\"/> ({plan.ArchitectureName}), for training with TorchSharp on CPU or CUDA: the same");
        w.Line("/// routing, parameter names, loss and entry checks as the managed flavor, so a checkpoint of one loads into the other.");
        w.Line("/// </summary>");
        using (w.Block($"public sealed class TorchSharpModel : {Type("NN")}.Module<TorchSharpModel.Batch, TorchSharpModel.Output>"))
        {
            // Entry checks name the owner of the data types, as the managed flavor's do: the model, or its task group.
            var flavor = new TorchSharpDataFlavor(plan.Data.Owner.Name);
            DataTypesEmitter.EmitBatch(w, plan.Data, flavor, "One batch of inputs: per dense feature a Float32 tensor [batch, width], per categorical feature an Int64 tensor of ids [batch].");
            DataTypesEmitter.EmitLabels(w, plan.Data, flavor, "One batch of labels: per task a Float32 tensor [batch], and a 0/1 mask for tasks with their own sample space (PLE Eq. 9).");
            DataTypesEmitter.EmitOutput(w, plan.Tasks, flavor);
            DataTypesEmitter.EmitLosses(w, plan, flavor);
            EmitConstants(w, plan);
            EmitFields(w, plan);
            EmitConstructor(w, plan);
            EmitLifetime(w, plan);
            ForwardEmitter.Method(w, plan, new TorchSharpForward(), "Runs the model on a batch: a logit per binary task and a value per regression task, each [batch].",
                "public override Output forward(Batch batch)", "");
            EmitLoss(w, plan);
            EmitTraining(w);
            TorchSharpTrainingEmitter.Emit(w, plan);
            EmitCheckpoints(w, plan);
            EmitHelpers(w, plan);
        }
    });

    private static void EmitConstants(SourceWriter w, ModelPlan plan)
    {
        w.Line("/// <summary>Every parameter's state-dict name, as in the managed flavor's Parameters and its checkpoints.</summary>");
        w.Initializer("public static readonly string[] ParameterNames =", plan.ParameterNames.Select(String));
        w.Line();
        if (plan.HasGates)
        {
            ManagedModelEmitter.GateExpertFields(w, plan);
            w.Line();
        }
    }

    private static void EmitFields(SourceWriter w, ModelPlan plan)
    {
        w.Line("// Registered by the constructor under the plan's state-dict paths (embeddings.*, levels.*, gates.*, ...), not under these names.");
        ManagedModelEmitter.ModuleFields(w, plan, module => module switch
        {
            EmbeddingModule => $"{Type("Embedding")}",
            ExpertBankModule => $"{Type("LinearStack")}[]",
            GateModule or LinearModule => $"{Type("Linear")}",
            CrossStitchModule => $"{Type("CrossStitchUnit")}",
            SubspaceMixModule => $"{Type("SubspaceMixUnit")}",
            LayerMixModule => $"{Type("LayerMixUnit")}",
            _ => $"{Type("LinearStack")}",
        });

        w.Line();
    }

    private static void EmitConstructor(SourceWriter w, ModelPlan plan)
    {
        w.Line("/// <summary>Builds the model with TorchSharp's default initialization on the CPU; see <see cref=\"Create\"/> for a seed and a device.</summary>");
        CardinalitiesEmitter.ParameterDoc(w, plan);
        using (w.Block($"public TorchSharpModel({CardinalitiesEmitter.Parameter(plan)}) : base({Type("LibTorch")}.Checked({String(plan.Model.Name)}))"))
        {
            CardinalitiesEmitter.StoreParameter(w, plan);
            w.Line($"var modules = new {Type("ModuleTree")}(this);");
            foreach (PlanModule module in plan.Modules)
            {
                w.Line($"{module.Field} = {Create(module, plan)};");
            }

            w.Line("modules.Register();");
        }

        w.Line();
        w.Line("// The constructor registered every module under its state-dict path; registering the fields by name as well would duplicate them.");
        w.Line("protected override void RegisterComponents()");
        w.Line("{");
        w.Line("}");
        w.Line();
    }

    /// <summary>A module created with TorchSharp's default initialization and registered under the plan's state-dict path.</summary>
    private static string Create(PlanModule module, ModelPlan plan) => module switch
    {
        EmbeddingModule table => $"modules.Add({String(table.Path)}, {Type("NN")}.Embedding({CardinalitiesEmitter.Rows(table, plan, "cardinalities")}, {table.Dim}))",
        ExpertBankModule bank => $"modules.AddEach({Strings(bank.LayerPrefixes)}, () => {Type("ModelOps")}.LinearStack({bank.InputWidth}, {Longs(bank.Units)}))",
        GateModule gate => $"modules.Add({String(gate.Path)}, {Type("NN")}.Linear({gate.InputWidth}, {gate.FanIn}))",
        LinearModule layer => $"modules.Add({String(layer.Path)}, {Type("NN")}.Linear({layer.InputWidth}, {layer.OutputWidth}))",
        CrossStitchModule unit => $"modules.Add({String(unit.Path)}, new {Type("CrossStitchUnit")}({unit.Columns}, {Float(unit.SelfWeight)}))",
        SubspaceMixModule unit => $"modules.Add({String(unit.Path)}, new {Type("SubspaceMixUnit")}({unit.Tasks}, subspaces: {unit.Subspaces}, {Float(unit.SelfWeight)}))",
        LayerMixModule mix => $"modules.Add({String(mix.Path)}, new {Type("LayerMixUnit")}({mix.Layers}))",
        MlpModule mlp => $"modules.Add({String(mlp.LayerPrefix)}, {Type("ModelOps")}.LinearStack({mlp.InputWidth}, {Longs(mlp.Units)}))",
        _ => throw new System.ArgumentOutOfRangeException(nameof(module), module.GetType().Name, "Unknown module kind."),
    };

    private static void EmitLifetime(SourceWriter w, ModelPlan plan)
    {
        w.Line("/// <summary>CUDA when TorchSharp sees a GPU, else the CPU.</summary>");
        using (w.Block($"public static {Type("Device")} PreferredDevice()"))
        {
            w.Line($"{Type("LibTorch")}.Ensure();");
            w.Line($"return {Type("Torch")}.cuda.is_available() ? {Type("Torch")}.CUDA : {Type("Torch")}.CPU;");
        }

        w.Line();
        w.Line("/// <summary>Builds the model from TorchSharp's seeded global generator (same seed, same weights) and moves it to <paramref name=\"device\"/> (default: the CPU).</summary>");
        using (w.Block($"public static TorchSharpModel Create({CardinalitiesEmitter.LeadingParameter(plan)}long seed, {Type("Device")}? device = null)"))
        {
            w.Line($"{Type("LibTorch")}.Ensure();");
            w.Line($"{Type("Torch")}.manual_seed(seed);");
            w.Line($"var model = new TorchSharpModel({(plan.SizedByData ? "cardinalities" : "")});");
            w.Line("return device is null ? model : global::TorchSharp.ModuleExtensionMethods.to(model, device);");
        }

        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Adam over every parameter with torch.optim.Adam's defaults; create it after moving the model to its device. PleGen's");
        w.Line("/// own Adam: torch.optim.Adam passes numbers to libtorch as Scalars the finalizer can free during the call.");
        w.Line("/// </summary>");
        w.Line($"public global::TorchSharp.torch.optim.Optimizer CreateOptimizer(double learningRate = 1e-3) => new {Type("AdamOptimizer")}(parameters(), learningRate);");
        w.Line();
        if (plan.HasGates)
        {
            w.Member("When set, every forward pass records each gate's weights (expert utilization, PLE Figure 8); costs a copy of the weights to the CPU.",
                $"public {Type("GateStatistics")}? GateStatistics {{ get; set; }}");
        }

        foreach (TaskSpec t in plan.Tasks)
        {
            w.Member(ManagedModelEmitter.LossWeightSummary(t), $"public static double {t.Identifier}LossWeight(int epoch) => {plan.Model.Identifier}.{t.Identifier}LossWeight(epoch);");
        }

        if (LossEmitter.HasPenalty(plan))
        {
            w.Member(ManagedModelEmitter.OrthogonalityWeightSummary, $"public const double OrthogonalityWeight = {plan.Model.Identifier}.OrthogonalityWeight;");
        }
    }

    private static void EmitLoss(SourceWriter w, ModelPlan plan)
    {
        LossEmitter.Documentation(w, plan);
        using (w.Block("public Losses Loss(Output output, Labels labels, int epoch = 0)"))
        {
            LossEmitter.Checks(w, plan);
            foreach (TaskLossTerm term in plan.Losses.OfType<TaskLossTerm>())
            {
                TaskSpec t = plan.Tasks[term.Task];
                string fn = term.Kind == LossKind.BinaryCrossEntropy ? "binary_cross_entropy_with_logits" : "mse_loss";
                string all = $"{Type("F")}.{fn}(output.{t.Identifier}, labels.{t.Identifier})";
                if (term.Masked)
                {
                    w.Line($"{Type("Tensor")} loss{t.Identifier} = labels.{t.Identifier}Mask is null");
                    w.Line($"    ? {all}");
                    w.Line($"    : {Type("ModelOps")}.MaskedMean({Type("F")}.{fn}(output.{t.Identifier}, labels.{t.Identifier}, reduction: {Type("NN")}.Reduction.None), labels.{t.Identifier}Mask);");
                }
                else
                {
                    w.Line($"{Type("Tensor")} loss{t.Identifier} = {all};");
                }
            }

            foreach (OrthogonalityLossTerm penalty in plan.Losses.OfType<OrthogonalityLossTerm>())
            {
                w.Line($"{Type("Tensor")} {LossEmitter.Local(plan, penalty)} = {Type("ModelOps")}.SubspaceOrthogonality(subspaces: {penalty.Subspaces}, {string.Join(", ", penalty.Layers.Select(l => l.Field + ".weight"))});");
            }

            LossEmitter.Total(w, plan, Type("Tensor"), (loss, weight) => $"{Type("ModelOps")}.Scale({loss}, {weight})", (sum, term) => $"{Type("ModelOps")}.Add({sum}, {term})");
        }

        w.Line();
    }

    private static void EmitTraining(SourceWriter w)
    {
        w.Line("/// <summary>");
        w.Line("/// One optimization step on one batch (call train() first); returns the total loss. Every tensor the step creates");
        w.Line("/// (activations, stacked expert outputs, losses, gradients' temporaries) is freed when the step's dispose scope ends.");
        w.Line("/// </summary>");
        using (w.Block("public float TrainStep(Batch batch, Labels labels, int epoch, global::TorchSharp.torch.optim.Optimizer optimizer)"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(optimizer);");
            w.Line($"using {Type("DisposeScope")} scope = {Type("Torch")}.NewDisposeScope();");
            w.Line("optimizer.zero_grad();");
            w.Line("Losses losses = Loss(forward(batch), labels, epoch);");
            w.Line("losses.Total.backward();");
            w.Line("optimizer.step();");
            w.Line("return losses.Total.item<float>();");
        }

        w.Line();
        w.Line("/// <summary>Forward pass without gradients (call eval() first); the outputs belong to the caller's dispose scope.</summary>");
        using (w.Block("public Output Predict(Batch batch)"))
        {
            w.Line($"using global::System.IDisposable noGrad = {Type("Torch")}.no_grad();");
            w.Line($"using {Type("DisposeScope")} scope = {Type("Torch")}.NewDisposeScope();");
            w.Line("return forward(batch).MoveToOuterDisposeScope();");
        }

        w.Line();
    }

    private static void EmitCheckpoints(SourceWriter w, ModelPlan plan)
    {
        w.Line("/// <summary>");
        w.Line("/// Loads a safetensors checkpoint written by either flavor (same names). Names, shapes and the file are checked by");
        w.Line("/// PleGen.Runtime before any parameter changes; the values are copied into the parameters on their device. Create the");
        w.Line("/// optimizer after loading or reset it.");
        w.Line("/// </summary>");
        if (plan.SizedByData)
        {
            CardinalitiesEmitter.CheckpointMembers(w, plan, $"{Type("ModelOps")}.Load(this, path)", "TorchSharpModel", $"long seed = 0, {Type("Device")}? device = null", "Create(cardinalities, seed, device)");
        }
        else
        {
            w.Line($"public void Load(string path) => {Type("ModelOps")}.Load(this, path);");
            w.Line();
        }

        w.Line("/// <summary>Writes the model as a standard ONNX file through the managed flavor's exporter (the parameters share their names); see <see cref=\"ExportOnnx\"/> there.</summary>");
        w.Line($"public void ExportOnnx(string path, bool gateWeights = false) => {plan.Model.Identifier}.ExportOnnx({Type("ModelOps")}.RuntimeParameters(this), path, gateWeights);");
        w.Line();
        w.Line("/// <summary>Writes the parameters as a safetensors checkpoint the managed flavor (and PyTorch) can load, atomically.</summary>");
        w.Line($"public void Save(string path) => {Type("ModelOps")}.Save(this, path, {ManagedModelEmitter.CheckpointMetadata(plan, "TorchSharp")});");
        w.Line();
    }

    private static void EmitHelpers(SourceWriter w, ModelPlan plan)
    {
        string activation = plan.Activation switch
        {
            ActivationValue.Tanh => $"{Type("F")}.tanh(x)",
            ActivationValue.Sigmoid => $"{Type("F")}.sigmoid(x)",
            _ => $"{Type("F")}.relu(x)",
        };
        w.Line("/// <summary>After every hidden layer: the declared activation, then dropout while training.</summary>");
        w.Line(plan.Dropout > 0
            ? $"private {Type("Tensor")} Hidden({Type("Tensor")} x) => {Type("F")}.dropout({activation}, {plan.Dropout.ToString("R", CultureInfo.InvariantCulture)}, training);"
            : $"private static {Type("Tensor")} Hidden({Type("Tensor")} x) => {activation};");
        if (plan.HasGates)
        {
            w.Line();
            using (w.Block($"private void Record(string gate, {Type("Tensor")} weights, string[] experts)"))
            {
                w.Line($"GateStatistics?.Record(gate, {Type("ModelOps")}.ToRuntime(weights), experts);");
            }
        }

        w.Line();
    }

    private sealed class TorchSharpForward : ForwardFlavor
    {
        public override string Tensor => Type("Tensor");

        public override string GateRecorder => "Record";

        public override string Input(ModelPlan plan, InputStep step)
            => ForwardEmitter.Input(plan, step, (f, table) => $"{Type("ModelOps")}.Embed({table.Field}, batch.{f.Identifier}, {String(f.Name)})", parts => $"{Type("Torch")}.cat({parts}, 1)");

        public override string Network(PlanModule module, string input) => module switch
        {
            ExpertBankModule => $"{Type("ModelOps")}.ExpertBank({input}, {module.Field}, Hidden)",
            MlpModule { LastIsOutput: true } => $"{Type("ModelOps")}.Tower({module.Field}, {input}, Hidden)",
            LinearModule => $"Hidden({module.Field}.forward({input}))",
            _ => $"{Type("ModelOps")}.Mlp({module.Field}, {input}, Hidden)",
        };

        public override string GateWeights(GateStep step) => $"{Type("F")}.softmax({step.Gate.Field}.forward({step.Selector.Name}), 1)";

        public override string GateMix(GateStep step) => $"{Type("ModelOps")}.Mix({step.Weights.Name}, {ForwardEmitter.Banks(step)})";

        protected override string Mix(string op, PlanModule module, string arguments, EquatableArray<PlanValue> inputs)
            => $"{Type("ModelOps")}.{op}({module.Field}, {arguments}{ForwardEmitter.Names(inputs)})";

        public override string Fusion(FusionStep step) => ForwardEmitter.Fusion(step, parts => $"{Type("Torch")}.cat({parts}, 1)",
            (a, b) => $"{Type("ModelOps")}.Add({a}, {b})", (sum, factor) => $"{Type("ModelOps")}.Scale({sum}, {factor})");
    }
}
