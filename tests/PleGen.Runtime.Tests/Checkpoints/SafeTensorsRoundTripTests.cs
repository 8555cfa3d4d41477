using System.Collections.Generic;
using System.IO;
using System.Linq;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

public sealed class SafeTensorsRoundTripTests : CheckpointDirectory
{
    [Fact]
    public void Save_then_load_restores_values_and_metadata_and_leaves_no_temporary_file()
    {
        string path = PathOf("model.safetensors");
        SafeTensors.Save(path, Model(), new Dictionary<string, string> { ["architecture"] = "PLE", ["model"] = "Demo.Census" });
        NamedTensor[] target = Model(offset: 100f);

        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load(path, target);

        Assert.Equal(ValuesOf(Model()), ValuesOf(target));
        Assert.Equal(new Dictionary<string, string> { ["architecture"] = "PLE", ["model"] = "Demo.Census" }, metadata);
        Assert.Equal(["model.safetensors"], FileNames());
    }

    [Fact]
    public void Saving_again_replaces_the_file()
    {
        string path = PathOf("model.safetensors");
        SafeTensors.Save(path, Model(1f));
        SafeTensors.Save(path, Model(2f));
        NamedTensor[] target = Model();
        SafeTensors.Load(path, target);
        Assert.Equal(ValuesOf(Model(2f)), ValuesOf(target));
        Assert.Equal(["model.safetensors"], FileNames());
    }

    [Fact]
    public void Scalars_empty_tensors_views_large_tensors_and_unusual_names_round_trip()
    {
        var random = new RandomSource(3);
        var large = new float[300_001];
        random.FillNormal(large, 0f, 1f);
        var bank = new Tensor([2, 3], [1f, 2f, 3f, 4f, 5f, 6f]);
        NamedTensor[] saved =
        [
            new("scale", new Tensor([], [0.125f])),
            new("empty", new Tensor([0, 3], [])),
            new("experts.0.weight", bank.Select(0)),
            new("experts.1.weight", bank.Select(1)),
            new("large", new Tensor([300_001], large)),
            new("tâche+écrite<1>", new Tensor([1], [float.NegativeInfinity])),
        ];
        string path = PathOf("mixed.safetensors");
        SafeTensors.Save(path, saved);

        var restoredBank = new Tensor([2, 3], new float[6]);
        NamedTensor[] target =
        [
            new("scale", new Tensor([], [0f])),
            new("empty", new Tensor([0, 3], [])),
            new("experts.0.weight", restoredBank.Select(0)),
            new("experts.1.weight", restoredBank.Select(1)),
            new("large", new Tensor([300_001], new float[300_001])),
            new("tâche+écrite<1>", new Tensor([1], [0f])),
        ];
        SafeTensors.Load(path, target, allowNonFinite: true); // the -inf is refused unless asked for

        Assert.Equal(ValuesOf(saved), ValuesOf(target));
        Assert.Equal(bank.ToArray(), restoredBank.ToArray());
        SafeTensorsFile file = SafeTensors.Read(path);
        Assert.Equal(saved.Select(s => s.Name).Order(), file.Tensors.Keys.Order());
        Assert.Empty(file.Tensors["scale"].Shape);
        Assert.Equal([0, 3], file.Tensors["empty"].Shape);
        Assert.All(file.DTypes.Values, d => Assert.Equal("F32", d));
        Assert.Empty(file.Metadata);
    }

    [Fact]
    public void Invalid_names_are_rejected_before_anything_is_written()
    {
        string path = PathOf("bad.safetensors");
        Tensor t = new([1], [0f]);
        Assert.Contains("appears twice", Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, [new("a", t), new("a", t)])).Message);
        Assert.Contains("not a valid tensor name", Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, [new("__metadata__", t)])).Message);
        Assert.Contains("not a valid tensor name", Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, [new("", t)])).Message);
        Assert.False(File.Exists(path));
        Assert.Empty(FileNames());
    }
}
