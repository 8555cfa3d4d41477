using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;
using TorchOptimizer = TorchSharp.torch.optim.Optimizer;

namespace PleGen.TorchSharp.Tests.Checkpoints;

/// <summary>Safetensors checkpoints move between the flavors in both directions without changing a bit.</summary>
public sealed class CheckpointRoundTripTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Architectures.All), MemberType = typeof(Architectures))]
    public void Managed_to_TorchSharp_and_back_keeps_every_parameter_bit_for_bit(string architecture)
    {
        using var directory = new TemporaryDirectory();
        var original = new ManagedFlavor(architecture, seed: 3);
        using TorchFlavor torch = TorchFlavor.Create(architecture, seed: 4);
        var returned = new ManagedFlavor(architecture, seed: 5);
        Dictionary<string, float[]> expected = original.ParameterValues();
        Assert.NotEqual(expected["towers.click.0.weight"], torch.ParameterValues()["towers.click.0.weight"]);
        Assert.NotEqual(expected["towers.click.0.weight"], returned.ParameterValues()["towers.click.0.weight"]);

        original.Model.Save(directory.File("managed.safetensors"));
        torch.Load(directory.File("managed.safetensors"));
        AssertBitIdentical("TorchSharp after loading the managed checkpoint", expected, torch.ParameterValues());
        torch.Save(directory.File("torchsharp.safetensors"));
        returned.Model.Load(directory.File("torchsharp.safetensors"));
        AssertBitIdentical("managed after loading the TorchSharp checkpoint", expected, returned.ParameterValues());
    }

    [Theory]
    [MemberData(nameof(Architectures.All), MemberType = typeof(Architectures))]
    public void A_model_trained_in_TorchSharp_predicts_the_same_in_the_managed_flavor(string architecture)
    {
        using var directory = new TemporaryDirectory();
        using TorchFlavor torch = TorchFlavor.Create(architecture, seed: 8);
        using (TorchOptimizer optimizer = torch.CreateOptimizer(1e-2))
        {
            torch.Module.train();
            for (int step = 0; step < 10; step++)
            {
                torch.TrainStep(optimizer, FeedData.Random(37, seed: 200 + (ulong)step), epoch: step / 4);
            }
        }

        torch.Module.eval();
        torch.Save(directory.File("trained.safetensors"));
        var managed = new ManagedFlavor(architecture, seed: 9);
        managed.Model.Training = false;
        managed.Model.Load(directory.File("trained.safetensors"));
        AssertBitIdentical("managed after loading the trained checkpoint", torch.ParameterValues(), managed.ParameterValues());

        FeedData data = FeedData.Random(37, seed: 6);
        FlavorPass fromManaged = managed.Run(data, epoch: 0, backward: false);
        FlavorPass fromTorch = torch.Run(data, epoch: 0, backward: false);
        Agreement agreement = Tolerances.ForwardAndGradients();
        agreement.Check("click probability", fromManaged.ClickProbability, fromTorch.ClickProbability);
        agreement.Check("watch time", fromManaged.WatchTime, fromTorch.WatchTime);
        output.WriteLine($"outputs: {agreement}");
    }

    private static void AssertBitIdentical(string what, IReadOnlyDictionary<string, float[]> expected, IReadOnlyDictionary<string, float[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach ((string name, float[] values) in expected)
        {
            int[] expectedBits = Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
            int[] actualBits = Array.ConvertAll(actual[name], BitConverter.SingleToInt32Bits);
            if (!expectedBits.SequenceEqual(actualBits))
            {
                int i = Enumerable.Range(0, Math.Min(expectedBits.Length, actualBits.Length)).FirstOrDefault(k => expectedBits[k] != actualBits[k]);
                throw new XunitException($"{what}: {name} differs ({values.Length} vs {actual[name].Length} values; first at [{i}]).");
            }
        }
    }
}
