using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PleGen.Runtime;

namespace PleGen.Samples.Experiments;

/// <summary>
/// Lets a generated model train on a sample's own data type: every generated model has its own <c>Dataset</c>
/// type, so a comparison of several models binds the sample's data to each model's Dataset (wrapping the
/// arrays, not copying them) once per data object, then forwards everything to the model.
/// </summary>
public sealed class AdaptedModel<TData, TModelDataset> : ITrainableModel<TData>
    where TData : class
    where TModelDataset : class
{
    private readonly ITrainableModel<TModelDataset> _model;
    private readonly Func<TData, TModelDataset> _bind;
    private readonly ConditionalWeakTable<TData, TModelDataset> _bound = new();

    /// <summary>Wraps <paramref name="model"/>; <paramref name="bind"/> builds its Dataset from the sample's data.</summary>
    public AdaptedModel(ITrainableModel<TModelDataset> model, Func<TData, TModelDataset> bind)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _bind = bind ?? throw new ArgumentNullException(nameof(bind));
    }

    /// <summary>The generated model.</summary>
    public ITrainableModel<TModelDataset> Model => _model;

    /// <inheritdoc />
    public IReadOnlyList<NamedTensor> Parameters => _model.Parameters;

    /// <inheritdoc />
    public bool Training
    {
        get => _model.Training;
        set => _model.Training = value;
    }

    /// <inheritdoc />
    public IReadOnlyList<TaskInfo> TaskInfos => _model.TaskInfos;

    /// <inheritdoc />
    public void Save(string path) => _model.Save(path);

    /// <inheritdoc />
    public void Load(string path) => _model.Load(path);

    /// <inheritdoc />
    public int Count(TData data) => _model.Count(Bind(data));

    /// <inheritdoc />
    public float TrainStep(TData data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses) => _model.TrainStep(Bind(data), rows, epoch, taskLosses);

    /// <inheritdoc />
    public void Predict(TData data, ReadOnlySpan<int> rows, Span<float> predictions) => _model.Predict(Bind(data), rows, predictions);

    /// <inheritdoc />
    public ReadOnlySpan<float> Labels(TData data, int task) => _model.Labels(Bind(data), task);

    /// <inheritdoc />
    public ReadOnlySpan<float> Mask(TData data, int task) => _model.Mask(Bind(data), task);

    private TModelDataset Bind(TData data) => _bound.GetValue(data, d => _bind(d));
}
