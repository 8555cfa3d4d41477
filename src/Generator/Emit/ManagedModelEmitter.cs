namespace PleGen.Generator.Emit;

/// <summary>
/// Renders a plan for PleGen's managed engine: parameters built through a ParameterRegistry under the plan's state-dict
/// names, Forward one statement per plan step, the joint loss one statement per loss term, Save and Load, and the
/// Trainer's view of the model.
/// </summary>
internal static class ManagedModelEmitter
{
    public static string Emit(ModelPlan plan) => GeneratedFile.Write(plan.Model, "", TypeNames.Managed,
        () => $" : global::PleGen.Runtime.Training.ITrainableModel<{plan.DataTypesReference}.Dataset>", w =>
        {
            SummaryEmitter.Emit(w, plan);
            w.Line();
            if (plan.OwnsDataTypes)
            {
                DatasetEmitter.Emit(w, plan.Data);
            }

            var flavor = new ManagedDataFlavor(plan.Model.Name);
            DataTypesEmitter.EmitOutput(w, plan.Tasks, flavor);
            DataTypesEmitter.EmitLosses(w, plan, flavor);
            EmitFields(w, plan);
            EmitConstructor(w, plan);
            EmitMembers(w, plan);
            ForwardEmitter.Method(w, plan, new ManagedForward(), "Runs the model on a batch (records the graph for Backward unless under Autograd.NoGrad()).",
                $"public Output Forward({Data(plan)}Batch batch)", "batch.BatchSize, ");
            EmitLoss(w, plan);
            OnnxEmitter.Emit(w, plan);
            TrainableEmitter.Emit(w, plan);
        });

    /// <summary>The prefix naming the data types (Batch, Labels, Dataset): none when the model has its own, else its task group.</summary>
    public static string Data(ModelPlan plan) => plan.OwnsDataTypes ? "" : plan.DataTypesReference + ".";

    private static void EmitFields(SourceWriter w, ModelPlan plan)
    {
        w.Line($"private readonly {Type("ParameterRegistry")} _registry;");
        w.Line($"private readonly {Type("LayerContext")} _layers;");
        ModuleFields(w, plan, module => Type(module switch
        {
            EmbeddingModule => "Tensor",
            ExpertBankModule => "ExpertBank",
            GateModule or LinearModule => "DenseLayer",
            CrossStitchModule or SubspaceMixModule or LayerMixModule => "Tensor",
            _ => "Mlp",
        }));

        GateExpertFields(w, plan);
        w.Line();
    }

    /// <summary>A private field per module, of the type <paramref name="type"/> gives.</summary>
    public static void ModuleFields(SourceWriter w, ModelPlan plan, Func<PlanModule, string> type)
    {
        foreach (PlanModule module in plan.Modules)
        {
            w.Line($"private readonly {type(module)} {module.Field};");
        }
    }

    /// <summary>Per gate, the names of the experts it mixes, in order (what gate statistics report).</summary>
    public static void GateExpertFields(SourceWriter w, ModelPlan plan)
    {
        foreach (GateStep gate in plan.Steps.OfType<GateStep>())
        {
            w.Line($"private static readonly string[] {gate.Gate.ExpertsField} = {{ {string.Join(", ", gate.Gate.Experts.Select(String))} }};");
        }
    }

    private static void EmitConstructor(SourceWriter w, ModelPlan plan)
    {
        w.Line("/// <summary>Creates the model with PyTorch's default initialization, drawn from <paramref name=\"seed\"/>.</summary>");
        w.Line("/// <param name=\"seed\">Same seed, same initial weights and dropout masks.</param>");
        CardinalitiesEmitter.ParameterDoc(w, plan);
        using (w.Block($"public {plan.Model.Identifier}({CardinalitiesEmitter.LeadingParameter(plan)}ulong seed = 0)"))
        {
            CardinalitiesEmitter.StoreParameter(w, plan);
            w.Line($"_registry = new {Type("ParameterRegistry")}(seed);");
            w.Line($"_layers = new {Type("LayerContext")}({Type("Activation")}.{plan.Activation}, {Float(plan.Dropout)}, seed);");
            foreach (PlanModule module in plan.Modules)
            {
                w.Line($"{module.Field} = {Create(module, plan)};");
            }
        }

        w.Line();
    }

