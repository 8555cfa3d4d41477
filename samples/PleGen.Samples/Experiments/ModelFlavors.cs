using System;
using PleGen.Runtime;
using PleGen.Runtime.Experiments;

namespace PleGen.Samples.Experiments;

/// <summary>
/// One model of a sample's comparison in every flavor it has: its reported name (e.g. "PLE") and how to start a
/// freshly initialized run of it for a seed on a backend with the training settings' optimizer. <see cref="Candidate"/>
/// picks the backend and optimizer and gives the runtime's backend-neutral <see cref="ModelCandidate{TDataset}"/>.
/// Build one with <see cref="ModelFlavors.Of{TData, TModel, TModelDataset}"/>.
/// </summary>
/// <param name="Name">The name the reports use.</param>
/// <param name="Start">A new run: the backend, the seed (initialization) and the training settings (the optimizer).</param>
public sealed record ModelFlavors<TData>(string Name, Func<Backend, ulong, TrainingSettings, ModelRun<TData>> Start)
{
    /// <summary>
    /// Trains one fresh model per task, each stopping early on its own task's validation metric (the single-task
    /// baseline); see <see cref="ModelCandidate{TDataset}.StopsPerTask"/>.
    /// </summary>
    public bool StopsPerTask { get; init; }

    /// <summary>The model as the runner trains it with <paramref name="settings"/>: on their backend, with their optimizer.</summary>
    public ModelCandidate<TData> Candidate(TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ModelCandidate<TData>(Name, seed => Start(settings.Backend, seed, settings)) { StopsPerTask = StopsPerTask };
    }
}

/// <summary>Builds <see cref="ModelFlavors{TData}"/> for generated models.</summary>
public static class ModelFlavors
{
    /// <summary>
    /// A generated model trained on the sample's <typeparamref name="TData"/>: <paramref name="create"/> builds its
    /// managed flavor from a seed, <paramref name="bind"/> wraps the sample's data as the model's Dataset,
    /// <paramref name="attachGates"/> (for gated models) sets its GateStatistics property, and <paramref name="torchSharp"/>
    /// (optional) its TorchSharp flavor, for <see cref="Backend.TorchSharp"/>.
    /// </summary>
    public static ModelFlavors<TData> Of<TData, TModel, TModelDataset>(
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
        return new ModelFlavors<TData>(name, (backend, seed, settings) =>
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
