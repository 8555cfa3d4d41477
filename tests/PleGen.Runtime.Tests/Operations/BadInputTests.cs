using System;
using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Operations;

public sealed class BadInputTests
{
    private static Tensor Zeros(params int[] shape) => new(shape, new float[ShapeUtil.Product(shape)]);

    [Fact]
    public void MatMul_names_both_shapes_when_inner_dimensions_differ()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.MatMul(Zeros(32, 10), Zeros(11, 4)));
        Assert.Contains("[32, 10]", error.Message);
        Assert.Contains("[11, 4]", error.Message);
        Assert.Contains("10 and 11", error.Message);
    }

    [Fact]
    public void Linear_names_input_and_weight_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.Linear(Zeros(8, 5), Zeros(3, 4), Zeros(3)));
        Assert.Contains("[8, 5]", error.Message);
        Assert.Contains("[3, 4]", error.Message);
    }

    [Fact]
    public void Broadcast_mismatch_names_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.Add(Zeros(3, 4), Zeros(3)));
        Assert.Contains("[3]", error.Message);
        Assert.Contains("[3, 4]", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(int.MaxValue)]
    public void Embedding_rejects_out_of_range_ids_with_feature_position_and_cardinality(int id)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Embedding(Zeros(5, 2), new[] { 0, id }, "education"));
        Assert.Contains("'education'", error.Message);
        Assert.Contains($"id {id} at position 1", error.Message);
        Assert.Contains("[0, 5)", error.Message);
    }

    [Fact]
    public void Embedding_accepts_int64_ids_and_rejects_ones_beyond_int_range()
    {
        var weight = new Tensor(new[] { 3, 2 }, new[] { 1f, 2f, 3f, 4f, 5f, 6f });
        Assert.Equal(new[] { 5f, 6f, 1f, 2f }, Ops.Embedding(weight, new long[] { 2, 0 }).ToArray());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Embedding(weight, new long[] { 1, 1L << 40 }, "user"));
        Assert.Contains("'user'", error.Message);
        Assert.Contains("position 1", error.Message);
    }

    [Fact]
    public void Nan_in_a_loss_is_reported_with_task_and_sample()
    {
        var logits = new Tensor(new[] { 3 }, new[] { 0.5f, float.NaN, 1f });
        var targets = new Tensor(new[] { 3 }, new[] { 1f, 0f, 1f });
        var error = Assert.Throws<NonFiniteLossException>(() => Losses.BinaryCrossEntropyWithLogits(logits, targets, task: "income"));
        Assert.Equal("income", error.Task);
        Assert.Equal(1, error.Sample);
        Assert.Contains("sample 1", error.Message);
    }

    [Fact]
    public void Infinite_regression_error_is_reported()
    {
        var predictions = new Tensor(new[] { 2 }, new[] { 1f, 3e38f });
        var targets = new Tensor(new[] { 2 }, new[] { 1f, -3e38f });
        var error = Assert.Throws<NonFiniteLossException>(() => Losses.MeanSquaredError(predictions, targets, task: "watch_time"));
        Assert.Equal(1, error.Sample);
    }

    [Fact]
    public void A_mask_must_hold_zeros_and_ones()
    {
        var x = Zeros(2);
        var error = Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError(x, x, new Tensor(new[] { 2 }, new[] { 1f, 0.5f })));
        Assert.Contains("0 or 1", error.Message);
    }

    [Fact]
    public void A_batch_without_masked_in_samples_gives_zero_loss_and_zero_gradient()
    {
        var logits = new Tensor(new[] { 2 }, new[] { 3f, -1f }, requiresGrad: true);
        var targets = new Tensor(new[] { 2 }, new[] { 1f, 0f });
        var mask = new Tensor(new[] { 2 }, new[] { 0f, 0f });
        Tensor loss = Losses.BinaryCrossEntropyWithLogits(logits, targets, mask);
        Assert.Equal(0f, loss.Item());
        Assert.Equal(new[] { 0f, 0f }, logits.Grad.ToArray());
    }

    [Fact]
    public void Creating_a_tensor_with_a_short_buffer_names_shape_and_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new Tensor(new[] { 2, 3 }, new float[5]));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("5", error.Message);
    }
}