    /// <summary>A module created through the registry, under the plan's state-dict names.</summary>
    private static string Create(PlanModule module, ModelPlan plan) => module switch
    {
        EmbeddingModule table => $"_registry.Embedding({String(table.Path)}, {CardinalitiesEmitter.Rows(table, plan, "cardinalities")}, {table.Dim})",
        ExpertBankModule bank => $"_registry.ExpertBank({Strings(bank.LayerPrefixes)}, {bank.InputWidth}, {Ints(bank.Units)})",
        GateModule gate => $"_registry.Dense({String(gate.Path)}, {gate.InputWidth}, {gate.FanIn})",
        LinearModule layer => $"_registry.Dense({String(layer.Path)}, {layer.InputWidth}, {layer.OutputWidth})",
        CrossStitchModule unit => $"_registry.CrossStitch({String(unit.Path)}, {unit.Columns}, {Float(unit.SelfWeight)})",
        SubspaceMixModule unit => $"_registry.SubspaceMix({String(unit.Path)}, {unit.Tasks}, subspaces: {unit.Subspaces}, {Float(unit.SelfWeight)})",
        LayerMixModule mix => $"_registry.LayerMix({String(mix.Path)}, {mix.Layers})",
        MlpModule mlp => $"_registry.Mlp({String(mlp.LayerPrefix)}, {mlp.InputWidth}, {Ints(mlp.Units)}, lastIsOutput: {Bool(mlp.LastIsOutput)})",
        _ => throw new System.ArgumentOutOfRangeException(nameof(module), module.GetType().Name, "Unknown module kind."),
    };

    private static void EmitMembers(SourceWriter w, ModelPlan plan)
    {
        w.Inherited($"public global::System.Collections.Generic.IReadOnlyList<{Type("NamedTensor")}> Parameters => _registry.Parameters;");
        w.Inherited("public bool Training", "{", "    get => _layers.Training;", "    set => _layers.Training = value;", "}");
        if (plan.HasGates)
        {
            w.Member("When set, every forward pass records each gate's weights (expert utilization, PLE Figure 8).", $"public {Type("GateStatistics")}? GateStatistics {{ get; set; }}");
        }

        w.Inherited($"public void Save(string path) => {Type("SafeTensors")}.Save(path, Parameters, {CheckpointMetadata(plan, null)});");
        if (plan.SizedByData)
        {
            w.Line("/// <inheritdoc />");
            CardinalitiesEmitter.CheckpointMembers(w, plan, $"{Type("SafeTensors")}.Load(path, Parameters)", plan.Model.Identifier, "ulong seed = 0", $"new {plan.Model.Identifier}(cardinalities, seed)");
        }
        else
        {
            w.Inherited($"public void Load(string path) => {Type("SafeTensors")}.Load(path, Parameters);");
        }

        foreach (TaskLossTerm term in plan.Losses.OfType<TaskLossTerm>())
        {
            TaskSpec t = plan.Tasks[term.Task];
            w.Member(LossWeightSummary(t), $"public static double {t.Identifier}LossWeight(int epoch) => {LossWeightExpression(term)};");
        }

        foreach (OrthogonalityLossTerm penalty in plan.Losses.OfType<OrthogonalityLossTerm>())
        {
            w.Member(OrthogonalityWeightSummary, $"public const double OrthogonalityWeight = {Double(penalty.Weight)};");
        }
    }

    /// <summary>The summary of the orthogonality weight, in both flavors.</summary>
    public const string OrthogonalityWeightSummary = "Weight of the orthogonality penalty (Losses.Orthogonality) in the joint loss, at every epoch.";

    /// <summary>The summary of a task's loss-weight method, in both flavors.</summary>
    public static string LossWeightSummary(TaskSpec t) => $"Loss weight of \"{t.Name}\" at 0-based <paramref name=\"epoch\"/>: w0 * gamma^epoch (PLE Eq. 10).";

