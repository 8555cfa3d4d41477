using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PleGen.Bench;

/// <summary>
/// The shape of a <see cref="LoopPle"/>: the peer's configurations (../shared/bench/peer_ple.py), the same ones
/// PeerModels.cs declares through the DSL.
/// </summary>
internal sealed record LoopPleConfig(int Inputs, int Tasks, int Levels, int SharedExperts, int TaskExperts, long[] ExpertUnits, long[] TowerUnits)
{
    /// <summary>census: d = 499, 2 levels, 2 shared + 2 specific experts per task of [64], towers [32].</summary>
    public static readonly LoopPleConfig Census = new(499, 2, 2, 2, 2, [64], [32]);

    /// <summary>wide: d = 512, 2 levels, 3 shared + 3 specific experts per task of [256, 128], towers [128, 64].</summary>
    public static readonly LoopPleConfig Wide = new(512, 2, 2, 3, 3, [256, 128], [128, 64]);
}

/// <summary>
/// PLE written by hand in TorchSharp the way the popular PyTorch multi-task libraries write it (torch-rechub, and the
/// peer, peer_ple.py): one small <c>Sequential(Linear, ReLU, ...)</c> module per expert in a <c>ModuleList</c>, run one
/// after another in a loop, their outputs stacked, one gate (Linear + softmax) per task and a shared gate at every level
/// but the last, mixed with <c>bmm</c>, then one tower per task. The baseline for the generated TorchSharp flavor, which
/// now runs its experts the same way (an earlier generated version stacked the experts' weights for one einsum/bmm per
/// layer and was 0.42-0.94x this loop's speed). Same parameters (count and shapes) as the generated model; no dropout,
/// as the peer models declare none.
/// </summary>
internal sealed class LoopPle : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<LoopPleLevel> levels = new();
    private readonly ModuleList<Sequential> towers = new();
    private readonly BCEWithLogitsLoss loss = nn.BCEWithLogitsLoss();
    private readonly int _tasks;

    private LoopPle(LoopPleConfig config) : base(nameof(LoopPle))
    {
        _tasks = config.Tasks;
        long width = config.Inputs;
        for (int level = 0; level < config.Levels; level++)
        {
            levels.Add(new LoopPleLevel(width, config, last: level == config.Levels - 1));
            width = config.ExpertUnits[^1];
        }

        for (int task = 0; task < config.Tasks; task++)
        {
            towers.Add(nn.Sequential(Mlp(width, config.TowerUnits), nn.Linear(config.TowerUnits[^1], 1)));
        }

        RegisterComponents();
    }

    /// <summary>Builds the model from TorchSharp's seeded global generator (PyTorch's default initialization), on the CPU.</summary>
    public static LoopPle Create(LoopPleConfig config, long seed)
    {
        torch.manual_seed(seed);
        return new LoopPle(config);
    }

    /// <summary>Linear + ReLU per width in <paramref name="units"/>: an expert, or a tower's hidden layers.</summary>
    internal static Sequential Mlp(long inputs, long[] units)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        foreach (long width in units)
        {
            layers.Add(nn.Linear(inputs, width));
            layers.Add(nn.ReLU());
            inputs = width;
        }

        return nn.Sequential(layers);
    }

    /// <summary>The logits of every task, [batch, tasks].</summary>
    public override Tensor forward(Tensor input)
    {
        // One input per task, and the shared one last; the first level reads the features for all of them.
        var inputs = new Tensor[_tasks + 1];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = input;
        }

        foreach (LoopPleLevel level in levels)
        {
            inputs = level.forward(inputs);
        }

        var logits = new Tensor[_tasks];
        for (int task = 0; task < _tasks; task++)
        {
            logits[task] = towers[task].forward(inputs[task]);
        }

        return torch.cat(logits, 1);
    }

    /// <summary>
    /// One optimization step as the peer runs it (call train() first): zero_grad, BCEWithLogitsLoss of the logits against
    /// <paramref name="labels"/> [batch, tasks] (the mean over both tasks, 0.5 * each task's mean BCE), backward, step.
    /// Returns the loss, as the generated TrainStep does; every tensor of the step is freed when its dispose scope ends.
    /// </summary>
    public float TrainStep(Tensor input, Tensor labels, optim.Optimizer optimizer)
    {
        using DisposeScope scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        Tensor total = loss.forward(forward(input), labels);
        total.backward();
        optimizer.step();
        return total.item<float>();
    }

    /// <summary>Forward pass without gradients (call eval() first); the logits belong to the caller's dispose scope.</summary>
    public Tensor Predict(Tensor input)
    {
        using System.IDisposable noGrad = torch.no_grad();
        using DisposeScope scope = torch.NewDisposeScope();
        return forward(input).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// One extraction level of <see cref="LoopPle"/>, as peer_ple.py's Level: reads one input per task plus the shared one,
/// returns one output per task plus (except at the last level) the shared one.
/// </summary>
internal sealed class LoopPleLevel : nn.Module<Tensor[], Tensor[]>
{
    private readonly ModuleList<ModuleList<Sequential>> taskExperts = new();
    private readonly ModuleList<Sequential> sharedExperts = new();
    private readonly ModuleList<Linear> taskGates = new();
    private readonly ModuleList<Linear> sharedGate = new();
    private readonly int _tasks;

    public LoopPleLevel(long inputs, LoopPleConfig config, bool last) : base(nameof(LoopPleLevel))
    {
        _tasks = config.Tasks;
        for (int task = 0; task < config.Tasks; task++)
        {
            var experts = new ModuleList<Sequential>();
            for (int e = 0; e < config.TaskExperts; e++)
            {
                experts.Add(LoopPle.Mlp(inputs, config.ExpertUnits));
            }

            taskExperts.Add(experts);
            taskGates.Add(nn.Linear(inputs, config.TaskExperts + config.SharedExperts));
        }

        for (int e = 0; e < config.SharedExperts; e++)
        {
            sharedExperts.Add(LoopPle.Mlp(inputs, config.ExpertUnits));
        }

        // peer_ple.py's `sgate`, None at the last level: here a list of zero or one gate.
        if (!last)
        {
            sharedGate.Add(nn.Linear(inputs, (config.Tasks * config.TaskExperts) + config.SharedExperts));
        }

        RegisterComponents();
    }

    public override Tensor[] forward(Tensor[] inputs)
    {
        Tensor sharedInput = inputs[^1];
        var shared = new List<Tensor>();
        foreach (Sequential expert in sharedExperts)
        {
            shared.Add(expert.forward(sharedInput));
        }

        var outputs = new List<Tensor>();
        var allTaskOutputs = new List<Tensor>();
        for (int task = 0; task < _tasks; task++)
        {
            var own = new List<Tensor>();
            foreach (Sequential expert in taskExperts[task])
            {
                own.Add(expert.forward(inputs[task]));
            }

            allTaskOutputs.AddRange(own);
            own.AddRange(shared);
            outputs.Add(Mix(taskGates[task], inputs[task], own));
        }

        if (sharedGate.Count > 0)
        {
            allTaskOutputs.AddRange(shared);
            outputs.Add(Mix(sharedGate[0], sharedInput, allTaskOutputs));
        }

        return outputs.ToArray();
    }

    // E = stack(experts, 1) [batch, e, width]; g = softmax(gate(x)) [batch, 1, e]; bmm(g, E) -> [batch, width].
    private static Tensor Mix(Linear gate, Tensor input, List<Tensor> experts)
    {
        Tensor stacked = torch.stack(experts, 1);
        Tensor weights = torch.softmax(gate.forward(input), -1).unsqueeze(1);
        return torch.bmm(weights, stacked).squeeze(1);
    }
}
