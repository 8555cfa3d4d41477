namespace PleGen.Generator.Emit;

/// <summary>
/// Renders the plan a third time, as ONNX: <c>ExportOnnx</c> replays every step through PleGen.Runtime's
/// <c>OnnxModelWriter</c> (graph inputs per feature, then one writer call per step under the plan's state-dict names,
/// then one graph output per Output member), so the exported graph is the forward pass the other flavors run.
/// </summary>
internal static class OnnxEmitter
{
    public static void Emit(SourceWriter w, ModelPlan plan)
    {
        string writer = Type("OnnxModelWriter"), value = Type("OnnxValue");
        w.Line("/// <summary>");
        w.Line("/// Writes the model as a standard ONNX file (opset 17, a dynamic batch axis; see docs/onnx.md) that ONNX Runtime, or any");
        w.Line("/// engine that runs ONNX, scores like <see cref=\"Forward\"/>: one input per feature (dense float32 [N, width], categorical");
        w.Line("/// int64 [N]), one output per Output member ([N]), initializers named by the state-dict names. Written atomically.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"path\">The .onnx file to write.</param>");
        w.Line("/// <param name=\"gateWeights\">Also output every gate's weights [N, experts], named after the gate.</param>");
        w.Line($"public void ExportOnnx(string path, bool gateWeights = false) => ExportOnnx(Parameters, path, gateWeights);");
        w.Line();
        w.Line("/// <summary>Writes the ONNX file of a model with these parameters (by state-dict name), e.g. the TorchSharp flavor's.</summary>");
        using (w.Block($"public static void ExportOnnx(global::System.Collections.Generic.IReadOnlyList<{Type("NamedTensor")}> parameters, string path, bool gateWeights = false)"))
        {
            w.Line($"var onnx = new {writer}({String(plan.Model.FullName)}, Architecture.Name, parameters, {Type("Activation")}.{plan.Activation});");
            var features = new UniqueNames();
            // The graph inputs' locals must not meet the forward pass's own.
            foreach (PlanValue produced in plan.Steps.SelectMany(step => step.Produces))
            {
                features.Claim(produced.Name);
            }

            features.Claim("onnx");
            string[] inputs = plan.Features.Select(f => features.Claim("feature" + f.Identifier)).ToArray();
            var sizingTables = plan.CardinalityTables.ToDictionary(t => t.Feature, t => t.Path);
            foreach (FeatureSpec f in plan.Features)
            {
                // A data-sized feature's ids are bounded by the rows its table was built with, read from the parameters.
                string declare = f.CardinalityFromData ? $"onnx.CategoricalInputSizedBy({String(f.Name)}, {String(sizingTables[f.Index])})"
                    : f.IsCategorical ? $"onnx.CategoricalInput({String(f.Name)}, {f.Cardinality})"
                    : $"onnx.DenseInput({String(f.Name)}, {f.Width})";
                w.Line($"{value} {inputs[f.Index]} = {declare};");
            }

            ForwardEmitter.Steps(w, plan, new OnnxForward(inputs));
            w.Line();
            w.Line("// Outputs");
            foreach (TowerStep tower in plan.Steps.OfType<TowerStep>())
            {
                TaskSpec t = plan.Tasks[tower.Task];
                w.Line(t.IsBinary
                    ? $"onnx.BinaryOutput({String(t.Identifier)}, {String(t.ProbabilityMember)}, {tower.Output.Name});"
                    : $"onnx.RegressionOutput({String(t.Identifier)}, {tower.Output.Name});");
            }

            var gates = plan.Steps.OfType<GateStep>().ToList();
            if (gates.Count > 0)
            {
                using (w.Block("if (gateWeights)"))
                {
                    foreach (GateStep gate in gates)
                    {
                        w.Line($"onnx.GateOutput({String(gate.Gate.Path)}, {gate.Weights.Name});");
                    }
                }
            }

            w.Line("onnx.Save(path);");
        }

        w.Line();
    }

    /// <summary>Each step as a writer call; the feature inputs are the graph inputs declared first.</summary>
    private sealed class OnnxForward : ForwardFlavor
    {
        private readonly string[] _inputs;

        public OnnxForward(string[] inputs) => _inputs = inputs;

        public override string Tensor => Type("OnnxValue");

        // The graph has no statistics to record; gate weights become outputs instead (gateWeights: true).
        public override string? GateRecorder => null;

        public override string Input(ModelPlan plan, InputStep step)
            => $"onnx.Concat({string.Join(", ", step.Parts.Select(p => p.Embedding is null ? _inputs[p.Feature] : $"onnx.Embedding({String(p.Embedding.Path)}, {_inputs[p.Feature]})"))})";

        public override string Network(PlanModule module, string input) => module switch
        {
            ExpertBankModule bank => $"onnx.ExpertBank({Strings(bank.LayerPrefixes)}, {bank.Units.Count}, {input})",
            MlpModule mlp => $"onnx.Mlp({String(mlp.LayerPrefix)}, {mlp.Units.Count}, {input}, lastIsOutput: {Bool(mlp.LastIsOutput)})",
            LinearModule layer => $"onnx.Hidden({String(layer.Path)}, {input})",
            _ => throw new ArgumentOutOfRangeException(nameof(module), module.GetType().Name, "Not a network module."),
        };

        public override string GateWeights(GateStep step) => $"onnx.GateWeights({String(step.Gate.Path)}, {step.Selector.Name})";

        public override string GateMix(GateStep step) => $"onnx.GateMix({step.Weights.Name}, {ForwardEmitter.Banks(step)})";

        public override string Fusion(FusionStep step) => $"onnx.{step.Kind}({ForwardEmitter.Names(step.Inputs)})";

        // The writer reads a mixing unit's weights by their one parameter's state-dict name.
        protected override string Mix(string op, PlanModule module, string arguments, EquatableArray<PlanValue> inputs)
            => $"onnx.{op}({String(module.ParameterNames.Single())}, {arguments}{ForwardEmitter.Names(inputs)})";
    }
}
