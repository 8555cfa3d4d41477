using System.Collections.Generic;
using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Training;

namespace PleGen.Samples.Tests.Experiments;

/// <summary>A real model's session that fails on purpose: it throws at a given training step, or predicts a given value (NaN, infinity); it records its disposal.</summary>
internal sealed class SabotagedSession<TData>(ITrainingSession<TData> inner, int failAtStep = -1, float? prediction = null) : ITrainingSession<TData>
{
    private int _steps;

    public bool Disposed { get; private set; }

    public IReadOnlyList<TaskInfo> TaskInfos => inner.TaskInfos;

    public bool Training
    {
        get => inner.Training;
        set => inner.Training = value;
    }

    public double LearningRate
    {
        get => inner.LearningRate;
        set => inner.LearningRate = value;
    }

    public int Count(TData data) => inner.Count(data);

    public float Step(TData data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses) =>
        ++_steps == failAtStep ? throw new NonFiniteLossException($"loss of task 'task1' is NaN at step {_steps}", "MeanSquaredError", "task1", 0) : inner.Step(data, rows, epoch, taskLosses);

    public void Predict(TData data, ReadOnlySpan<int> rows, Span<float> predictions)
    {
        inner.Predict(data, rows, predictions);
        if (prediction is { } value)
        {
            predictions.Fill(value);
        }
    }

    public ReadOnlySpan<float> Labels(TData data, int task) => inner.Labels(data, task);

    public ReadOnlySpan<float> Mask(TData data, int task) => inner.Mask(data, task);

    public void KeepBestParameters() => inner.KeepBestParameters();

    public void RestoreBestParameters() => inner.RestoreBestParameters();

    public void Save(string path) => inner.Save(path);

    public void Dispose()
    {
        Disposed = true;
        inner.Dispose();
    }
}
