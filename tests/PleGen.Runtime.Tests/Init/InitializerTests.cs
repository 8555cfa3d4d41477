using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System;
using PleGen.Runtime.Init;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Init;

public sealed class InitializerTests
{
    private static Tensor Make(params int[] shape) => new(shape, new float[ShapeUtil.Product(shape)]);

    /// <summary>Bounds hold, the bound is reached, mean 0 and variance b^2 / 3 within 5 standard errors, and KS accepts U(-b, b).</summary>
    private static void AssertUniform(float[] v, double bound)
    {
        Assert.All(v, x => Assert.InRange(x, -bound, bound));
        Assert.True(v.Max() > 0.999 * bound && v.Min() < -0.999 * bound, $"the extremes {v.Min()}, {v.Max()} stay far from the bound {bound}");
        double n = v.Length, variance = bound * bound / 3;
        Assert.InRange(v.Average(x => (double)x), -5 * Math.Sqrt(variance / n), 5 * Math.Sqrt(variance / n));
        // Var(x^2) for U(-b, b) is b^4 / 5 - b^4 / 9 = 4 b^4 / 45.
        double meanSquare = v.Average(x => (double)x * x);
        Assert.InRange(meanSquare, variance - (5 * Math.Sqrt(4 * Math.Pow(bound, 4) / 45 / n)), variance + (5 * Math.Sqrt(4 * Math.Pow(bound, 4) / 45 / n)));
        double d = KolmogorovSmirnov.Distance(v, x => Math.Clamp((x + bound) / (2 * bound), 0, 1));
        Assert.True(d < KolmogorovSmirnov.Critical(v.Length), $"KS distance {d} to U(-{bound}, {bound}) exceeds {KolmogorovSmirnov.Critical(v.Length)}");
    }

    [Fact]
    public void Linear_weight_is_uniform_within_one_over_sqrt_fan_in()
    {
        Tensor w = Make(256, 400);
        Initializers.LinearWeight(w, 1, "w");
        AssertUniform(w.ToArray(), 1 / Math.Sqrt(400));
        Assert.Equal((float)(Math.Sqrt(2.0 / 6.0) * Math.Sqrt(3.0 / 400)), Initializers.LinearWeightBound(400));
    }

    [Fact]
    public void A_stack_of_linear_weights_uses_the_input_width_as_fan_in()
    {
        Tensor bank = Make(4, 50, 100);
        Initializers.LinearWeight(bank, 9, "bank");
        AssertUniform(bank.ToArray(), 1 / Math.Sqrt(100));
    }

    [Fact]
    public void Linear_bias_uses_the_layers_fan_in()
    {
        Tensor b = Make(20_000);
        Initializers.LinearBias(b, 16, 3, "b");
        AssertUniform(b.ToArray(), 0.25);
    }

    [Fact]
    public void Xavier_uniform_uses_both_fans()
    {
        Tensor w = Make(300, 200);
        Initializers.XavierUniform(w, 4, "w", gain: 2f);
        AssertUniform(w.ToArray(), 2 * Math.Sqrt(6.0 / 500));
    }

    [Fact]
    public void Embedding_is_standard_normal()
    {
        Tensor e = Make(1000, 100);
        Initializers.Embedding(e, 2, "e");
        float[] v = e.ToArray();
        double n = v.Length;
        // Mean 0 (standard error 1/sqrt(n)), variance 1 (Var(x^2) = 2), both within 5 standard errors.
        Assert.InRange(v.Average(x => (double)x), -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(v.Average(x => (double)x * x), 1 - (5 * Math.Sqrt(2 / n)), 1 + (5 * Math.Sqrt(2 / n)));
        double d = KolmogorovSmirnov.Distance(v, KolmogorovSmirnov.NormalCdf);
        Assert.True(d < KolmogorovSmirnov.Critical(v.Length), $"KS distance {d} to N(0, 1)");
    }

    [Fact]
    public void Normal_uniform_zeros_and_constant_do_what_they_say()
    {
        Tensor n = Make(50_000);
        Initializers.Normal(n, 3f, 0.5f, 1, "n");
        float[] v = n.ToArray();
        double d = KolmogorovSmirnov.Distance(v, x => KolmogorovSmirnov.NormalCdf((x - 3) / 0.5));
        Assert.True(d < KolmogorovSmirnov.Critical(v.Length), $"KS distance {d} to N(3, 0.25)");

        Tensor u = Make(50_000);
        Initializers.Uniform(u, 2f, 5f, 1, "u");
        Assert.All(u.ToArray(), x => Assert.InRange(x, 2f, 5f));
        Assert.InRange(u.ToArray().Average(x => (double)x), 3.49, 3.51);

        Tensor c = new([3], [1f, 2f, 3f]);
        Initializers.Constant(c, 7f);
        Assert.Equal([7f, 7f, 7f], c.ToArray());
        Initializers.Zeros(c);
        Assert.Equal([0f, 0f, 0f], c.ToArray());
    }

    [Fact]
    public void Same_seed_and_name_give_the_same_bits_whatever_the_order()
    {
        Tensor a1 = Make(10, 10), b1 = Make(10, 10), a2 = Make(10, 10), b2 = Make(10, 10), c = Make(10, 10);
        Initializers.LinearWeight(a1, 5, "a");
        Initializers.LinearWeight(b1, 5, "b");
        Initializers.LinearWeight(b2, 5, "b");   // the other order
        Initializers.LinearWeight(a2, 5, "a");
        Initializers.LinearWeight(c, 6, "a");    // another seed

        Assert.Equal(a1.ToArray(), a2.ToArray());
        Assert.Equal(b1.ToArray(), b2.ToArray());
        Assert.NotEqual(a1.ToArray(), b1.ToArray());
        Assert.NotEqual(a1.ToArray(), c.ToArray());
    }

    [Fact]
    public void Initializing_on_many_threads_gives_the_same_bits_as_one_thread()
    {
        string[] names = [.. Enumerable.Range(0, 64).Select(i => $"levels.{i % 4}.shared.{i}.layers.0.weight")];
        Dictionary<string, float[]> sequential = names.ToDictionary(n => n, n => Initialize(n));
        var parallel = new System.Collections.Concurrent.ConcurrentDictionary<string, float[]>();
        Parallel.ForEach(names.Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 4 }, n => parallel[n] = Initialize(n));

        Assert.All(names, n => Assert.Equal(sequential[n], parallel[n]));

        static float[] Initialize(string name)
        {
            Tensor w = Make(32, 24);
            Initializers.LinearWeight(w, 2026, name);
            return w.ToArray();
        }
    }

    [Fact]
    public void Bad_inputs_are_explained()
    {
        Assert.Contains("'v' has shape [5]", Assert.Throws<ArgumentException>(() => Initializers.LinearWeight(Make(5), 1, "v")).Message);
        Assert.Contains("[3, 0]", Assert.Throws<ArgumentException>(() => Initializers.XavierUniform(Make(3, 0), 1, "x")).Message);
        Assert.Contains("fan_in", Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.LinearBias(Make(3), 0, 1, "b")).Message);
        Assert.Contains("std", Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.Normal(Make(3), 0f, -1f, 1, "n")).Message);
        Assert.Contains("low <= high", Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.Uniform(Make(3), 1f, 0f, 1, "u")).Message);
    }
}
