using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PleGen.Runtime;

namespace PleGen.Samples.Experiments;

/// <summary>
/// Lets a generated model's session train on a sample's own data type: every generated model has its own <c>Dataset</c>
/// type, so a comparison of several models binds the sample's data to each model's Dataset (wrapping the arrays, not
/// copying them) once per data object, then forwards everything to the session, whatever its backend.
/// </summary>
public sealed class AdaptedSession<TData, TModelDataset> : ITrainingSession<TData>
    where TData : class
    where TModelDataset : class
{
    private readonly ITrainingSession<TModelDataset> _session;
    private readonly Func<TData, TModelDataset> _bind;
    private readonly ConditionalWeakTable<TData, TModelDataset> _bound = new();

    /// <summary>Wraps <paramref name="session"/>; <paramref name="bind"/> builds the model's Dataset from the sample's data.</summary>
    public AdaptedSession(ITrainingSession<TModelDataset> session, Func<TData, TModelDataset> bind)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _bind = bind ?? throw new ArgumentNullException(nameof(bind));
    }

    /// <inheritdoc />
    public IReadOnlyList<TaskInfo> TaskInfos => _session.TaskInfos;

    /// <inheritdoc />
    public bool Training
    {
        get => _session.Training;
        set => _session.Training = value;
    }

    /// <inheritdoc />
    public double LearningRate
    {
        get => _session.LearningRate;
        set => _session.LearningRate = value;
    }

    /// <inheritdoc />
    public int Count(TData data) => _session.Count(Bind(data));

    /// <inheritdoc />
    public float Step(TData data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses) => _session.Step(Bind(data), rows, epoch, taskLosses);

    /// <inheritdoc />
    public void Predict(TData data, ReadOnlySpan<int> rows, Span<float> predictions) => _session.Predict(Bind(data), rows, predictions);

    /// <inheritdoc />
    public ReadOnlySpan<float> Labels(TData data, int task) => _session.Labels(Bind(data), task);

    /// <inheritdoc />
    public ReadOnlySpan<float> Mask(TData data, int task) => _session.Mask(Bind(data), task);

    /// <inheritdoc />
    public void KeepBestParameters() => _session.KeepBestParameters();

    /// <inheritdoc />
    public void RestoreBestParameters() => _session.RestoreBestParameters();

    /// <inheritdoc />
    public void Save(string path) => _session.Save(path);

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private TModelDataset Bind(TData data) => _bound.GetValue(data, d => _bind(d));
}
