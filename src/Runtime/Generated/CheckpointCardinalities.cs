using System;
using System.Collections.Generic;
using System.ComponentModel;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Tensors;

namespace PleGen.Runtime.Generated;

/// <summary>
/// Checkpoints of models whose categorical features take their cardinality from the data: the cardinality a checkpoint
/// was trained with is the row count of the feature's embedding table, read from the file's header.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CheckpointCardinalities
{
    /// <summary>The rows of embedding table <paramref name="weight"/> [cardinality, dim] in the checkpoint: the feature's cardinality.</summary>
    /// <exception cref="CheckpointException">The file has no such table, or it is not a matrix.</exception>
    public static int Rows(string model, string path, IReadOnlyDictionary<string, int[]> shapes, string feature, string weight)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (!shapes.TryGetValue(weight, out int[]? shape))
        {
            throw new CheckpointException(
                $"{path}: cannot build {model} from it: the embedding table '{weight}' of categorical feature '{feature}' is missing, so the cardinality it was trained with is unknown; is this a checkpoint of {model}?");
        }

        if (shape.Length != 2)
        {
            throw new CheckpointException(
                $"{path}: cannot build {model} from it: the embedding table '{weight}' of categorical feature '{feature}' has shape {ShapeUtil.Format(shape)}, not [cardinality, dim].");
        }

        return shape[0];
    }

    /// <summary>
    /// Checks that the checkpoint's table <paramref name="weight"/> has the rows the model was built with, before any
    /// parameter is read: otherwise the model and the checkpoint map the feature's values to different ids.
    /// </summary>
    /// <exception cref="CheckpointException">The rows differ (the message says both cardinalities and how to build a matching model).</exception>
    public static void Check(string model, string path, IReadOnlyDictionary<string, int[]> shapes, string feature, string weight, int cardinality)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.TryGetValue(weight, out int[]? shape) && shape.Length == 2 && shape[0] != cardinality)
        {
            throw new CheckpointException(
                $"{path} was trained with cardinality {shape[0]} for categorical feature '{feature}' (its embedding table '{weight}' has {shape[0]} rows), " +
                $"but this {model} was built with cardinality {cardinality}. Build the model with the cardinalities it was trained with: " +
                $"{model}.FromCheckpoint(path), or FeatureCardinalities.FromVocabularies(the preprocessing saved beside the checkpoint).");
        }
    }
}
