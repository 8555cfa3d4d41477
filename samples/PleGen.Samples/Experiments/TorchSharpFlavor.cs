using System;
using PleGen.Runtime.Models;
using PleGen.Runtime.Training;
using TorchSharp;

namespace PleGen.Samples.Experiments;

/// <summary>How a generated model's TorchSharp flavor joins a comparison (see <see cref="TorchSharpFlavor.Of{TModel, TModelDataset}"/>).</summary>
/// <param name="Start">A new TorchSharp model and optimizer for a seed: its session, how to attach gates, and what to dispose afterwards.</param>
public sealed record TorchSharpFlavor<TModelDataset>(Func<ulong, TrainingSettings, (ITrainingSession<TModelDataset> Session, Action<GateStatistics?>? AttachGates, IDisposable[] Owned)> Start);

/// <summary>Builds <see cref="TorchSharpFlavor{TModelDataset}"/>s for generated TorchSharp models.</summary>
public static class TorchSharpFlavor
{
    /// <summary>
    /// A generated <c>TorchSharpModel</c>: <paramref name="create"/> builds it from a seed (TorchSharp's generator),
    /// <paramref name="forTrainer"/> is its <c>ForTrainer</c>, <paramref name="createOptimizer"/> makes the settings'
    /// optimizer over its parameters (the sample's TorchSharpOptimizers.Create, from samples/Shared: the optimizers are
    /// generated into the sample's assembly), <paramref name="attachGates"/> (gated models) sets its GateStatistics.
    /// </summary>
    public static TorchSharpFlavor<TModelDataset> Of<TModel, TModelDataset>(
        Func<long, TModel> create,
        Func<TModel, torch.optim.Optimizer, ITrainingSession<TModelDataset>> forTrainer,
        Func<torch.nn.Module, TrainingSettings, torch.optim.Optimizer> createOptimizer,
        Action<TModel, GateStatistics?>? attachGates = null)
        where TModel : torch.nn.Module
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(forTrainer);
        ArgumentNullException.ThrowIfNull(createOptimizer);
        return new TorchSharpFlavor<TModelDataset>((seed, settings) =>
        {
            TModel model = create(checked((long)seed));
            torch.optim.Optimizer optimizer = createOptimizer(model, settings);
            Action<GateStatistics?>? attach = attachGates is null ? null : statistics => attachGates(model, statistics);
            return (forTrainer(model, optimizer), attach, [optimizer, model]);
        });
    }
}
