using System.Linq;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Tests.Optim;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>A file from another model: missing, extra or reshaped parameters name the file, the parameter and both shapes, and load nothing.</summary>
public sealed class SafeTensorsMismatchTests : CheckpointDirectory
{
    private string SavedModel()
    {
        string path = PathOf("model.safetensors");
        SafeTensors.Save(path, Model());
        return path;
    }

    [Fact]
    public void A_parameter_missing_from_the_file_is_named_with_its_shape()
    {
        string path = SavedModel();
        NamedTensor[] target = [.. Model(1f), new("towers.income.0.weight", new Tensor([4, 8], new float[32]))];

        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target));

        Assert.Contains(path, error.Message);
        Assert.Contains("parameter 'towers.income.0.weight' (shape [4, 8] in the model) is missing from the file", error.Message);
        Assert.Contains("Nothing was loaded", error.Message);
        Assert.Equal(ValuesOf(Model(1f)), ValuesOf(target[..2]));
    }

    [Fact]
    public void A_tensor_the_model_does_not_have_is_named_with_its_shape()
    {
        string path = SavedModel();
        NamedTensor[] target = Model(1f)[..1];

        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target));

        Assert.Contains(path, error.Message);
        Assert.Contains("tensor 'layer.bias' (shape [2] in the file) is not a parameter of the model", error.Message);
        Assert.Equal(ValuesOf(Model(1f)[..1]), ValuesOf(target));
    }

    [Fact]
    public void A_shape_mismatch_names_both_shapes_and_loads_nothing()
    {
        string path = SavedModel();
        NamedTensor[] target = [Model(1f)[0], new("layer.bias", new Tensor([3], [7f, 7f, 7f]))];

        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target));

        Assert.Contains(path, error.Message);
        Assert.Contains("parameter 'layer.bias' has shape [2] in the file but [3] in the model", error.Message);
        Assert.Equal(Model(1f)[0].Tensor.ToArray(), target[0].Tensor.ToArray());
        Assert.Equal([7f, 7f, 7f], target[1].Tensor.ToArray());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        string path = SavedModel();
        NamedTensor[] target = [new("layer.weight", new Tensor([3, 2], new float[6])), new("other", new Tensor([1], [0f]))];
        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target)).Message;
        Assert.Contains("'layer.weight' has shape [2, 3] in the file but [3, 2] in the model", message);
        Assert.Contains("'other' (shape [1] in the model) is missing", message);
        Assert.Contains("'layer.bias' (shape [2] in the file) is not a parameter", message);
    }

    [Fact]
    public void Parameters_load_from_float32_only()
    {
        string path = ReferenceFixture.PathOf("optim/checkpoints/other_dtypes.safetensors");
        NamedTensor[] target = [new("half", new Tensor([4], new float[4])), new("brain", new Tensor([2, 2], new float[4])), new("double", new Tensor([3], new float[3]))];
        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target)).Message;
        Assert.Contains("parameter 'half' [4] is stored as F16, but parameters load from F32 only", message);
        Assert.All(target, t => Assert.All(t.Tensor.ToArray(), v => Assert.Equal(0f, v)));
    }

    [Fact]
    public void Loading_into_the_same_name_twice_is_a_caller_error()
    {
        string path = SavedModel();
        NamedTensor[] model = Model();
        Assert.Contains("'layer.bias' appears twice", Assert.Throws<ArgumentException>(() => SafeTensors.Load(path, model.Append(model[1]))).Message);
    }
}
