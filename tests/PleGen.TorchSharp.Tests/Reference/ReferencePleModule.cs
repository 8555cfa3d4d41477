// The hand-written TorchSharp PLE that the TorchSharp emitter's output should look like, for this declaration:
//
//   [PleModel(Levels = 2, Dropout = 0.1)]
//   [SharedExperts(Count = 2, Units = [64, 32])]
//   [TaskExperts(Count = 2, Units = [64, 32])]
//   [Task("click", TaskKind.Binary, Tower = [16])]
//   [Task("watch_time", TaskKind.Regression, Tower = [16], LossWeight = 0.5, LossWeightDecay = 0.9, Masked = true)]
//   [DenseFeature("profile", 7)]
//   [CategoricalFeature("occupation", 64, 8)]
//   [CategoricalFeature("region", 32, 4)]
//
// It compiles against the TorchSharp stand-in (StandIn/) and may use only what docs/torchsharp-standin.md lists.
// The usings sit at file level on purpose: inside this namespace "TorchSharp" would name PleGen.TorchSharp.
using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

/// <summary>
/// Two-level PLE with tasks "click" (binary) and "watch_time" (masked regression): embeddings, extraction levels
/// (experts of a level run as one bank), per-task gates, shared gates on every level but the last, towers, and the
/// joint loss with sample-space masks and epoch-decayed weights.
/// </summary>
public sealed partial class ReferencePleModule : nn.Module<ReferencePleModule.Batch, ReferencePleModule.Output>
{
    public const long ProfileWidth = 7;
    public const long OccupationCardinality = 64;
    public const long OccupationEmbeddingDim = 8;
    public const long RegionCardinality = 32;
    public const long RegionEmbeddingDim = 4;
    public const long InputWidth = ProfileWidth + OccupationEmbeddingDim + RegionEmbeddingDim;
    public const int Levels = 2;
    public const int TaskCount = 2;
    public const int TaskExpertCount = 2;
    public const int SharedExpertCount = 2;
    public const long ExpertOutputWidth = 32;
    public const double DropoutRate = 0.1;

    private const int Click = 0;
    private const int WatchTime = 1;
    private const double ClickLossWeight = 1.0;
    private const double ClickLossDecay = 1.0;
    private const double WatchTimeLossWeight = 0.5;
    private const double WatchTimeLossDecay = 0.9;
    private const int ExpertsPerLevel = TaskCount * TaskExpertCount + SharedExpertCount;

    private static readonly string[] TaskNames = ["click", "watch_time"];
    private static readonly long[] ExpertUnits = [64, ExpertOutputWidth];
    private static readonly long[] TowerUnits = [16];

    // RegisterComponents registers these fields as submodules named after them, so the field names are the
    // state_dict prefixes of docs/dsl.md: embeddings.{feature}, levels.{j}, gates.{task}.{j}, shared_gates.{j},
    // towers.{task}.{l}.
    private readonly ModuleDict<Embedding> embeddings = new();
    private readonly ModuleList<ExtractionLevel> levels = new();
    private readonly ModuleDict<ModuleList<Linear>> gates = new();
    private readonly ModuleList<Linear> shared_gates = new();
    private readonly ModuleDict<ModuleList<Linear>> towers = new();

    /// <summary>Builds the model with TorchSharp's default initialisation, on the CPU.</summary>
    public ReferencePleModule() : base(nameof(ReferencePleModule))
    {
        embeddings.Add("occupation", nn.Embedding(OccupationCardinality, OccupationEmbeddingDim));
        embeddings.Add("region", nn.Embedding(RegionCardinality, RegionEmbeddingDim));

        for (int level = 0; level < Levels; level++)
        {
            long levelInputWidth = LevelInputWidth(level);
            levels.Add(new ExtractionLevel(
                levelInputWidth, readsModelInput: level == 0, TaskNames, TaskExpertCount, SharedExpertCount, ExpertUnits, DropoutRate));
            if (level < Levels - 1)
            {
                shared_gates.Add(nn.Linear(levelInputWidth, ExpertsPerLevel));
            }
        }

        foreach (string task in TaskNames)
        {
            var taskGates = new ModuleList<Linear>();
            for (int level = 0; level < Levels; level++)
            {
                taskGates.Add(nn.Linear(LevelInputWidth(level), TaskExpertCount + SharedExpertCount));
            }
            gates.Add(task, taskGates);
            towers.Add(task, BuildTower(ExpertOutputWidth, TowerUnits));
        }

        RegisterComponents();
    }

    /// <summary>CUDA when TorchSharp sees a GPU, else the CPU.</summary>
    public static Device PreferredDevice() => torch.cuda.is_available() ? torch.CUDA : torch.CPU;

    /// <summary>Builds the model from a seeded global generator (reproducible initialisation) and moves it to <paramref name="device"/>.</summary>
    public static ReferencePleModule Create(long seed, Device device)
    {
        torch.manual_seed(seed);
        return new ReferencePleModule().to(device);
    }

    /// <summary>Adam over every parameter of the model.</summary>
    public optim.Optimizer CreateOptimizer(double learningRate) => torch.optim.Adam(parameters(), lr: learningRate);

