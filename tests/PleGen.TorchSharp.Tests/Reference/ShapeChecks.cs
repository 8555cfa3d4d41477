// Entry checks of the reference module's typed inputs. They read only shapes and dtypes (metadata, no device
// synchronisation); id ranges are left to TorchSharp's embedding, which reports an out-of-range id itself.
using System;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Reference;

internal static class ShapeChecks
{
    /// <summary>Checks a [batch, columns] tensor of <paramref name="dtype"/> with batch &gt;= 1 and returns batch.</summary>
    public static long Rows(Tensor tensor, string name, string meaning, long columns, ScalarType dtype)
    {
        long[] shape = tensor.shape;
        if (shape.Length != 2 || shape[1] != columns || shape[0] < 1 || tensor.dtype != dtype)
        {
            throw new ArgumentException(
                $"{name} ({meaning}) must be a {dtype} tensor of shape [batch, {columns}] with batch >= 1, "
                + $"but is {tensor.dtype} {Describe(shape)}. Pass one row of {columns} values per sample.", name);
        }
        return shape[0];
    }

    /// <summary>Checks a [batchSize] tensor of <paramref name="dtype"/>: one value per sample.</summary>
    public static void PerSample(Tensor tensor, string name, string meaning, long batchSize, string batchSizeSource, ScalarType dtype)
    {
        long[] shape = tensor.shape;
        if (shape.Length != 1 || shape[0] != batchSize || tensor.dtype != dtype)
        {
            throw new ArgumentException(
                $"{name} ({meaning}) must be a {dtype} tensor of shape [{batchSize}] (one value per sample; the batch "
                + $"size comes from {batchSizeSource}), but is {tensor.dtype} {Describe(shape)}.", name);
        }
    }

    /// <summary>Checks a [batch] tensor of <paramref name="dtype"/> with batch &gt;= 1 and returns batch.</summary>
    public static long Samples(Tensor tensor, string name, string meaning, ScalarType dtype)
    {
        long[] shape = tensor.shape;
        if (shape.Length != 1 || shape[0] < 1 || tensor.dtype != dtype)
        {
            throw new ArgumentException(
                $"{name} ({meaning}) must be a {dtype} tensor of shape [batch] with batch >= 1, "
                + $"but is {tensor.dtype} {Describe(shape)}. Pass one value per sample.", name);
        }
        return shape[0];
    }

    private static string Describe(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
