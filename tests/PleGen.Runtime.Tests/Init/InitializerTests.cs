using System;
using System.Linq;
using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Init;

public sealed class InitializerTests
{
    private static Tensor Make(params int[] shape) => new(shape, new float[ShapeUtil.Product(shape)]);

    [Fact]
    public void Linear_weight_is_uniform_within_one_over_sqrt_fan_in()
    {
        Tensor w = Make(256, 400);
        Initializers.LinearWeight(w, 1, "w");
        float bound = 1f / MathF.Sqrt(400);
        float[] v = w.ToArray();
        Assert.All(v, x => Assert.InRange(x, -bound, bound));
        // U(-b, b): mean 0, variance b^2 / 3; 102,400 samples put both well within these margins.
        Assert.InRange(v.Average(), -0.01 * bound, 0.01 * bound);
        double variance = v.Select(x => (double)x * x).Average();
        Assert.InRange(variance, bound * bound / 3 * 0.98, bound * bound / 3 * 1.02);
        // Kolmogorov-Smirnov against the uniform CDF: D < 1.63 / sqrt(n) at the 1% level.
        Array.Sort(v);
        double d = v.Select((x, i) => Math.Abs(((x + bound) / (2 * bound)) - ((i + 0.5) / v.Length))).Max();
        Assert.True(d < 1.63 / Math.Sqrt(v.Length), $"KS distance {d}");
    }

    [Fact]
    public void Embedding_is_standard_normal()
    {
        Tensor e = Make(1000, 100);
        Initializers.Embedding(e, 2, "e");
        float[] v = e.ToArray();
        Assert.InRange(v.Average(), -0.01, 0.01);
        Assert.InRange(v.Select(x => (double)x * x).Average(), 0.98, 1.02);
    }

    [Fact]
    public void Same_seed_and_name_give_the_same_values_whatever_the_order()
    {
        Tensor a1 = Make(10, 10), b1 = Make(10, 10), a2 = Make(10, 10), b2 = Make(10, 10);
        Initializers.LinearWeight(a1, 5, "a");
        Initializers.LinearWeight(b1, 5, "b");
        Initializers.LinearWeight(b2, 5, "b");   // other order
        Initializers.LinearWeight(a2, 5, "a");
        Assert.Equal(a1.ToArray(), a2.ToArray());
        Assert.Equal(b1.ToArray(), b2.ToArray());
        Assert.NotEqual(a1.ToArray(), b1.ToArray());

        Tensor c = Make(10, 10);
        Initializers.LinearWeight(c, 6, "a");
        Assert.NotEqual(a1.ToArray(), c.ToArray());
    }

    [Fact]
    public void Bias_bound_uses_the_layers_fan_in()
    {
        Tensor b = Make(1000);
        Initializers.LinearBias(b, 16, 3, "b");
        Assert.All(b.ToArray(), x => Assert.InRange(x, -0.25f, 0.25f));
        Assert.True(b.ToArray().Max() > 0.2f);
    }
}
