using PleGen.Generator.Plan;
using static PleGen.Generator.Emit.Literals;
using static PleGen.Generator.Emit.TypeNames;

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
            foreach (PlanStep step in plan.Steps)
            {
                features.Claim(step switch
                {
                    InputStep input => input.Output.Name,
                    ExpertBankStep bank => bank.Output.Name,
                    BottomStep bottom => bottom.Output.Name,
                    TowerStep tower => tower.Output.Name,
                    FusionStep fusion => fusion.Output.Name,
                    LayerStep layer => layer.Output.Name,
                    _ => "onnx",
                });
            }

            features.Claim("onnx");
            string[] inputs = plan.Features.Select(f => features.Claim("feature" + f.Identifier)).ToArray();
            foreach (FeatureSpec f in plan.Features)
            {
                string declare = f.IsCategorical ? $"onnx.CategoricalInput({String(f.Name)}, {f.Cardinality})" : $"onnx.DenseInput({String(f.Name)}, {f.Width})";
                w.Line($"{value} {inputs[f.Index]} = {declare};");
            }

            var sections = new SectionComments(w);
            foreach (PlanStep step in plan.Steps)
            {
                sections.Enter(step);
                switch (step)
                {
                    case InputStep input:
                        var parts = input.Parts.Select(p => p.Embedding is null ? inputs[p.Feature] : $"onnx.Embedding({String(p.Embedding.Path)}, {inputs[p.Feature]})");
                        w.Line($"{value} {input.Output.Name} = onnx.Concat({string.Join(", ", parts)});");
                        break;
                    case ExpertBankStep bank:
                        w.Line($"{value} {bank.Output.Name} = onnx.ExpertBank({Strings(bank.Bank.LayerPrefixes)}, {bank.Bank.Units.Count}, {bank.Input.Name});");
                        break;
                    case GateStep gate:
                        w.Line($"{value} {gate.Weights.Name} = onnx.GateWeights({String(gate.Gate.Path)}, {gate.Selector.Name});");
                        w.Line($"{value} {gate.Output.Name} = onnx.GateMix({gate.Weights.Name}, {ForwardEmitter.Banks(gate)});");
                        break;
                    case BottomStep bottom:
                        w.Line($"{value} {bottom.Output.Name} = onnx.Mlp({String(bottom.Network.LayerPrefix)}, {bottom.Network.Units.Count}, {bottom.Input.Name}, lastIsOutput: false);");
                        break;
                    case TowerStep tower:
                        w.Line($"{value} {tower.Output.Name} = onnx.Mlp({String(tower.Network.LayerPrefix)}, {tower.Network.Units.Count}, {tower.Input.Name}, lastIsOutput: true);");
                        break;
                    case FusionStep fusion:
                        w.Line($"{value} {fusion.Output.Name} = onnx.{fusion.Kind}({ForwardEmitter.Names(fusion.Inputs)});");
                        break;
                    case LayerStep layer:
                        w.Line($"{value} {layer.Output.Name} = onnx.Hidden({String(layer.Layer.Path)}, {layer.Input.Name});");
                        break;
                    case CrossStitchStep stitch:
                        for (int row = 0; row < stitch.Outputs.Count; row++)
                        {
                            w.Line($"{value} {stitch.Outputs[row].Name} = onnx.CrossStitch({String(stitch.Unit.Alpha)}, {row}, {ForwardEmitter.Names(stitch.Inputs)});");
                        }

                        break;
                }
            }

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
}
