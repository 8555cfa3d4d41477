using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Tensors;

namespace PleGen.Samples.Experiments;

/// <summary>How every model of an experiment is trained: the same settings for each, so the comparison is fair.</summary>
public sealed record TrainingSettings
{
    /// <summary>Maximum epochs per run.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Samples per mini-batch.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>The optimizer's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Epochs without improvement of the validation metric (mean over tasks) before stopping; 0 trains every epoch.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>The flavor every model trains in: PleGen's engine or the generated TorchSharp model.</summary>
    public Backend Backend { get; init; } = Backend.Managed;

    /// <summary>The seeds: each model is trained once per seed (initialization and shuffling).</summary>
    public IReadOnlyList<ulong> Seeds { get; init; } = [1, 2, 3];

    /// <summary>Throws with a message naming the option when a value cannot work.</summary>
    public void Validate()
    {
        Require(Epochs >= 1, $"--epochs must be at least 1 (got {Epochs}).");
        Require(BatchSize >= 1, $"--batch-size must be at least 1 (got {BatchSize}).");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), string.Create(CultureInfo.InvariantCulture, $"--lr must be a positive number (got {LearningRate})."));
        Require(Patience >= 0, $"--patience must be 0 (off) or more (got {Patience}).");
        Require(Seeds.Count >= 1, "--seeds must be at least 1.");
    }

    /// <summary>What the runtime's <see cref="ExperimentRunner{TDataset}"/> needs of these settings: epochs, batch size and patience.</summary>
    public RunSettings ToRunSettings() => new() { Epochs = Epochs, BatchSize = BatchSize, Patience = Patience };

    /// <summary>AdamW's decoupled weight decay, on both backends.</summary>
    public const double AdamWWeightDecay = 0.01;

    /// <summary>SGD's momentum, on both backends.</summary>
    public const double SgdMomentum = 0.9;

    /// <summary>The optimizer for a model's parameters.</summary>
    public Optimizer CreateOptimizer(IReadOnlyList<NamedTensor> parameters) => Optimizer switch
    {
        OptimizerKind.Adam => new Adam(parameters, LearningRate),
        OptimizerKind.AdamW => new AdamW(parameters, LearningRate, weightDecay: AdamWWeightDecay),
        OptimizerKind.Sgd => new Sgd(parameters, LearningRate, momentum: SgdMomentum),
        OptimizerKind.Adagrad => new Adagrad(parameters, LearningRate),
        _ => throw UnknownOptimizer(),
    };

    /// <summary>What an optimizer factory throws for an <see cref="Optimizer"/> it does not know.</summary>
    public ArgumentOutOfRangeException UnknownOptimizer()
        => new(nameof(Optimizer), Optimizer, $"Unknown optimizer; use one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}.");

    /// <summary>The settings as a JSON object for results files, with how early stopping chose the epoch.</summary>
    public JsonObject ToJson(string earlyStopping) => new()
    {
        ["epochs"] = Epochs,
        ["batch_size"] = BatchSize,
        ["learning_rate"] = LearningRate,
        ["optimizer"] = Optimizer.ToString(),
        ["backend"] = Backend.ToString(),
        ["patience"] = Patience,
        ["seeds"] = new JsonArray(Seeds.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
        ["early_stopping"] = earlyStopping,
    };

    /// <summary>One line for logs and reports.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Backend}: {Optimizer} lr {LearningRate:G4}, batch {BatchSize}, up to {Epochs} epochs (patience {Patience}), seeds {string.Join(",", Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)))}");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
