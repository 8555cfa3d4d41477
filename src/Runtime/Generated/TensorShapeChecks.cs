using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System;

namespace PleGen.Runtime.Generated;

/// <summary>
/// The entry checks of <see cref="InputChecks"/> for tensors of another backend (the generated TorchSharp
/// flavor), which are known only by shape and element type: the same wording, so both flavors of a model
/// explain a bad input the same way. Only metadata is read (no device synchronisation).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TensorShapeChecks
{
    /// <summary>Checks a dense feature of shape [batch, width] and element type float32, and settles or checks the batch size.</summary>
    public static void Dense(string model, string feature, IReadOnlyList<long> shape, string elementType, int width, ref int batchSize)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count != 2 || shape[1] != width || elementType != "Float32")
        {
            throw new ArgumentException($"{model}: dense feature '{feature}' expects a Float32 tensor [batch, {width}], but got {elementType} {Describe(shape)}.", feature);
        }

        Settle(model, "dense feature '" + feature + "'", shape, ref batchSize);
    }

    /// <summary>
    /// Reports a dense feature's first NaN or infinite value in the managed flavor's words: the caller finds it on its
    /// device (<paramref name="firstNonFinite"/>: its row-major index in [batch, width], or -1 when every value is finite)
    /// and passes it with its <paramref name="value"/>.
    /// </summary>
    public static void DenseValues(string model, string feature, int width, long firstNonFinite, float value)
    {
        if (firstNonFinite >= 0)
        {
            throw InputChecks.NonFiniteDense(model, feature, width, firstNonFinite, value);
        }
    }

    /// <summary>Checks a categorical feature of shape [batch] and element type int64, and the batch size (ids are range-checked by the embedding).</summary>
    public static void Categorical(string model, string feature, IReadOnlyList<long> shape, string elementType, ref int batchSize)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count != 1 || elementType != "Int64")
        {
            throw new ArgumentException($"{model}: categorical feature '{feature}' expects an Int64 tensor of ids [batch], but got {elementType} {Describe(shape)}.", feature);
        }

        Settle(model, "categorical feature '" + feature + "'", shape, ref batchSize);
    }

    /// <summary>Checks a task's labels (and its mask, when given) of shape [batch] and element type float32, and the batch size.</summary>
    public static void Labels(string model, string task, IReadOnlyList<long> shape, string elementType, IReadOnlyList<long>? maskShape, string? maskElementType, ref int batchSize)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count != 1 || elementType != "Float32")
        {
            throw new ArgumentException($"{model}: labels of task '{task}' expect a Float32 tensor [batch], but got {elementType} {Describe(shape)}.", task);
        }

        Settle(model, "labels of task '" + task + "'", shape, ref batchSize);
        if (maskShape is not null && (maskShape.Count != 1 || maskShape[0] != shape[0] || maskElementType != "Float32"))
        {
            throw new ArgumentException($"{model}: the mask of task '{task}' must be a Float32 tensor [{shape[0]}] like its labels, but got {maskElementType} {Describe(maskShape)}.", task);
        }
    }

    private static void Settle(string model, string what, IReadOnlyList<long> shape, ref int batchSize)
    {
        if (shape[0] > int.MaxValue)
        {
            throw new ArgumentException($"{model}: {what} has shape {Describe(shape)}; a batch holds at most {int.MaxValue} samples.");
        }

        InputChecks.SettleBatch(model, what, (int)shape[0], Describe(shape), ref batchSize);
    }

    private static string Describe(IReadOnlyList<long> shape) =>
        "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
