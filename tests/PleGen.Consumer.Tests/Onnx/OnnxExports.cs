using PleGen.Runtime.Onnx;

namespace PleGen.Consumer.Tests.Onnx;

/// <summary>
/// What each model's generated <c>ExportOnnx(path)</c> will do, written by hand until the generator renders it: one
/// writer call per step of the generated Forward (see the models' .g.cs), in the same order, over the state-dict names.
/// Gate weights are exported as extra outputs so the tests can check them.
/// </summary>
internal static class OnnxExports
{
    public static void Ple(OnnxPle model, string path)
    {
        var w = new OnnxModelWriter("PleGen.Consumer.Tests.Onnx.OnnxPle", OnnxPle.Architecture.Name, model.Parameters, Activation.Tanh);
        OnnxValue user = w.DenseInput("user", 5), item = w.CategoricalInput("item", 13), city = w.CategoricalInput("city", 4);
        OnnxValue input = w.Concat(user, w.Embedding("embeddings.item", item), w.Embedding("embeddings.city", city));

        // Level 0
        OnnxValue level0Ctr = w.ExpertBank(["levels.0.tasks.ctr.0.layers"], 1, input);
        OnnxValue level0WatchTime = w.ExpertBank(["levels.0.tasks.watch_time.0.layers"], 1, input);
        OnnxValue level0Shared = w.ExpertBank(["levels.0.shared.0.layers", "levels.0.shared.1.layers"], 2, input);
        OnnxValue gateCtr0 = w.GateWeights("gates.ctr.0", input);
        OnnxValue fusedCtr0 = w.GateMix(gateCtr0, level0Ctr, level0Shared);
        OnnxValue gateWatchTime0 = w.GateWeights("gates.watch_time.0", input);
        OnnxValue fusedWatchTime0 = w.GateMix(gateWatchTime0, level0WatchTime, level0Shared);
        OnnxValue sharedGate0 = w.GateWeights("shared_gates.0", input);
        OnnxValue sharedFused0 = w.GateMix(sharedGate0, level0Ctr, level0WatchTime, level0Shared);

        // Level 1
        OnnxValue level1Ctr = w.ExpertBank(["levels.1.tasks.ctr.0.layers"], 1, fusedCtr0);
        OnnxValue level1WatchTime = w.ExpertBank(["levels.1.tasks.watch_time.0.layers"], 1, fusedWatchTime0);
        OnnxValue level1Shared = w.ExpertBank(["levels.1.shared.0.layers", "levels.1.shared.1.layers"], 2, sharedFused0);
        OnnxValue gateCtr1 = w.GateWeights("gates.ctr.1", fusedCtr0);
        OnnxValue fusedCtr1 = w.GateMix(gateCtr1, level1Ctr, level1Shared);
        OnnxValue gateWatchTime1 = w.GateWeights("gates.watch_time.1", fusedWatchTime0);
        OnnxValue fusedWatchTime1 = w.GateMix(gateWatchTime1, level1WatchTime, level1Shared);

        // Towers and outputs
        w.BinaryOutput("Ctr", "CtrProbability", w.Mlp("towers.ctr", 2, fusedCtr1, lastIsOutput: true));
        w.RegressionOutput("WatchTime", w.Mlp("towers.watch_time", 1, fusedWatchTime1, lastIsOutput: true));
        w.GateOutput("gates.ctr.0", gateCtr0);
        w.GateOutput("gates.watch_time.0", gateWatchTime0);
        w.GateOutput("shared_gates.0", sharedGate0);
        w.GateOutput("gates.ctr.1", gateCtr1);
        w.GateOutput("gates.watch_time.1", gateWatchTime1);
        w.Save(path);
    }

    public static void Cgc(OnnxCgc model, string path)
    {
        var w = new OnnxModelWriter("PleGen.Consumer.Tests.Onnx.OnnxCgc", OnnxCgc.Architecture.Name, model.Parameters, Activation.Sigmoid);
        OnnxValue x = w.DenseInput("x", 6), c = w.CategoricalInput("c", 9);
        OnnxValue input = w.Concat(x, w.Embedding("embeddings.c", c));
        OnnxValue level0Click = w.ExpertBank(["levels.0.tasks.click.0.layers", "levels.0.tasks.click.1.layers"], 1, input);
        OnnxValue level0Buy = w.ExpertBank(["levels.0.tasks.buy.0.layers", "levels.0.tasks.buy.1.layers"], 1, input);
        OnnxValue level0Shared = w.ExpertBank(["levels.0.shared.0.layers"], 1, input);
        OnnxValue gateClick0 = w.GateWeights("gates.click.0", input);
        OnnxValue fusedClick0 = w.GateMix(gateClick0, level0Click, level0Shared);
        OnnxValue gateBuy0 = w.GateWeights("gates.buy.0", input);
        OnnxValue fusedBuy0 = w.GateMix(gateBuy0, level0Buy, level0Shared);
        w.BinaryOutput("Click", "ClickProbability", w.Mlp("towers.click", 2, fusedClick0, lastIsOutput: true));
        w.BinaryOutput("Buy", "BuyProbability", w.Mlp("towers.buy", 3, fusedBuy0, lastIsOutput: true));
        w.GateOutput("gates.click.0", gateClick0);
        w.GateOutput("gates.buy.0", gateBuy0);
        w.Save(path);
    }

