using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

/// <summary>The fused forms of Linear and ExpertBank compute exactly what the separate activation op does.</summary>
public sealed class FusedActivationTests
{
    private static Tensor Random(ulong seed, params int[] shape)
    {
        var values = new float[ShapeUtil.Product(shape)];
        new RandomSource(seed).FillNormal(values, 0f, 1f);
        return new Tensor(shape, values, requiresGrad: true);
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    public void Linear_with_an_activation_equals_linear_then_the_activation(Activation activation)
    {
        Tensor x = Random(1, 6, 5), w = Random(2, 4, 5), b = Random(3, 4);
        var (fused, fusedGrads) = Run(() => Ops.Linear(x, w, b, activation), x, w, b);
        var (separate, separateGrads) = Run(() => Ops.Activate(Ops.Linear(x, w, b), activation), x, w, b);
        Assert.Equal(separate, fused);
        Assert.Equal(separateGrads, fusedGrads);
    }

    [Theory]
    [InlineData(Activation.Relu, false)]
    [InlineData(Activation.Relu, true)]
    [InlineData(Activation.Sigmoid, true)]
    public void ExpertBank_with_an_activation_equals_the_bank_then_the_activation(Activation activation, bool perExpertInput)
    {
        Tensor x = perExpertInput ? Random(4, 5, 3, 4) : Random(4, 5, 4), w = Random(5, 3, 2, 4), b = Random(6, 3, 2);
        var (fused, fusedGrads) = Run(() => Ops.ExpertBank(x, w, b, activation), x, w, b);
        var (separate, separateGrads) = Run(() => Ops.Activate(Ops.ExpertBank(x, w, b), activation), x, w, b);
        Assert.Equal(separate, fused);
        Assert.Equal(separateGrads, fusedGrads);
    }

    /// <summary>Output values and every input's gradient after back-propagating a fixed upstream gradient.</summary>
    private static (float[] Output, float[][] Gradients) Run(Func<Tensor> f, params Tensor[] inputs)
    {
        foreach (Tensor t in inputs)
        {
            t.ZeroGrad();
        }

        Tensor y = f();
        var upstream = new float[y.Length];
        new RandomSource(7).FillNormal(upstream, 0f, 1f);
        y.Backward(upstream);
        return (y.ToArray(), Array.ConvertAll(inputs, t => t.Grad.ToArray()));
    }
}
