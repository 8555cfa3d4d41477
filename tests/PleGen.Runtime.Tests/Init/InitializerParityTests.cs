using System.Linq;
using System.Text.Json;
using System;
using PleGen.Runtime.Init;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Tests.Optim;
using Xunit;

namespace PleGen.Runtime.Tests.Init;

/// <summary>
/// Our initializers against samples PyTorch 1.13 drew with its own (fixtures/init/pytorch_samples.json): the same
/// bound as torch.nn.init computes, and the same distribution by a two-sample Kolmogorov-Smirnov test.
/// </summary>
public sealed class InitializerParityTests
{
    private const string File = "init/pytorch_samples.json";

    public static TheoryData<string> Cases() => ReferenceFixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Draws_from_pytorchs_distribution(string name)
    {
        JsonElement c = ReferenceFixture.Case(File, name);
        int[] shape = [.. c.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())];
        float[] pytorch = ReferenceFixture.Floats(c.GetProperty("values"));
        var ours = new Tensor(shape, new float[pytorch.Length]);
        switch (name)
        {
            case "linear_weight":
                Initializers.LinearWeight(ours, 7, name);
                Assert.Equal(c.GetProperty("bound").GetDouble(), Initializers.LinearWeightBound(shape[1]), 6);
                break;
            case "linear_bias":
                Initializers.LinearBias(ours, c.GetProperty("fan_in").GetInt32(), 7, name);
                break;
            case "embedding":
                Initializers.Embedding(ours, 7, name);
                break;
            case "xavier_uniform":
                Initializers.XavierUniform(ours, 7, name);
                break;
            default:
                throw new ArgumentException($"The fixture has case '{name}', which this test does not map.");
        }

        if (c.TryGetProperty("bound", out JsonElement bound))
        {
            float b = (float)bound.GetDouble();
            Assert.All(ours.ToArray(), x => Assert.InRange(x, -b, b));
            Assert.All(pytorch, x => Assert.InRange(x, -b, b));
        }

        double d = KolmogorovSmirnov.Distance(ours.ToArray(), pytorch);
        double critical = KolmogorovSmirnov.Critical(ours.Length, pytorch.Length);
        Assert.True(d < critical, $"{name}: two-sample KS distance {d} between ours and PyTorch's exceeds {critical}.");
    }
}
