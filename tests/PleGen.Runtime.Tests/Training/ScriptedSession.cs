using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Models;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Training;

namespace PleGen.Runtime.Tests.Training;

/// <summary>A data set of labels and masks only: the scripted session's predictions need no features.</summary>
public sealed record ScriptedData(int Count, float[][] Labels, float[]?[] Masks)
{
    /// <summary><paramref name="count"/> samples, every label of every task <paramref name="label"/>, no masks.</summary>
    public static ScriptedData Uniform(int count, int tasks, float label) =>
        new(count, [.. Enumerable.Range(0, tasks).Select(_ => Enumerable.Repeat(label, count).ToArray())], new float[]?[tasks]);

    public ScriptedData WithLabels(int task, float[] labels) => this with { Labels = Replace(Labels, task, labels) };

    public ScriptedData WithMask(int task, float[] mask) => this with { Masks = Replace(Masks, task, mask) };

    private static T[] Replace<T>(T[] items, int index, T item)
    {
        T[] copy = (T[])items.Clone();
        copy[index] = item;
        return copy;
    }
}

/// <summary>
/// A session over a one-number model, so a test knows every epoch's outcome: each step adds 1 to the parameter and every
/// prediction is the parameter (binary tasks: the parameter squashed into (0, 1)), so a regression task labelled 3
/// everywhere has validation MSE (parameter - 3)^2. A step can be told to fail after it has changed the parameter, every
/// prediction can be replaced by a fixed value, and while a <see cref="Gates"/> recorder is set each prediction records
/// one gate whose experts get <see cref="GateWeights"/>.
/// </summary>
public sealed class ScriptedSession(params TaskInfo[] tasks) : ITrainingSession<ScriptedData>
{
    private float? _best;

    /// <summary>The weights of the recorded gate's two experts, for every predicted row.</summary>
    public static readonly float[] GateWeights = [0.25f, 0.75f];

    public float Parameter { get; set; }

    /// <summary>When set, every prediction is this value (NaN, infinity: a diverged model).</summary>
    public float? Prediction { get; init; }

    /// <summary>Where predictions record their gate, or null.</summary>
    public GateStatistics? Gates { get; set; }

    public bool Disposed { get; private set; }

    public int Steps { get; private set; }

    /// <summary>Step number (1-based) -> the exception that step throws after it has changed the parameter, or null.</summary>
    public Func<int, Exception?> Failure { get; set; } = _ => null;

    public IReadOnlyList<TaskInfo> TaskInfos { get; } = tasks;

    public bool Training { get; set; } = true;

    public double LearningRate { get; set; } = 0.1;

    public int Count(ScriptedData data) => data.Count;

    public float Step(ScriptedData data, ReadOnlySpan<int> rows, int epoch, Span<float> taskLosses)
    {
        Steps++;
        Parameter += 1;
        if (Failure(Steps) is { } failure)
        {
            Parameter = float.NaN; // a step that fails midway leaves broken parameters
            throw failure;
        }

        taskLosses.Fill(0.5f);
        return 0.5f;
    }

    public void Predict(ScriptedData data, ReadOnlySpan<int> rows, Span<float> predictions)
    {
        for (int t = 0; t < TaskInfos.Count; t++)
        {
            float value = Prediction ?? (TaskInfos[t].IsBinary ? 1f / (1f + MathF.Exp(-Parameter)) : Parameter);
            predictions.Slice(t * rows.Length, rows.Length).Fill(value);
        }

        if (Gates is { } gates)
        {
            var weights = new float[rows.Length * GateWeights.Length];
            for (int r = 0; r < rows.Length; r++)
            {
                GateWeights.CopyTo(weights, r * GateWeights.Length);
            }

            gates.Record("gates.0", new Tensor([rows.Length, GateWeights.Length], weights), ["shared.0", "task.0"]);
        }
    }

    public ReadOnlySpan<float> Labels(ScriptedData data, int task) => data.Labels[task];

    public ReadOnlySpan<float> Mask(ScriptedData data, int task) => data.Masks[task];

    public void KeepBestParameters() => _best = Parameter;

    public void RestoreBestParameters()
    {
        if (_best is { } best)
        {
            Parameter = best;
        }
    }

    public void Save(string path) => SafeTensors.Save(path, [new NamedTensor("parameter", new Tensor([1], [Parameter]))]);

    public void Dispose() => Disposed = true;
}
