using System;
using System.Linq;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Gradients;
using PleGen.TorchSharp.Tests.Generated;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit;

namespace PleGen.TorchSharp.Tests.DataSized;

/// <summary>
/// The TorchSharp flavor of a model sized by its data: built from the same cardinalities, it holds the managed flavor's
/// shapes, comes back from a managed checkpoint by <c>FromCheckpoint</c> and predicts what the managed flavor predicts,
/// refuses a checkpoint of other cardinalities, and refuses out-of-range ids in the managed flavor's words.
/// </summary>
public sealed class DataSizedFlavorTests
{
    private static readonly float[] Profile = [0.1f, -0.4f, 0.3f, 1.2f, 0.0f, -0.7f];

    [Fact]
    public void A_managed_checkpoint_builds_the_TorchSharp_flavor_with_its_cardinalities_and_the_same_predictions()
    {
        using var directory = new TemporaryDirectory();
        var managed = new SizedCgc(new SizedTasks.FeatureCardinalities(occupation: 13), seed: 4) { Training = false };
        managed.Save(directory.File("sized.safetensors"));

        using SizedCgc.TorchSharpModel torch = SizedCgc.TorchSharpModel.FromCheckpoint(directory.File("sized.safetensors"));
        torch.eval();

        Assert.Equal(13, torch.Cardinalities.Occupation);
        Assert.Equal([13L, 4L], torch.named_parameters().Single(p => p.name == "embeddings.occupation.weight").parameter.shape);
        int[] occupation = [0, 12], region = [4, 1];
        float[] expected;
        using (Autograd.NoGrad())
        {
            expected = managed.Forward(new SizedTasks.Batch(Profile, occupation, region)).ClickProbability.ToArray();
        }

        SizedCgc.TorchSharpModel.Output output = torch.Predict(SizedCgc.TorchSharpModel.Batch.FromArrays(Profile, occupation, region));
        float[] actual = output.ClickProbability.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }

    [Fact]
    public void A_checkpoint_of_other_cardinalities_is_refused_before_any_parameter_changes()
    {
        using var directory = new TemporaryDirectory();
        new SizedCgc(new SizedTasks.FeatureCardinalities(occupation: 13)).Save(directory.File("thirteen.safetensors"));
        using SizedCgc.TorchSharpModel torch = SizedCgc.TorchSharpModel.Create(new SizedTasks.FeatureCardinalities(occupation: 9), seed: 1);

        var error = Assert.Throws<CheckpointException>(() => torch.Load(directory.File("thirteen.safetensors")));

        Assert.Contains("cardinality 13 for categorical feature 'occupation'", error.Message);
        Assert.Contains("built with cardinality 9", error.Message);
    }

    [Fact]
    public void Ids_beyond_the_table_are_refused_naming_the_feature_as_the_managed_flavor_does()
    {
        var managed = new SizedCgc(new SizedTasks.FeatureCardinalities(occupation: 6));
        using SizedCgc.TorchSharpModel torch = SizedCgc.TorchSharpModel.Create(new SizedTasks.FeatureCardinalities(occupation: 6), seed: 1);
        int[] occupation = [2, 6], region = [0, 1];

        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => managed.Forward(new SizedTasks.Batch(Profile, occupation, region)));
        var actual = Assert.Throws<ArgumentOutOfRangeException>(() => torch.Predict(SizedCgc.TorchSharpModel.Batch.FromArrays(Profile, occupation, region)));

        Assert.Equal(expected.Message, actual.Message);
        Assert.Contains("Embedding 'occupation': id 6 at position 1 is outside [0, 6)", actual.Message);
    }

    [Fact]
    public void Tensors_of_a_declared_cardinality_are_checked_too()
    {
        using var torch = FeedPle.TorchSharpModel.Create(seed: 0);
        var batch = new FeedPle.TorchSharpModel.Batch(
            global::TorchSharp.torch.zeros(2, 7), global::TorchSharp.torch.tensor(new long[] { 1, 64 }), global::TorchSharp.torch.tensor(new long[] { 0, 0 }));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => torch.Predict(batch));

        Assert.Contains("Embedding 'occupation': id 64 at position 1 is outside [0, 64)", error.Message);
    }
}
