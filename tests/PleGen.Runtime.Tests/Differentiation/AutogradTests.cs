using System;
using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Differentiation;

public sealed class AutogradTests
{
    private static Tensor Leaf(params float[] values) => new(new[] { values.Length }, values, requiresGrad: true);

    [Fact]
    public void Gradients_accumulate_across_backward_calls_until_zeroed()
    {
        Tensor x = Leaf(1f, 2f, 3f);
        Ops.Sum(Ops.Mul(x, x)).Backward();                 // d/dx sum(x^2) = 2x
        Assert.Equal(new[] { 2f, 4f, 6f }, x.Grad.ToArray());

        Ops.Sum(Ops.Scale(x, 3f)).Backward();              // + 3
        Assert.Equal(new[] { 5f, 7f, 9f }, x.Grad.ToArray());

        x.ZeroGrad();
        Assert.Equal(new[] { 0f, 0f, 0f }, x.Grad.ToArray());
    }

    [Fact]
    public void A_tensor_used_twice_receives_both_contributions()
    {
        Tensor x = Leaf(2f);
        Tensor y = Ops.Mul(Ops.Add(x, x), x);              // 2x * x = 2x^2, dy/dx = 4x = 8
        y.Backward();
        Assert.Equal(8f, x.Grad[0]);
    }

    [Fact]
    public void NoGrad_records_nothing_and_results_do_not_require_gradients()
    {
        Tensor x = Leaf(1f, 2f);
        Tensor y;
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsEnabled);
            y = Ops.Sum(Ops.Relu(x));
        }

        Assert.True(Autograd.IsEnabled);
        Assert.False(y.RequiresGrad);
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("does not require a gradient", error.Message);
        Assert.False(x.HasGrad);
    }

    [Fact]
    public void Tensors_without_gradient_inputs_record_nothing()
    {
        Tensor x = new(new[] { 2 }, new[] { 1f, 2f });
        Tensor y = Ops.Sum(Ops.Mul(x, x));
        Assert.False(y.RequiresGrad);
    }

    [Fact]
    public void Backward_needs_a_scalar_or_an_explicit_gradient()
    {
        Tensor x = Leaf(1f, 2f);
        Tensor y = Ops.Scale(x, 2f);
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("[2]", error.Message);

        y.Backward(new[] { 1f, 10f });
        Assert.Equal(new[] { 2f, 20f }, x.Grad.ToArray());
    }
}
