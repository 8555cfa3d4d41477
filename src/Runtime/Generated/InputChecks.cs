using System.ComponentModel;
using System.Globalization;
using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Generated;

/// <summary>
/// Entry checks of generated batches and labels: every problem names the feature or task, what was expected and
/// what was found, before any op runs (never an index error from deep inside the engine).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InputChecks
{
    /// <summary>Checks a dense feature's values [batch, width], all finite, and settles or checks the batch size.</summary>
    public static void Dense(string model, string feature, float[] values, int width, ref int batchSize)
    {
        if (values is null)
        {
            throw new ArgumentNullException(feature, $"{model}: dense feature '{feature}' is missing (null); pass [batch, {width}] floats.");
        }

        if (values.Length % width != 0)
        {
            throw new ArgumentException($"{model}: dense feature '{feature}' expects [batch, {width}] floats, but {values.Length} values are not a multiple of {width}.", feature);
        }

        Settle(model, "dense feature '" + feature + "'", values.Length / width, $"[{values.Length / width}, {width}]", ref batchSize);

        // One vectorized pass (a NaN would make every prediction NaN); the element is looked for only when there is one.
        if (values.Length > 0 && !TensorPrimitives.IsFiniteAll<float>(values))
        {
            int index = Array.FindIndex(values, v => !float.IsFinite(v));
            throw NonFiniteDense(model, feature, width, index, values[index]);
        }
    }

    /// <summary>The error for a NaN or infinite value at row-major position <paramref name="index"/> of a dense feature [batch, width].</summary>
    internal static ArgumentOutOfRangeException NonFiniteDense(string model, string feature, int width, long index, float value) =>
        new(feature, $"{model}: dense feature '{feature}' has {value.ToString(CultureInfo.InvariantCulture)} at sample {index / width} (column {index % width} of [batch, {width}]), not a finite number; impute or clip it, or drop the sample.");

    /// <summary>Checks a categorical feature's ids [batch], each in [0, cardinality), and the batch size.</summary>
    public static void Categorical(string model, string feature, int[] ids, int cardinality, ref int batchSize)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(feature, $"{model}: categorical feature '{feature}' is missing (null); pass one id per sample.");
        }

        for (int i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)cardinality)
            {
                throw new ArgumentOutOfRangeException(feature,
                    $"{model}: categorical feature '{feature}' has id {ids[i]} at sample {i}, outside [0, {cardinality}); map unseen values to an out-of-vocabulary id or raise the declared cardinality.");
            }
        }

        Settle(model, "categorical feature '" + feature + "'", ids.Length, $"[{ids.Length}]", ref batchSize);
    }

    /// <summary>
    /// Checks the ids [batch] of a feature that takes its cardinality from the data: each at least 0 (the model checks the
    /// upper bound, its embedding table's rows), and the batch size.
    /// </summary>
    public static void CategoricalIds(string model, string feature, int[] ids, ref int batchSize)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(feature, $"{model}: categorical feature '{feature}' is missing (null); pass one id per sample.");
        }

        int negative = Array.FindIndex(ids, id => id < 0);
        if (negative >= 0)
        {
            throw new ArgumentOutOfRangeException(feature,
                $"{model}: categorical feature '{feature}' has id {ids[negative]} at sample {negative}; ids are at least 0 (0 is the out-of-vocabulary id of a PleGen vocabulary).");
        }

        Settle(model, "categorical feature '" + feature + "'", ids.Length, $"[{ids.Length}]", ref batchSize);
    }

    /// <summary>
    /// Checks the cardinality a feature declared without one is given when a model is built: at least 1, and an embedding
    /// table [cardinality, embeddingDim] that fits one .NET array. Returns it.
    /// </summary>
    public static int Cardinality(string owner, string feature, int cardinality, int embeddingDim)
    {
        if (cardinality < 1)
        {
            throw new ArgumentOutOfRangeException(feature,
                $"{owner}: the cardinality of categorical feature '{feature}' must be at least 1, but it is {cardinality}; pass its vocabulary's size plus 1 (the out-of-vocabulary id 0), e.g. FeatureCardinalities.FromVocabularies(preprocessing).");
        }

        if ((long)cardinality * embeddingDim > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(feature,
                $"{owner}: categorical feature '{feature}' with cardinality {cardinality} needs an embedding table of {(long)cardinality * embeddingDim} elements ({cardinality} x {embeddingDim}), more than one .NET array holds ({Array.MaxLength}); keep fewer values (PreprocessingOptions.MinCategoryCount) or hash them into fewer ids.");
        }

        return cardinality;
    }

    /// <summary>Checks a task's labels (binary: in [0, 1]) and optional 0/1 mask against the batch size.</summary>
    public static void Labels(string model, string task, float[] labels, float[]? mask, bool binary, ref int batchSize)
    {
        if (labels is null)
        {
            throw new ArgumentNullException(task, $"{model}: labels of task '{task}' are missing (null).");
        }

        Settle(model, "labels of task '" + task + "'", labels.Length, $"[{labels.Length}]", ref batchSize);

        // Vectorized (Min and Max are NaN when a value is); the label is looked for only when there is a bad one.
        bool valid = binary ? TensorPrimitives.Min(labels) >= 0f && TensorPrimitives.Max(labels) <= 1f : TensorPrimitives.IsFiniteAll<float>(labels);
        for (int i = 0; !valid && i < labels.Length; i++)
        {
            if (!float.IsFinite(labels[i]) || (binary && (labels[i] < 0f || labels[i] > 1f)))
            {
                throw new ArgumentOutOfRangeException(task,
                    $"{model}: label {labels[i]} of task '{task}' at sample {i} is not {(binary ? "in [0, 1]" : "a finite number")}.");
            }
        }

        if (mask is null)
        {
            return;
        }

        if (mask.Length != labels.Length)
        {
            throw new ArgumentException($"{model}: the mask of task '{task}' has {mask.Length} values but there are {labels.Length} labels.", task);
        }

        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0f && mask[i] != 1f)
            {
                throw new ArgumentOutOfRangeException(task, $"{model}: the mask of task '{task}' must hold 0 or 1, but sample {i} has {mask[i]}.");
            }
        }
    }

    /// <summary>Checks that a data set's feature columns and label columns have the same number of samples.</summary>
    public static void SameDatasetSize(string model, int features, int labels)
    {
        if (features != labels)
        {
            throw new ArgumentException($"{model}.Dataset: the features have {features} samples but the labels have {labels}; every feature and label array needs one entry per sample (same rows, same order).");
        }
    }

    /// <summary>Checks that outputs and labels describe the same batch.</summary>
    public static void SameBatch(string model, int outputs, int labels)
    {
        if (outputs != labels)
        {
            throw new ArgumentException($"{model}: the output has {outputs} samples but the labels have {labels}; pass the labels of the batch that produced the output.");
        }
    }

    /// <summary>
    /// Settles the batch size from the first input (<paramref name="size"/> samples, shown as <paramref name="shape"/>)
    /// or checks a later input against it; an empty input is refused.
    /// </summary>
    public static void SettleBatch(string model, string what, int size, string shape, ref int batchSize) => Settle(model, what, size, shape, ref batchSize);

    private static void Settle(string model, string what, int size, string shape, ref int batchSize)
    {
        if (size == 0)
        {
            throw new ArgumentException($"{model}: {what} is empty; a batch needs at least one sample.");
        }

        if (batchSize < 0)
        {
            batchSize = size;
        }
        else if (batchSize != size)
        {
            throw new ArgumentException($"{model}: {what} has shape {shape}, i.e. {size} samples, but the batch has {batchSize}; every feature and label must describe the same samples.");
        }
    }
}
