using System.Collections.Generic;
using System.Linq;
using PleGen.Runtime;
using PleGen.Runtime.Onnx;

namespace PleGen.Bench;

/// <summary>
/// The ONNX files of the peer models for the <c>onnxruntime</c> backend. THIS IS WHAT THE GENERATED <c>ExportOnnx(path)</c>
/// WILL DO: until the generator renders each model's plan as writer calls, the bench writes the same call sequence by hand,
/// one call per step of the generated Forward of <see cref="CensusPeerModel"/> and <see cref="WidePeerModel"/> (2-level PLE
/// on the dense input "x": per level a bank per task and a shared bank, a gate per task, and the shared gate on every
/// level but the last; then a tower per task). Delete this file once the generated ExportOnnx exists and call that.
/// </summary>
internal static class PeerOnnxExport
{
    private static readonly string[] Tasks = ["task0", "task1"];

    /// <summary>Writes <paramref name="model"/> (the census or wide peer model) to <paramref name="path"/>.</summary>
    public static void Write(string config, IMultiTaskModel model, string path)
    {
        (string name, int width, int experts, int expertLayers, int towerLayers) = config switch
        {
            "census" => ("PleGen.Bench.CensusPeerModel", 499, 2, 1, 2),
            _ => ("PleGen.Bench.WidePeerModel", 512, 3, 2, 3),
        };
        const int levels = 2;
        var w = new OnnxModelWriter(name, "PLE", model.Parameters, Activation.Relu);
        OnnxValue input = w.Concat(w.DenseInput("x", width));
        var fused = Tasks.ToDictionary(t => t, _ => input);
        OnnxValue sharedFused = input;
        for (int level = 0; level < levels; level++)
        {
            var taskBanks = Tasks.ToDictionary(t => t, t => w.ExpertBank(Prefixes($"levels.{level}.tasks.{t}", experts), expertLayers, fused[t]));
            OnnxValue sharedBank = w.ExpertBank(Prefixes($"levels.{level}.shared", experts), expertLayers, sharedFused);
            var next = new Dictionary<string, OnnxValue>();
            foreach (string task in Tasks)
            {
                OnnxValue gate = w.GateWeights($"gates.{task}.{level}", fused[task]);
                next[task] = w.GateMix(gate, taskBanks[task], sharedBank);
            }

            if (level < levels - 1)
            {
                OnnxValue sharedGate = w.GateWeights($"shared_gates.{level}", sharedFused);
                sharedFused = w.GateMix(sharedGate, [.. Tasks.Select(t => taskBanks[t]), sharedBank]);
            }

            fused = next;
        }

        w.BinaryOutput("Task0", "Task0Probability", w.Mlp("towers.task0", towerLayers, fused["task0"], lastIsOutput: true));
        w.BinaryOutput("Task1", "Task1Probability", w.Mlp("towers.task1", towerLayers, fused["task1"], lastIsOutput: true));
        w.Save(path);
    }

    private static string[] Prefixes(string owner, int experts) =>
        Enumerable.Range(0, experts).Select(e => $"{owner}.{e}.layers").ToArray();
}