    /// <summary>The metadata a checkpoint records: the model, its architecture and (for the TorchSharp flavor) the flavor.</summary>
    public static string CheckpointMetadata(ModelPlan plan, string? flavor)
        => $"new global::System.Collections.Generic.Dictionary<string, string> {{ [\"model\"] = {String(plan.Model.FullName)}, [\"architecture\"] = {String(plan.ArchitectureName)}"
            + (flavor is null ? "" : $", [\"flavor\"] = {String(flavor)}") + " }";

    private static void EmitLoss(SourceWriter w, ModelPlan plan)
    {
        LossEmitter.Documentation(w, plan);
        using (w.Block($"public Losses Loss(Output output, {Data(plan)}Labels labels, int epoch = 0)"))
        {
            LossEmitter.Checks(w, plan);
            foreach (TaskLossTerm term in plan.Losses.OfType<TaskLossTerm>())
            {
                TaskSpec t = plan.Tasks[term.Task];
                string fn = term.Kind == LossKind.BinaryCrossEntropy ? "BinaryCrossEntropyWithLogits" : "MeanSquaredError";
                string mask = term.Masked ? $"labels.{t.Identifier}Mask" : "null";
                w.Line($"{Type("Tensor")} loss{t.Identifier} = {Type("LossFunctions")}.{fn}(output.{t.Identifier}, labels.{t.Identifier}, {mask}, {String(t.Name)});");
            }

            foreach (OrthogonalityLossTerm penalty in plan.Losses.OfType<OrthogonalityLossTerm>())
            {
                w.Line($"{Type("Tensor")} {LossEmitter.Local(plan, penalty)} = {Type("Ops")}.SubspaceOrthogonality(subspaces: {penalty.Subspaces}, {string.Join(", ", penalty.Layers.Select(l => l.Field + ".Weight"))});");
            }

            LossEmitter.Total(w, plan, Type("Tensor"), (loss, weight) => $"{Type("Ops")}.Scale({loss}, (float){weight})", (sum, term) => $"{Type("Ops")}.Add({sum}, {term})");
        }
    }

    private sealed class ManagedForward : ForwardFlavor
    {
        public override string Tensor => Type("Tensor");

        public override string GateRecorder => "GateStatistics?.Record";

        public override string Input(ModelPlan plan, InputStep step) => ForwardEmitter.Input(plan, step,
            (f, table) => $"{Type("Ops")}.Embedding({table.Field}, batch.{f.Identifier}, {String(f.Name)})", parts => $"{Type("Ops")}.Concat({parts}, 1)");

        // Expert banks, bottoms and towers are all runtime layers with the same call; a column's layer is one Linear layer.
        public override string Network(PlanModule module, string input)
            => module is LinearModule ? $"_layers.Hidden({module.Field}.Forward({input}))" : $"{module.Field}.Forward({input}, _layers)";

        public override string GateWeights(GateStep step) => $"{Type("Ops")}.Softmax({step.Gate.Field}.Forward({step.Selector.Name}))";

        public override string GateMix(GateStep step) => $"{Type("Ops")}.GateMix({step.Weights.Name}, {ForwardEmitter.Banks(step)})";

        protected override string Mix(string op, PlanModule module, string arguments, EquatableArray<PlanValue> inputs)
            => $"{Type("Ops")}.{op}({module.Field}, {arguments}{ForwardEmitter.Names(inputs)})";

        public override string Fusion(FusionStep step) => ForwardEmitter.Fusion(step, parts => $"{Type("Ops")}.Concat({parts}, 1)",
            (a, b) => $"{Type("Ops")}.Add({a}, {b})", (sum, factor) => $"{Type("Ops")}.Scale({sum}, {factor})");
    }

    // w0 * gamma^epoch with the constants folded: a weight that does not decay is its w0, and w0 = 1 is left out.
    private static string LossWeightExpression(TaskLossTerm term)
    {
        string power = $"global::System.Math.Pow({Double(term.Decay)}, epoch)";
        return !term.Decays ? Double(term.Weight) : term.Weight == 1.0 ? power : $"{Double(term.Weight)} * {power}";
    }
}
