using System;
using System.Linq;
using PleGen.TorchSharp.Tests.Generated;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.GeneratedTests;

/// <summary>
/// The generated TorchSharp flavor of every architecture (Generated/Architectures.cs), run on real TorchSharp: the module
/// tree it builds holds exactly the managed flavor's parameters (names and shapes), the names it publishes are those, its
/// seeded construction is reproducible, and its entry checks say what the managed flavor says.
/// </summary>
public sealed class GeneratedFlavorTests
{
    [Theory]
    [MemberData(nameof(Architectures.All), MemberType = typeof(Architectures))]
    public void The_TorchSharp_modules_hold_exactly_the_managed_flavors_parameters_with_the_same_shapes(string architecture)
    {
        var managed = new ManagedFlavor(architecture, seed: 0).Model.Parameters
            .Select(p => (p.Name, Shape: string.Join('x', p.Tensor.Shape))).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        using TorchFlavor torch = TorchFlavor.Create(architecture, seed: 0);
        var running = torch.Module.named_parameters()
            .Select(p => (Name: p.name, Shape: string.Join('x', p.parameter.shape))).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(managed);
        Assert.Equal(managed, running);
        Assert.All(torch.Module.parameters(), p => Assert.True(p.requires_grad));
    }

    [Theory]
    [MemberData(nameof(Architectures.All), MemberType = typeof(Architectures))]
    public void ParameterNames_lists_the_running_models_parameters(string architecture)
    {
        var published = (string[])Architectures.TorchSharpType(architecture).GetField("ParameterNames")!.GetValue(null)!;
        using TorchFlavor torch = TorchFlavor.Create(architecture, seed: 0);

        Assert.Equal(published.Order(StringComparer.Ordinal), torch.Module.named_parameters().Select(p => p.name).Order(StringComparer.Ordinal));
        Assert.Equal(published.Length, published.Distinct().Count());
    }

    [Fact]
    public void Create_draws_the_same_weights_from_the_same_seed()
    {
        using TorchFlavor first = TorchFlavor.Create(nameof(FeedPle), seed: 5);
        using TorchFlavor again = TorchFlavor.Create(nameof(FeedPle), seed: 5);
        using TorchFlavor other = TorchFlavor.Create(nameof(FeedPle), seed: 6);
        var values = first.ParameterValues();

        Assert.All(again.ParameterValues(), p => Assert.Equal(values[p.Key], p.Value));
        Assert.NotEqual(values["levels.0.shared.0.layers.0.weight"], other.ParameterValues()["levels.0.shared.0.layers.0.weight"]);
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

        var managed = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedTasks.Batch(profile, outOfRange, region));
        var torch = Assert.Throws<ArgumentOutOfRangeException>(() => FeedPle.TorchSharpModel.Batch.FromArrays(profile, outOfRange, region));
        Assert.Equal(managed.Message, torch.Message);
        Assert.Contains("categorical feature 'occupation' has id 64 at sample 1, outside [0, 64)", torch.Message);

        var shortDense = Assert.Throws<ArgumentException>(() => FeedPle.TorchSharpModel.Batch.FromArrays(new float[13], region, region));
        Assert.Equal(Assert.Throws<ArgumentException>(() => new FeedTasks.Batch(new float[13], region, region)).Message, shortDense.Message);

        var badMask = Assert.Throws<ArgumentOutOfRangeException>(() => FeedPle.TorchSharpModel.Labels.FromArrays([1, 0], [0.5f, 2], [1, 3]));
        Assert.Equal(Assert.Throws<ArgumentOutOfRangeException>(() => new FeedTasks.Labels([1, 0], [0.5f, 2], [1, 3])).Message, badMask.Message);
    }

    [Fact]
    public void Tensors_of_the_wrong_shape_or_element_type_are_refused_before_any_op_runs()
    {
        using var scope = NewDisposeScope();
        Tensor ids = tensor(new long[] { 1, 2 });

        var narrow = Assert.Throws<ArgumentException>(() => new FeedPle.TorchSharpModel.Batch(zeros(2, 6), ids, ids));
        Assert.Contains("dense feature 'profile' expects a Float32 tensor [batch, 7], but got Float32 [2, 6]", narrow.Message);
        var intIds = Assert.Throws<ArgumentException>(() => new FeedPle.TorchSharpModel.Batch(zeros(2, 7), tensor(new int[] { 1, 2 }), ids));
        Assert.Contains("categorical feature 'occupation' expects an Int64 tensor of ids [batch], but got Int32 [2]", intIds.Message);
        var shortMask = Assert.Throws<ArgumentException>(() => new FeedPle.TorchSharpModel.Labels(zeros(2), zeros(2), ones(3)));
        Assert.Contains("the mask of task 'watch_time' must be a Float32 tensor [2] like its labels, but got Float32 [3]", shortMask.Message);
    }

    [Fact]
    public void Non_finite_dense_tensors_are_refused_with_the_managed_flavors_message()
    {
        using var scope = NewDisposeScope();
        Tensor ids = tensor(new long[] { 1, 2 });
        float[] values = new float[2 * 7];
        values[9] = float.NaN;

        var torchError = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedPle.TorchSharpModel.Batch(tensor(values, new long[] { 2, 7 }), ids, ids));
        var managedError = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedTasks.Batch(values, [1, 2], [1, 2]));
        Assert.Equal(managedError.Message, torchError.Message);
        Assert.Contains("'profile' has NaN at sample 1 (column 2", torchError.Message);
        values[9] = 0;
        Assert.Equal(2, new FeedPle.TorchSharpModel.Batch(tensor(values, new long[] { 2, 7 }), ids, ids).BatchSize);
    }

    [Fact]
    public void Loss_weights_decay_as_in_the_managed_flavor()
    {
        Assert.Equal(FeedPle.WatchTimeLossWeight(3), FeedPle.TorchSharpModel.WatchTimeLossWeight(3));
        Assert.Equal(0.5 * Math.Pow(0.9, 3), FeedPle.TorchSharpModel.WatchTimeLossWeight(3), 12);
        Assert.Equal(1.0, FeedPle.TorchSharpModel.ClickLossWeight(7));
    }
}
