using System.Linq;
using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

public sealed class DropoutTests
{
    private static Tensor Ones(int n) => Tensor.Full(1f, n);

    [Fact]
    public void Evaluation_returns_the_input_itself()
    {
        Tensor x = Ones(4);
        Assert.Same(x, Ops.Dropout(x, 0.5f, training: false, new RandomSource(1)));
        Assert.Same(x, Ops.Dropout(x, 0f, training: true, new RandomSource(1)));
    }

    [Fact]
    public void Training_zeroes_about_p_of_the_elements_and_scales_the_rest_by_one_over_one_minus_p()
    {
        const int n = 20000;
        const float p = 0.3f;
        float[] y = Ops.Dropout(Ones(n), p, training: true, new RandomSource(42)).ToArray();
        int zeros = y.Count(v => v == 0f);
        Assert.All(y, v => Assert.True(v == 0f || v == 1f / (1f - p), $"unexpected value {v}"));

        // Binomial(20000, 0.3): standard deviation 65; 6 of them is a bound a correct mask never breaks by chance.
        Assert.InRange(zeros, (n * p) - 390, (n * p) + 390);
    }

    [Fact]
    public void The_same_seed_gives_the_same_mask_and_another_seed_a_different_one()
    {
        float[] a = Ops.Dropout(Ones(64), 0.5f, true, new RandomSource(9)).ToArray();
        float[] b = Ops.Dropout(Ones(64), 0.5f, true, new RandomSource(9)).ToArray();
        float[] c = Ops.Dropout(Ones(64), 0.5f, true, new RandomSource(10)).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void The_gradient_passes_where_the_mask_kept_the_element()
    {
        var x = new Tensor(new[] { 64 }, Enumerable.Repeat(1f, 64).ToArray(), requiresGrad: true);
        Tensor y = Ops.Dropout(x, 0.5f, true, new RandomSource(3));
        Ops.Sum(y).Backward();
        Assert.Equal(y.ToArray(), x.Grad.ToArray());     // with x = 1, y is the mask itself
    }
}
