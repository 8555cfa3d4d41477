using System.Linq;
using PleGen.TorchSharp.Tests.Generated;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit;

namespace PleGen.TorchSharp.Tests.GeneratedTests;

/// <summary>Both flavors start every cross-stitch unit at the same alpha: SelfWeight on the diagonal, the rest of the row spread evenly.</summary>
[Collection(SerialLibTorch.Name)]
public sealed class CrossStitchInitializationTests
{
    [Fact]
    public void Both_flavors_initialize_alpha_alike()
    {
        var managed = new FeedCrossStitch(5);
        using var torch = FeedCrossStitch.TorchSharpModel.Create(5);
        var torchAlpha = torch.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
        foreach (string name in new[] { "stitches.0.alpha", "stitches.1.alpha" })
        {
            float[] expected = managed.Parameters.Single(p => p.Name == name).Tensor.ToArray();
            Assert.Equal(new[] { 0.8f, 0.2f, 0.2f, 0.8f }, expected.Select(v => (float)System.Math.Round(v, 6)));
            Assert.Equal(expected, torchAlpha[name]);
        }
    }
}
