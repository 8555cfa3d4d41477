using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

/// <summary>
/// One extraction level: its task-specific and shared experts, run as one expert bank. Output [e, batch, width]
/// with the experts in mixing order: each task's, in task order, then the shared ones.
/// </summary>
/// <remarks>
/// Each expert keeps its own Linear modules, so its parameters carry their own state_dict names
/// (shared.{e}.layers.{l}.weight, tasks.{task}.{e}.layers.{l}.weight); forward stacks them into [e, out, in] and runs
/// one einsum per distinct input for the first layer and one bmm for each deeper layer, instead of one small matmul
/// per expert. The price is a copy of the level's weights per forward (about 20k floats here, against 390k floats
/// of activations at batch 1024) and the matching split of their gradients. Registering one stacked [e, out, in]
/// Parameter would avoid that copy but merge the experts' names, which breaks checkpoint exchange with the managed
/// backend and PyTorch.
/// </remarks>
internal sealed class ExtractionLevel : nn.Module<ExtractionLevel.Inputs, Tensor>
{
    /// <summary>What the level's experts read: one input per task (task order) and the shared experts' input.</summary>
    internal sealed class Inputs
    {
        public Inputs(IReadOnlyList<Tensor> taskInputs, Tensor sharedInput)
        {
            TaskInputs = taskInputs;
            SharedInput = sharedInput;
        }

        public IReadOnlyList<Tensor> TaskInputs { get; }

        public Tensor SharedInput { get; }
    }

    // Registered as shared.{e} and tasks.{task}.{e}: the field names are the state_dict names.
    private readonly ModuleList<Expert> shared = new();
    private readonly ModuleDict<ModuleList<Expert>> tasks = new();

    // The same experts grouped by the input they read, and all of them in mixing order. Plain lists, which
    // RegisterComponents ignores, so nothing is registered twice.
    private readonly List<Expert>[] taskExperts;
    private readonly List<Expert> sharedExperts = [];
    private readonly List<Expert> allExperts = [];

    private readonly bool readsModelInput;
    private readonly double dropoutRate;
    private readonly int depth;

    /// <param name="inputWidth">Width of every input the level reads.</param>
    /// <param name="readsModelInput">True for level 0, whose experts all read the model input.</param>
    /// <param name="taskNames">The tasks, in declaration order.</param>
    /// <param name="taskExpertCount">Experts per task.</param>
    /// <param name="sharedExpertCount">Shared experts.</param>
    /// <param name="units">Output width of each expert layer.</param>
    /// <param name="dropoutRate">Dropout after every expert layer while training.</param>
    public ExtractionLevel(
        long inputWidth, bool readsModelInput, IReadOnlyList<string> taskNames, int taskExpertCount, int sharedExpertCount,
        IReadOnlyList<long> units, double dropoutRate)
        : base(nameof(ExtractionLevel))
    {
        this.readsModelInput = readsModelInput;
        this.dropoutRate = dropoutRate;
        depth = units.Count;

        taskExperts = new List<Expert>[taskNames.Count];
        for (int task = 0; task < taskNames.Count; task++)
        {
            var experts = new ModuleList<Expert>();
            taskExperts[task] = [];
            for (int e = 0; e < taskExpertCount; e++)
            {
                var expert = new Expert(inputWidth, units);
                experts.Add(expert);
                taskExperts[task].Add(expert);
                allExperts.Add(expert);
            }
            tasks.Add(taskNames[task], experts);
        }
        for (int e = 0; e < sharedExpertCount; e++)
        {
            var expert = new Expert(inputWidth, units);
            shared.Add(expert);
            sharedExperts.Add(expert);
            allExperts.Add(expert);
        }

        RegisterComponents();
    }

    public override Tensor forward(Inputs inputs)
    {
        Tensor hidden = readsModelInput
            ? FirstLayer(inputs.SharedInput, allExperts)
            : torch.cat(FirstLayerPerInput(inputs), 0);
        hidden = Activate(hidden);

        // Deeper layers read each expert's own output: one bmm for the whole bank.
        for (int layer = 1; layer < depth; layer++)
        {
            (Tensor weight, Tensor bias) = StackLayer(allExperts, layer);
            hidden = Activate(torch.bmm(hidden, weight.transpose(1, 2)) + bias.unsqueeze(1));
        }
        return hidden;
    }

    // Level j > 0: each task's experts read that task's input, the shared experts the shared input.
    private Tensor[] FirstLayerPerInput(Inputs inputs)
    {
        var outputs = new Tensor[taskExperts.Length + 1];
        for (int task = 0; task < taskExperts.Length; task++)
        {
            outputs[task] = FirstLayer(inputs.TaskInputs[task], taskExperts[task]);
        }
        outputs[taskExperts.Length] = FirstLayer(inputs.SharedInput, sharedExperts);
        return outputs;
    }

    // Experts reading the same input [batch, in]: one einsum against their stacked weights -> [e, batch, out].
    private static Tensor FirstLayer(Tensor input, List<Expert> experts)
    {
        (Tensor weight, Tensor bias) = StackLayer(experts, 0);
        return torch.einsum("bi,eoi->ebo", input, weight) + bias.unsqueeze(1);
    }

    private Tensor Activate(Tensor preActivation) =>
        nn.functional.dropout(nn.functional.relu(preActivation), dropoutRate, training);

    // Weight [e, out, in] and bias [e, out] of one layer of each expert. Read from the Linear modules on every call
    // rather than cached: Module.to(device) replaces their Parameter objects.
    private static (Tensor Weight, Tensor Bias) StackLayer(List<Expert> experts, int layer)
    {
        var weights = new Tensor[experts.Count];
        var biases = new Tensor[experts.Count];
        for (int e = 0; e < experts.Count; e++)
        {
            Linear linear = experts[e].Layer(layer);
            weights[e] = linear.weight;
            biases[e] = linear.bias ?? throw new InvalidOperationException(
                $"Expert layer {layer} has no bias; expert layers are built with one (nn.Linear's default).");
        }
        return (torch.stack(weights, 0), torch.stack(biases, 0));
    }
}
