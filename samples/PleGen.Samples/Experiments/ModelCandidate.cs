using System;
using PleGen.Runtime;

namespace PleGen.Samples.Experiments;

/// <summary>
/// One model of a comparison: its reported name (e.g. "PLE"), how to build it for a seed and, for models with
/// gates, how to attach a <see cref="GateStatistics"/> recorder. Build one with
/// <see cref="ModelCandidate.Of{TData, TModel, TModelDataset}"/>.
/// </summary>
/// <param name="Name">The name the reports use.</param>
/// <param name="Create">Builds a freshly initialized model from a seed.</param>
/// <param name="AttachGateStatistics">Sets the model's gate recorder (null detaches it); null for models without gates.</param>
public sealed record ModelCandidate<TData>(
    string Name,
    Func<ulong, ITrainableModel<TData>> Create,
    Action<ITrainableModel<TData>, GateStatistics?>? AttachGateStatistics = null);

/// <summary>Builds <see cref="ModelCandidate{TData}"/>s for generated models.</summary>
public static class ModelCandidate
{
    /// <summary>
    /// A generated model as a candidate trained on the sample's <typeparamref name="TData"/>:
    /// <paramref name="create"/> builds it from a seed, <paramref name="bind"/> wraps the sample's data as the
    /// model's Dataset, and <paramref name="attachGates"/> (for gated models) sets its GateStatistics property.
    /// </summary>
    public static ModelCandidate<TData> Of<TData, TModel, TModelDataset>(
        string name,
        Func<ulong, TModel> create,
        Func<TData, TModelDataset> bind,
        Action<TModel, GateStatistics?>? attachGates = null)
        where TData : class
        where TModelDataset : class
        where TModel : ITrainableModel<TModelDataset>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(bind);
        Action<ITrainableModel<TData>, GateStatistics?>? attach = attachGates is null
            ? null
            : (model, statistics) => attachGates((TModel)((AdaptedModel<TData, TModelDataset>)model).Model, statistics);
        return new ModelCandidate<TData>(name, seed => new AdaptedModel<TData, TModelDataset>(create(seed), bind), attach);
    }
}
