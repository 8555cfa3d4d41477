using System;
using System.Collections.Generic;
using PleGen;
using PleGen.Runtime.Data;

namespace PleGen.Samples.ScoringService;

/// <summary>
/// An engine that scores checked, encoded feature batches for one model. The service holds one for its lifetime and
/// calls <see cref="Score"/> from many request threads at once, so implementations must be safe for concurrent calls.
/// The managed engine is <see cref="ManagedBackend"/>; an ONNX Runtime backend would feed the same
/// <see cref="FeatureBatch"/> to an exported file (inputs named after <see cref="ModelSchema.Features"/>, outputs after
/// each <see cref="TaskSchema"/>'s generated <c>Output</c> members).
/// </summary>
public interface IScoringBackend
{
    /// <summary>The engine's name in <c>GET /model</c> and the logs, e.g. "managed".</summary>
    string Name { get; }

    /// <summary>Where the model came from (the checkpoint's path).</summary>
    string Source { get; }

    /// <summary>The model's features, tasks and architecture.</summary>
    ModelSchema Schema { get; }

    /// <summary>Scores every row of <paramref name="batch"/>; thread-safe.</summary>
    TaskScores Score(FeatureBatch batch);
}

/// <summary>
/// One request's inputs after checking and encoding: per feature of the schema, dense values row-major
/// <c>[rows, width]</c> (standardized when the model was trained on standardized values) or categorical ids
/// <c>[rows]</c>, each within the feature's cardinality.
/// </summary>
public sealed class FeatureBatch : IColumnSource
{
    private readonly float[]?[] _dense;
    private readonly int[]?[] _ids;

    /// <summary>Empty columns for <paramref name="rowCount"/> rows of <paramref name="schema"/>'s features, to be filled.</summary>
    public FeatureBatch(ModelSchema schema, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowCount, 1);
        Schema = schema;
        RowCount = rowCount;
        _dense = new float[]?[schema.Features.Count];
        _ids = new int[]?[schema.Features.Count];
        for (int f = 0; f < schema.Features.Count; f++)
        {
            FeatureSchema feature = schema.Features[f];
            if (feature.IsCategorical)
            {
                _ids[f] = new int[rowCount];
            }
            else
            {
                _dense[f] = new float[rowCount * feature.Width];
            }
        }
    }

    /// <summary>The schema the columns follow.</summary>
    public ModelSchema Schema { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The values of dense feature <paramref name="feature"/> (index into the schema), row-major.</summary>
    public float[] Dense(int feature) => _dense[feature] ?? throw new ArgumentException($"Feature '{Schema.Features[feature].Name}' is categorical.", nameof(feature));

    /// <summary>The dense values of the feature of that name, for the generated <c>Batch.FromColumns</c> (binding by name).</summary>
    public float[] Dense(string feature, int width)
    {
        int f = Index(feature, categorical: false);
        return Schema.Features[f].Width == width ? Dense(f)
            : throw new ArgumentException($"Feature '{feature}' has width {Schema.Features[f].Width} in the served schema, the model declares {width}.", nameof(width));
    }

    /// <summary>The ids of the categorical feature of that name, for the generated <c>Batch.FromColumns</c>.</summary>
    public int[] Categorical(string feature, int cardinality) => Ids(Index(feature, categorical: true));

    /// <summary>A scoring request carries no labels.</summary>
    public float[] Labels(string task, TaskKind kind) => throw new NotSupportedException($"A scoring request has no labels (task '{task}').");

    /// <summary>A scoring request carries no sample-space masks.</summary>
    public float[]? Mask(string task) => null;

    private int Index(string feature, bool categorical)
    {
        for (int f = 0; f < Schema.Features.Count; f++)
        {
            if (Schema.Features[f].Name == feature && Schema.Features[f].IsCategorical == categorical)
            {
                return f;
            }
        }

        throw new ArgumentException($"The served schema has no {(categorical ? "categorical" : "dense")} feature '{feature}'.", nameof(feature));
    }

    /// <summary>The ids of categorical feature <paramref name="feature"/> (index into the schema).</summary>
    public int[] Ids(int feature) => _ids[feature] ?? throw new ArgumentException($"Feature '{Schema.Features[feature].Name}' is dense.", nameof(feature));
}

/// <summary>A batch's predictions: per task of the schema, one value per row (and a probability per row for binary tasks).</summary>
public sealed class TaskScores
{
    /// <summary>Wraps the arrays: <paramref name="values"/>[t] holds task t's logits (binary) or values (regression).</summary>
    public TaskScores(IReadOnlyList<float[]> values, IReadOnlyList<float[]?> probabilities)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (values.Count != probabilities.Count)
        {
            throw new ArgumentException($"{values.Count} value arrays but {probabilities.Count} probability slots.", nameof(probabilities));
        }

        Values = values;
        Probabilities = probabilities;
    }

    /// <summary>Per task: the logit of a binary task or the value of a regression task, per row.</summary>
    public IReadOnlyList<float[]> Values { get; }

    /// <summary>Per task: the probability per row of a binary task; null for a regression task.</summary>
    public IReadOnlyList<float[]?> Probabilities { get; }
}
