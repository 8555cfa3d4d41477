using System;
using PleGen.Runtime;
using TorchSharp;

namespace PleGen.Samples.Experiments;

/// <summary>
/// One model of a comparison: its reported name (e.g. "PLE") and how to start a freshly initialized run of it for a seed
/// on a backend. Build one with <see cref="ModelCandidate.Of{TData, TModel, TModelDataset}"/>.
/// </summary>
/// <param name="Name">The name the reports use.</param>
/// <param name="Start">A new run: the backend, the seed (initialization) and the training settings (the optimizer).</param>
public sealed record ModelCandidate<TData>(string Name, Func<Backend, ulong, TrainingSettings, ModelRun<TData>> Start)
{
    /// <summary>
    /// Trains one fresh model per task, each stopping early on its own task's validation metric, and scores each task
    /// with its own run: how a single-task baseline is compared fairly (its tasks share nothing, not even when to stop).
    /// </summary>
    public bool StopsPerTask { get; init; }
}

/// <summary>How a generated model's TorchSharp flavor joins a comparison (see <see cref="TorchSharpFlavor.Of{TModel, TModelDataset}"/>).</summary>
public sealed record TorchSharpFlavor<TModelDataset>(Func<ulong, TrainingSettings, (ITrainingSession<TModelDataset> Session, Action<GateStatistics?>? AttachGates, IDisposable[] Owned)> Start);

/// <summary>Builds <see cref="TorchSharpFlavor{TModelDataset}"/>s for generated TorchSharp models.</summary>
public static class TorchSharpFlavor
{
    /// <summary>
    /// A generated <c>TorchSharpModel</c>: <paramref name="create"/> builds it from a seed (TorchSharp's generator),
    /// <paramref name="forTrainer"/> is its <c>ForTrainer</c>, <paramref name="attachGates"/> (gated models) sets its GateStatistics.
    /// </summary>
    public static TorchSharpFlavor<TModelDataset> Of<TModel, TModelDataset>(
        Func<long, TModel> create,
        Func<TModel, torch.optim.Optimizer, ITrainingSession<TModelDataset>> forTrainer,
        Action<TModel, GateStatistics?>? attachGates = null)
        where TModel : torch.nn.Module
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(forTrainer);
        return new TorchSharpFlavor<TModelDataset>((seed, settings) =>
        {
            TModel model = create(checked((long)seed));
            torch.optim.Optimizer optimizer = settings.CreateOptimizer(model);
            Action<GateStatistics?>? attach = attachGates is null ? null : statistics => attachGates(model, statistics);
            return (forTrainer(model, optimizer), attach, [optimizer, model]);
        });
    }
}

/// <summary>Builds <see cref="ModelCandidate{TData}"/>s for generated models.</summary>
public static class ModelCandidate
{
    /// <summary>
    /// A generated model as a candidate trained on the sample's <typeparamref name="TData"/>: <paramref name="create"/>
    /// builds its managed flavor from a seed, <paramref name="bind"/> wraps the sample's data as the model's Dataset,
    /// <paramref name="attachGates"/> (for gated models) sets its GateStatistics property, and <paramref name="torchSharp"/>
    /// (optional) its TorchSharp flavor, for <see cref="Backend.TorchSharp"/>.
    /// </summary>
    public static ModelCandidate<TData> Of<TData, TModel, TModelDataset>(
        string name,
        Func<ulong, TModel> create,
        Func<TData, TModelDataset> bind,
        Action<TModel, GateStatistics?>? attachGates = null,
        TorchSharpFlavor<TModelDataset>? torchSharp = null)
        where TData : class
        where TModelDataset : class
        where TModel : ITrainableModel<TModelDataset>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(bind);
        return new ModelCandidate<TData>(name, (backend, seed, settings) =>
        {
            switch (backend)
            {
                case Backend.Managed:
                {
                    TModel model = create(seed);
                    var session = new ManagedTrainingSession<TModelDataset>(model, settings.CreateOptimizer(model.Parameters));
                    return new ModelRun<TData>(new AdaptedSession<TData, TModelDataset>(session, bind), attachGates is null ? null : s => attachGates(model, s));
                }

                case Backend.TorchSharp when torchSharp is not null:
                {
                    var (session, attach, owned) = torchSharp.Start(seed, settings);
                    return new ModelRun<TData>(new AdaptedSession<TData, TModelDataset>(session, bind), attach, owned);
                }

                default:
                    throw new ArgumentException($"Model {name} has no {backend} flavor in this sample.", nameof(backend));
            }
        });
    }
}
