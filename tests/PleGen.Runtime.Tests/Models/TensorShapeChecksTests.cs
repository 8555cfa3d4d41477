using System;
using PleGen.Runtime.Generated;
using Xunit;

namespace PleGen.Runtime.Tests.Models;

/// <summary>The TorchSharp flavor's entry checks: shapes and element types of tensors, in the managed checks' wording.</summary>
public sealed class TensorShapeChecksTests
{
    [Fact]
    public void Good_inputs_settle_the_batch_size()
    {
        int batchSize = -1;
        TensorShapeChecks.Dense("M", "profile", [4, 7], "Float32", 7, ref batchSize);
        TensorShapeChecks.Categorical("M", "region", [4], "Int64", ref batchSize);
        TensorShapeChecks.Labels("M", "click", [4], "Float32", [4], "Float32", ref batchSize);
        Assert.Equal(4, batchSize);
    }

    [Theory]
    [InlineData(new long[] { 4, 6 }, "Float32", "expects a Float32 tensor [batch, 7], but got Float32 [4, 6]")]
    [InlineData(new long[] { 28 }, "Float32", "expects a Float32 tensor [batch, 7], but got Float32 [28]")]
    [InlineData(new long[] { 4, 7 }, "Float64", "expects a Float32 tensor [batch, 7], but got Float64 [4, 7]")]
    public void A_dense_feature_of_the_wrong_shape_or_type_is_named(long[] shape, string type, string message)
    {
        int batchSize = -1;
        var error = Assert.Throws<ArgumentException>(() => TensorShapeChecks.Dense("M", "profile", shape, type, 7, ref batchSize));
        Assert.Contains("M: dense feature 'profile' " + message, error.Message);
    }

    [Fact]
    public void Ids_must_be_an_int64_vector()
    {
        int batchSize = -1;
        var error = Assert.Throws<ArgumentException>(() => TensorShapeChecks.Categorical("M", "region", [4, 1], "Int32", ref batchSize));
        Assert.Contains("M: categorical feature 'region' expects an Int64 tensor of ids [batch], but got Int32 [4, 1]", error.Message);
    }

    [Fact]
    public void Disagreeing_batch_sizes_get_the_managed_message()
    {
        int batchSize = -1;
        TensorShapeChecks.Dense("M", "profile", [4, 7], "Float32", 7, ref batchSize);
        var error = Assert.Throws<ArgumentException>(() => TensorShapeChecks.Categorical("M", "region", [5], "Int64", ref batchSize));

        int managedBatch = -1;
        InputChecks.Dense("M", "profile", new float[28], 7, ref managedBatch);
        var managed = Assert.Throws<ArgumentException>(() => InputChecks.Categorical("M", "region", new int[5], 10, ref managedBatch));
        Assert.Equal(managed.Message, error.Message);
        Assert.Contains("has shape [5], i.e. 5 samples, but the batch has 4", error.Message);
    }

    [Fact]
    public void Empty_batches_and_bad_masks_are_refused()
    {
        int batchSize = -1;
        Assert.Contains("is empty", Assert.Throws<ArgumentException>(() => TensorShapeChecks.Categorical("M", "region", [0], "Int64", ref batchSize)).Message);
        batchSize = -1;
        var mask = Assert.Throws<ArgumentException>(() => TensorShapeChecks.Labels("M", "click", [4], "Float32", [3], "Float32", ref batchSize));
        Assert.Contains("the mask of task 'click' must be a Float32 tensor [4] like its labels, but got Float32 [3]", mask.Message);
    }
}