    /// <summary>Logits of "click" and predictions of "watch_time", each [batch].</summary>
    public override Output forward(Batch batch)
    {
        Tensor input = torch.cat(
            new[]
            {
                batch.Profile,
                embeddings["occupation"].forward(batch.Occupation),
                embeddings["region"].forward(batch.Region),
            },
            1);

        // Level 0 reads the input everywhere. Level j > 0 reads level j-1's fused outputs: task k's for task k's
        // experts and gate, the shared one for the shared experts and the shared gate.
        Tensor[] taskInputs = [input, input];
        Tensor sharedInput = input;
        for (int level = 0; level < Levels; level++)
        {
            Tensor experts = levels[level].forward(new ExtractionLevel.Inputs(taskInputs, sharedInput));
            var fused = new Tensor[TaskCount];
            for (int task = 0; task < TaskCount; task++)
            {
                fused[task] = FuseTaskExperts(level, task, taskInputs[task], experts);
            }
            if (level < Levels - 1)
            {
                // The shared gate mixes every expert of the level: each task's, in task order, then the shared ones.
                sharedInput = Mix(nn.functional.softmax(shared_gates[level].forward(sharedInput), 1), experts);
            }
            taskInputs = fused;
        }

        return new Output(
            clickLogit: RunTower(TaskNames[Click], taskInputs[Click]),
            watchTime: RunTower(TaskNames[WatchTime], taskInputs[WatchTime]));
    }

    /// <summary>
    /// Per-task losses and their weighted sum at <paramref name="epoch"/> (counted from 0): BCE on click's logits
    /// over the whole batch, MSE on watch_time over its sample space only; weights w0 * gamma^epoch.
    /// </summary>
    public Losses ComputeLosses(Output output, Labels labels, int epoch)
    {
        if (epoch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch,
                "The epoch counts completed epochs from 0 (loss weights are w0 * gamma^epoch); pass 0 or more.");
        }
        if (labels.BatchSize != output.BatchSize)
        {
            throw new ArgumentException(
                $"The labels are for {labels.BatchSize} samples but the output is for {output.BatchSize}; "
                + "pass the labels of the batch the output was computed from.", nameof(labels));
        }

        Tensor click = nn.functional.binary_cross_entropy_with_logits(output.ClickLogit, labels.Click);
        Tensor watchTime = MaskedMean(
            nn.functional.mse_loss(output.WatchTime, labels.WatchTime, nn.Reduction.None), labels.WatchTimeMask);
        Tensor total = click * LossWeight(ClickLossWeight, ClickLossDecay, epoch)
            + watchTime * LossWeight(WatchTimeLossWeight, WatchTimeLossDecay, epoch);
        return new Losses(click, watchTime, total);
    }

    /// <summary>
    /// One optimisation step on one batch; returns the total loss. Call train() first. Every tensor the step creates
    /// (activations, stacked expert weights, losses, backward temporaries) belongs to the step's dispose scope and is
    /// freed when it ends; the parameters were created outside it and survive.
    /// </summary>
    public float TrainStep(Batch batch, Labels labels, int epoch, optim.Optimizer optimizer)
    {
        using DisposeScope scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        Losses losses = ComputeLosses(forward(batch), labels, epoch);
        losses.Total.backward();
        optimizer.step();
        return losses.Total.item<float>();
    }

    /// <summary>Forward pass without gradients (call eval() first); the returned tensors belong to the caller's scope.</summary>
    public Output Predict(Batch batch)
    {
        using IDisposable gradientsOff = torch.no_grad();
        using DisposeScope scope = torch.NewDisposeScope();
        return forward(batch).MoveToOuterDisposeScope();
    }

    private static long LevelInputWidth(int level) => level == 0 ? InputWidth : ExpertOutputWidth;

    private static ModuleList<Linear> BuildTower(long inputWidth, long[] hiddenUnits)
    {
        var layers = new ModuleList<Linear>();
        long width = inputWidth;
        foreach (long units in hiddenUnits)
        {
            layers.Add(nn.Linear(width, units));
            width = units;
        }
        layers.Add(nn.Linear(width, 1));
        return layers;
    }

    // Task k's gate: softmax over task k's experts, then the shared experts (never another task's).
    private Tensor FuseTaskExperts(int level, int task, Tensor taskInput, Tensor experts)
    {
        Tensor weights = nn.functional.softmax(gates[TaskNames[task]][level].forward(taskInput), 1);
        Tensor own = experts.narrow(0, task * TaskExpertCount, TaskExpertCount);
        Tensor shared = experts.narrow(0, TaskCount * TaskExpertCount, SharedExpertCount);
        return Mix(weights.narrow(1, 0, TaskExpertCount), own)
            + Mix(weights.narrow(1, TaskExpertCount, SharedExpertCount), shared);
    }

    // Gate-weighted sum: weights [batch, e], expert outputs [e, batch, width] -> [batch, width]. Narrowed views of
    // the level's output go in directly, so selecting a gate's experts copies nothing.
    private static Tensor Mix(Tensor weights, Tensor experts) => torch.einsum("be,ebw->bw", weights, experts);

    private Tensor RunTower(string task, Tensor input)
    {
        ModuleList<Linear> layers = towers[task];
        Tensor hidden = input;
        for (int layer = 0; layer < layers.Count - 1; layer++)
        {
            hidden = nn.functional.dropout(nn.functional.relu(layers[layer].forward(hidden)), DropoutRate, training);
        }
        return layers[layers.Count - 1].forward(hidden).squeeze(1);
    }

    private static double LossWeight(double initialWeight, double decay, int epoch) => initialWeight * Math.Pow(decay, epoch);

    // Mean over the samples whose mask is 1 (PLE Eq. 9). Dividing by at least 1 makes a batch with no masked-in
    // sample contribute 0 (and zero gradients) instead of 0/0.
    private static Tensor MaskedMean(Tensor perSample, Tensor mask) => (perSample * mask).sum() / mask.sum().clamp_min(1);
}
