using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.Runtime;
using PleGen.TorchSharp.Tests.Generated;
using Xunit;

namespace PleGen.TorchSharp.Tests.GeneratedTests;

/// <summary>
/// The generated TorchSharp flavor of every architecture (Generated/Architectures.cs). That this project builds proves it
/// compiles without a warning against the stand-in; these tests check what can be checked without running TorchSharp:
/// parameter names equal to the managed flavor's (so checkpoints move between them), a module structure that makes
/// exactly those names, and entry checks that say what the managed flavor says.
/// </summary>
public sealed class GeneratedFlavorTests
{
    public static TheoryData<string> Architectures => new() { "FeedPle", "FeedCgc", "FeedMmoe", "FeedMultiLevelMmoe", "FeedSharedBottom", "FeedSingleTask" };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void The_TorchSharp_flavor_names_exactly_the_managed_flavors_parameters(string model)
    {
        string[] managed = ManagedModel(model).Parameters.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        string[] torch = TorchSharpParameterNames(model).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(managed);
        Assert.Equal(managed, torch);
    }

    [Fact]
    public void A_declaration_can_opt_out_of_the_TorchSharp_flavor()
    {
        Assert.Null(typeof(ManagedOnlyCgc).GetNestedType("TorchSharpModel"));
        Assert.NotNull(typeof(FeedCgc).GetNestedType("TorchSharpModel"));
    }

    [Fact]
    public void Bad_arrays_are_refused_with_the_managed_flavors_messages()
    {
        float[] profile = new float[2 * 7];
        int[] outOfRange = [3, 64];
        int[] region = [1, 2];

        var managed = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedPle.Batch(profile, outOfRange, region));
        var torch = Assert.Throws<ArgumentOutOfRangeException>(() => FeedPle.TorchSharpModel.Batch.FromArrays(profile, outOfRange, region));
        Assert.Equal(managed.Message, torch.Message);
        Assert.Contains("categorical feature 'occupation' has id 64 at sample 1, outside [0, 64)", torch.Message);

        var shortDense = Assert.Throws<ArgumentException>(() => FeedPle.TorchSharpModel.Batch.FromArrays(new float[13], region, region));
        Assert.Equal(Assert.Throws<ArgumentException>(() => new FeedPle.Batch(new float[13], region, region)).Message, shortDense.Message);

        var badMask = Assert.Throws<ArgumentOutOfRangeException>(() => FeedPle.TorchSharpModel.Labels.FromArrays([1, 0], [0.5f, 2], [1, 3]));
        Assert.Equal(Assert.Throws<ArgumentOutOfRangeException>(() => new FeedPle.Labels([1, 0], [0.5f, 2], [1, 3])).Message, badMask.Message);
    }

    [Fact]
    public void Loss_weights_decay_as_in_the_managed_flavor()
    {
        Assert.Equal(FeedPle.WatchTimeLossWeight(3), FeedPle.TorchSharpModel.WatchTimeLossWeight(3));
        Assert.Equal(0.5 * Math.Pow(0.9, 3), FeedPle.TorchSharpModel.WatchTimeLossWeight(3), 12);
        Assert.Equal(1.0, FeedPle.TorchSharpModel.ClickLossWeight(7));
    }

    private static IMultiTaskModel ManagedModel(string model) => (IMultiTaskModel)Activator.CreateInstance(typeof(FeedPle).Assembly.GetType("PleGen.TorchSharp.Tests.Generated." + model)!, 0UL)!;

    private static Type TorchSharpType(string model) => typeof(FeedPle).Assembly.GetType("PleGen.TorchSharp.Tests.Generated." + model)!.GetNestedType("TorchSharpModel")!;

    private static IReadOnlyList<string> TorchSharpParameterNames(string model) => (string[])TorchSharpType(model).GetField("ParameterNames")!.GetValue(null)!;
}
