using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

public sealed class LossTests
{
    private static Tensor T(params float[] values) => new(new[] { values.Length }, values);

    private static Tensor Leaf(params float[] values) => new(new[] { values.Length }, values, requiresGrad: true);

    [Fact]
    public void A_batch_without_masked_in_samples_gives_zero_loss_and_zero_gradient()
    {
        Tensor logits = Leaf(3f, -1f);
        Tensor loss = LossFunctions.BinaryCrossEntropyWithLogits(logits, T(1f, 0f), T(0f, 0f));
        Assert.Equal(0f, loss.Item());
        Assert.True(loss.RequiresGrad);         // part of a joint loss, it must not break Backward
        loss.Backward();
        Assert.Equal(new[] { 0f, 0f }, logits.Grad.ToArray());

        Tensor predictions = Leaf(1f, 2f);
        Tensor mse = LossFunctions.MeanSquaredError(predictions, T(0f, 0f), T(0f, 0f));
        Assert.Equal(0f, mse.Item());
        mse.Backward();
        Assert.Equal(new[] { 0f, 0f }, predictions.Grad.ToArray());
    }

    [Fact]
    public void The_mean_runs_over_masked_in_samples_only()
    {
        Tensor loss = LossFunctions.MeanSquaredError(T(1f, 5f, 3f, 100f), T(0f, 0f, 0f, 0f), T(1f, 0f, 1f, 0f));
        Assert.Equal((1f + 9f) / 2f, loss.Item());
    }

    [Fact]
    public void Masked_out_samples_may_have_missing_labels()
    {
        Tensor predictions = Leaf(1f, 2f, 3f);
        Tensor loss = LossFunctions.MeanSquaredError(predictions, T(0f, float.NaN, 1f), T(1f, 0f, 1f));
        Assert.Equal((1f + 4f) / 2f, loss.Item());
        loss.Backward();
        Assert.Equal(new[] { 1f, 0f, 2f }, predictions.Grad.ToArray());   // d/dx mean = (x - y) over 2 samples
    }

    [Fact]
    public void Nan_in_a_loss_names_the_loss_task_and_first_sample()
    {
        Tensor logits = T(0.5f, 1f, float.NaN, float.NaN);
        var error = Assert.Throws<NonFiniteLossException>(() => LossFunctions.BinaryCrossEntropyWithLogits(logits, T(1f, 0f, 1f, 1f), task: "income"));
        Assert.Equal("BinaryCrossEntropyWithLogits", error.Loss);
        Assert.Equal("income", error.Task);
        Assert.Equal(2, error.Sample);
        Assert.Contains("task 'income' is not finite at sample 2", error.Message);
    }

    [Fact]
    public void A_nan_target_of_a_masked_in_sample_is_reported()
    {
        var error = Assert.Throws<NonFiniteLossException>(() => LossFunctions.MeanSquaredError(T(1f, 2f), T(1f, float.NaN), T(1f, 1f), "hours"));
        Assert.Equal("MeanSquaredError", error.Loss);
        Assert.Equal(1, error.Sample);
    }

    [Fact]
    public void An_infinite_regression_error_is_reported()
    {
        var error = Assert.Throws<NonFiniteLossException>(() => LossFunctions.MeanSquaredError(T(1f, 3e38f), T(1f, -3e38f), task: "watch_time"));
        Assert.Equal(1, error.Sample);
    }

    [Fact]
    public void The_first_offending_sample_is_found_beyond_the_first_chunk()
    {
        var logits = new float[1000];
        logits[600] = float.NaN;
        logits[800] = float.PositiveInfinity;            // +inf logit, target 0: an infinite loss, but a later sample
        var error = Assert.Throws<NonFiniteLossException>(() => LossFunctions.BinaryCrossEntropyWithLogits(T(logits), T(new float[1000])));
        Assert.Equal(600, error.Sample);
    }

    [Fact]
    public void Extreme_logits_give_finite_exact_losses()
    {
        Tensor logits = Leaf(100f, -100f, 100f);
        Tensor loss = LossFunctions.BinaryCrossEntropyWithLogits(logits, T(1f, 0f, 0f));
        Assert.Equal(100f / 3f, loss.Item(), 4);
        loss.Backward();
        Assert.Equal(0f, logits.Grad[0], 6);
        Assert.Equal(0f, logits.Grad[1], 6);
        Assert.Equal(1f / 3f, logits.Grad[2], 6);
    }

    [Fact]
    public void A_mask_must_hold_zeros_and_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => LossFunctions.MeanSquaredError(T(0f, 0f), T(0f, 0f), T(1f, 0.5f)));
        Assert.Contains("0 or 1", error.Message);
        Assert.Contains("sample 1 has 0.5", error.Message);
    }

    [Fact]
    public void Shapes_are_checked_naming_the_task()
    {
        var targets = Assert.Throws<ArgumentException>(() => LossFunctions.BinaryCrossEntropyWithLogits(Tensor.Zeros(4, 1), Tensor.Zeros(3), task: "ctr"));
        Assert.Contains("(ctr)", targets.Message);
        Assert.Contains("[4, 1]", targets.Message);
        Assert.Contains("[3]", targets.Message);
        Assert.Contains("[batch] or [batch, 1]", Assert.Throws<ArgumentException>(() => LossFunctions.MeanSquaredError(Tensor.Zeros(4, 2), Tensor.Zeros(8))).Message);
        Assert.Contains("mask has 2 values", Assert.Throws<ArgumentException>(() => LossFunctions.MeanSquaredError(Tensor.Zeros(4), Tensor.Zeros(4), Tensor.Zeros(2))).Message);
    }
}
