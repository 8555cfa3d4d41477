using System;
using PleGen.Runtime.Experiments;
using PleGen.Runtime.Models;
using PleGen.Runtime.Training;

namespace PleGen.Samples.Experiments;

/// <summary>
/// One model of a sample's comparison in every flavor it has: its reported name (e.g. "PLE") and how to start a
/// freshly initialized run of it for a seed on a backend with the training settings' optimizer. <see cref="Candidate"/>
/// picks the backend and optimizer and gives the runtime's backend-neutral <see cref="ModelCandidate{TDataset}"/>.
/// Every model of a comparison trains on its task group's generated Dataset, <typeparamref name="TDataset"/>; build one
/// with <see cref="Of{TModel}"/>.
/// </summary>
/// <param name="Name">The name the reports use.</param>
/// <param name="Start">A new run: the backend, the seed (initialization) and the training settings (the optimizer).</param>
public sealed record ModelFlavors<TDataset>(string Name, Func<Backend, ulong, TrainingSettings, ModelRun<TDataset>> Start)
    where TDataset : class
{
    /// <summary>
    /// Trains one fresh model per task, each stopping early on its own task's validation metric (the single-task
    /// baseline); see <see cref="ModelCandidate{TDataset}.StopsPerTask"/>.
    /// </summary>
    public bool StopsPerTask { get; init; }

    /// <summary>
    /// The model's trainable parameters as the generator counted them at compile time (<c>Model.Architecture.TotalParameters</c>;
    /// for the single-task baseline, every task's network together); null when unknown.
    /// </summary>
    public long? Parameters { get; init; }

    /// <summary>The generated model class (its managed flavor), for checking its declaration against the data; null when unknown.</summary>
    public Type? ModelType { get; init; }

    /// <summary>The model as the runner trains it with <paramref name="settings"/>: on their backend, with their optimizer.</summary>
    public ModelCandidate<TDataset> Candidate(TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ModelCandidate<TDataset>(Name, seed => Start(settings.Backend, seed, settings)) { StopsPerTask = StopsPerTask };
    }

    /// <summary>
    /// A generated model over the task group whose Dataset is <typeparamref name="TDataset"/>: <paramref name="create"/>
    /// builds its managed flavor from a seed, <paramref name="attachGates"/> (for gated models) sets its GateStatistics
    /// property, and <paramref name="torchSharp"/> (optional) its TorchSharp flavor, for <see cref="Backend.TorchSharp"/>;
    /// <paramref name="parameters"/> is its generated <c>Architecture.TotalParameters</c>.
    /// </summary>
    public static ModelFlavors<TDataset> Of<TModel>(
        string name,
        long parameters,
        Func<ulong, TModel> create,
        Action<TModel, GateStatistics?>? attachGates = null,
        TorchSharpFlavor<TDataset>? torchSharp = null)
        where TModel : ITrainableModel<TDataset>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters);
        return new ModelFlavors<TDataset>(name, (backend, seed, settings) =>
        {
            switch (backend)
            {
                case Backend.Managed:
                {
                    TModel model = create(seed);
                    var session = new ManagedTrainingSession<TDataset>(model, settings.CreateOptimizer(model.Parameters));
                    return new ModelRun<TDataset>(session, attachGates is null ? null : s => attachGates(model, s));
                }

                case Backend.TorchSharp when torchSharp is not null:
                {
                    var (session, attach, owned) = torchSharp.Start(seed, settings);
                    return new ModelRun<TDataset>(session, attach, owned);
                }

                default:
                    throw new ArgumentException($"Model {name} has no {backend} flavor in this sample.", nameof(backend));
            }
        }) { Parameters = parameters, ModelType = typeof(TModel) };
    }
}