    public static void Mmoe(OnnxMmoe model, string path)
    {
        var w = new OnnxModelWriter("PleGen.Consumer.Tests.Onnx.OnnxMmoe", OnnxMmoe.Architecture.Name, model.Parameters, Activation.Relu);
        OnnxValue input = w.Concat(w.DenseInput("x", 7));
        OnnxValue level0Shared = w.ExpertBank(["levels.0.shared.0.layers", "levels.0.shared.1.layers", "levels.0.shared.2.layers"], 1, input);
        OnnxValue gateA0 = w.GateWeights("gates.a.0", input);
        OnnxValue fusedA0 = w.GateMix(gateA0, level0Shared);
        OnnxValue gateB0 = w.GateWeights("gates.b.0", input);
        OnnxValue fusedB0 = w.GateMix(gateB0, level0Shared);
        w.BinaryOutput("A", "AProbability", w.Mlp("towers.a", 1, fusedA0, lastIsOutput: true));
        w.RegressionOutput("B", w.Mlp("towers.b", 2, fusedB0, lastIsOutput: true));
        w.GateOutput("gates.a.0", gateA0);
        w.GateOutput("gates.b.0", gateB0);
        w.Save(path);
    }

    public static void DeepMmoe(OnnxDeepMmoe model, string path)
    {
        var w = new OnnxModelWriter("PleGen.Consumer.Tests.Onnx.OnnxDeepMmoe", OnnxDeepMmoe.Architecture.Name, model.Parameters, Activation.Relu);
        OnnxValue x = w.DenseInput("x", 3), c = w.CategoricalInput("c", 5);
        OnnxValue input = w.Concat(x, w.Embedding("embeddings.c", c));
        OnnxValue fusedA = input, fusedB = input, sharedFused = input;
        var gates = new System.Collections.Generic.List<(string Name, OnnxValue Weights)>();
        for (int level = 0; level < 3; level++)
        {
            OnnxValue shared = w.ExpertBank([$"levels.{level}.shared.0.layers", $"levels.{level}.shared.1.layers"], 2, sharedFused);
            OnnxValue gateA = w.GateWeights($"gates.a.{level}", fusedA);
            OnnxValue gateB = w.GateWeights($"gates.b.{level}", fusedB);
            gates.Add(($"gates.a.{level}", gateA));
            gates.Add(($"gates.b.{level}", gateB));
            OnnxValue nextA = w.GateMix(gateA, shared), nextB = w.GateMix(gateB, shared);
            if (level < 2)
            {
                OnnxValue sharedGate = w.GateWeights($"shared_gates.{level}", sharedFused);
                gates.Add(($"shared_gates.{level}", sharedGate));
                sharedFused = w.GateMix(sharedGate, shared);
            }

            (fusedA, fusedB) = (nextA, nextB);
        }

        w.BinaryOutput("A", "AProbability", w.Mlp("towers.a", 2, fusedA, lastIsOutput: true));
        w.BinaryOutput("B", "BProbability", w.Mlp("towers.b", 2, fusedB, lastIsOutput: true));
        foreach (var (name, weights) in gates)
        {
            w.GateOutput(name, weights);
        }

        w.Save(path);
    }

    public static void SharedBottom(OnnxSharedBottom model, string path)
    {
        var w = new OnnxModelWriter("PleGen.Consumer.Tests.Onnx.OnnxSharedBottom", OnnxSharedBottom.Architecture.Name, model.Parameters, Activation.Tanh);
        OnnxValue x = w.DenseInput("x", 4), c = w.CategoricalInput("c", 7);
        OnnxValue input = w.Concat(x, w.Embedding("embeddings.c", c));
        OnnxValue bottom = w.Mlp("bottom.layers", 2, input, lastIsOutput: false);
        w.BinaryOutput("A", "AProbability", w.Mlp("towers.a", 2, bottom, lastIsOutput: true));
        w.RegressionOutput("B", w.Mlp("towers.b", 2, bottom, lastIsOutput: true));
        w.Save(path);
    }

    public static void SingleTask(OnnxSingleTask model, string path)
    {
        var w = new OnnxModelWriter("PleGen.Consumer.Tests.Onnx.OnnxSingleTask", OnnxSingleTask.Architecture.Name, model.Parameters, Activation.Relu);
        OnnxValue x = w.DenseInput("x", 4), c = w.CategoricalInput("c", 7), d = w.CategoricalInput("d", 3);
        OnnxValue inputA = w.Concat(x, w.Embedding("embeddings.a.c", c), w.Embedding("embeddings.a.d", d));
        OnnxValue inputB = w.Concat(x, w.Embedding("embeddings.b.c", c), w.Embedding("embeddings.b.d", d));
        OnnxValue bottomA = w.Mlp("bottoms.a.layers", 2, inputA, lastIsOutput: false);
        OnnxValue bottomB = w.Mlp("bottoms.b.layers", 2, inputB, lastIsOutput: false);
        w.BinaryOutput("A", "AProbability", w.Mlp("towers.a", 2, bottomA, lastIsOutput: true));
        w.RegressionOutput("B", w.Mlp("towers.b", 2, bottomB, lastIsOutput: true));
        w.Save(path);
    }
}
