using System.Linq;
using PleGen.TorchSharp.Tests.Generated;
using PleGen.TorchSharp.Tests.Infrastructure;
using PleGen.TorchSharpSupport;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.GeneratedTests;

/// <summary>
/// Both flavors start every sluice alpha unit at SelfWeight on the diagonal and the rest of the row spread evenly over the
/// other tasks * subspaces - 1 subspaces, and every beta unit at 1 / layers; the TorchSharp mixing units (cross-stitch's
/// too) read their parameters after the module moves to another dtype (or device), which replaces them.
/// </summary>
[Collection(SerialLibTorch.Name)]
public sealed class SluiceInitializationTests
{
    [Fact]
    public void Both_flavors_initialize_alpha_and_beta_alike()
    {
        var managed = new FeedSluice(5);
        using var torch = FeedSluice.TorchSharpModel.Create(5);
        var torchValues = torch.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());

        // FeedSluice: two tasks of four subspaces (alpha [8, 8]), SelfWeight 0.7, three layers.
        float other = (1f - 0.7f) / 7;
        foreach (string name in new[] { "alphas.0.alpha", "alphas.1.alpha", "alphas.2.alpha" })
        {
            float[] expected = managed.Parameters.Single(p => p.Name == name).Tensor.ToArray();
            Assert.Equal(Enumerable.Range(0, 64).Select(i => i / 8 == i % 8 ? 0.7f : other), expected);
            Assert.Equal(expected, torchValues[name]);
        }

        foreach (string name in new[] { "betas.click.beta", "betas.watch_time.beta" })
        {
            float[] expected = managed.Parameters.Single(p => p.Name == name).Tensor.ToArray();
            Assert.Equal(new[] { 1f / 3, 1f / 3, 1f / 3 }, expected);
            Assert.Equal(expected, torchValues[name]);
        }
    }

    [Fact]
    public void The_units_read_their_parameters_after_a_move()
    {
        using var alpha = new SubspaceMixUnit(2, 2, 0.9f);
        using var beta = new LayerMixUnit(3);
        using var stitch = new CrossStitchUnit(2, 0.9f);
        alpha.to(ScalarType.Float64);
        beta.to(ScalarType.Float64);
        stitch.to(ScalarType.Float64);

        Assert.Equal(ScalarType.Float64, alpha.Alpha.dtype);
        Assert.Equal(ScalarType.Float64, beta.Beta.dtype);
        Assert.Equal(ScalarType.Float64, stitch.Alpha.dtype);
        Assert.Equal(0.9, alpha.Alpha[0, 0].item<double>(), 6);
    }
}
