using System.Collections.Generic;
using System.IO;
using System.Linq;
using System;
using PleGen.Runtime.Onnx;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Tests.Checkpoints;
using Xunit;
using Proto = global::Onnx;

namespace PleGen.Runtime.Tests.Onnx;

/// <summary>
/// The writer's graph, names and checks on hand-made parameter lists: initializers are the state-dict names once each,
/// inputs and outputs carry the given names and a dynamic batch axis, metadata is set, and every bad call (unknown
/// parameter, wrong shape, another writer's value, unused parameter, taken name) fails with a message naming it and
/// writes nothing.
/// </summary>
public sealed class OnnxModelWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plegen-onnx-writer-" + Guid.NewGuid().ToString("N"));

    public OnnxModelWriterTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>An embedding [5, 2] for "c", a bottom [4 -> 3] over x (2) and the embedding, a tower [3 -> 1].</summary>
    private static List<NamedTensor> Parameters() =>
    [
        P("embeddings.c.weight", 5, 2),
        P("bottom.layers.0.weight", 3, 4),
        P("bottom.layers.0.bias", 3),
        P("towers.t.0.weight", 1, 3),
        P("towers.t.0.bias", 1),
    ];

    private static NamedTensor P(string name, params int[] shape)
    {
        var values = new float[shape.Aggregate(1, (a, b) => a * b)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (i + 1) * 0.25f;
        }

        return new NamedTensor(name, new Tensor(shape, values));
    }

    private static OnnxModelWriter Complete(IReadOnlyList<NamedTensor> parameters)
    {
        var w = new OnnxModelWriter("Tests.Tiny", "SharedBottom", parameters, Activation.Relu);
        OnnxValue c = w.CategoricalInput("c", 5);
        OnnxValue input = w.Concat(w.DenseInput("x", 2), w.Embedding("embeddings.c", c));
        OnnxValue bottom = w.Mlp("bottom.layers", 1, input, lastIsOutput: false);
        w.BinaryOutput("T", "TProbability", w.Mlp("towers.t", 1, bottom, lastIsOutput: true));
        return w;
    }

    [Fact]
    public void Graph_has_the_state_dict_initializers_once_each_and_the_named_inputs_and_outputs()
    {
        OnnxModelWriter w = Complete(Parameters());
        w.Metadata("dataset", "census");
        Proto.ModelProto model = w.Build();

        Assert.Equal(OnnxModelWriter.IrVersion, model.IrVersion);
        Assert.Equal(OnnxModelWriter.Opset, Assert.Single(model.OpsetImport).Version);
        Assert.Equal(Parameters().Select(p => p.Name).Order(), model.Graph.Initializer.Select(i => i.Name).Order());
        Proto.TensorProto table = model.Graph.Initializer.Single(i => i.Name == "embeddings.c.weight");
        Assert.Equal([5L, 2L], table.Dims);
        Assert.Equal(0.25f, BitConverter.ToSingle(table.RawData.Span[..4]));
        Assert.Equal(["c", "x"], model.Graph.Input.Select(i => i.Name));
        Assert.Equal(["T", "TProbability"], model.Graph.Output.Select(o => o.Name));
        Assert.All(model.Graph.Input.Concat(model.Graph.Output), v => Assert.Equal(OnnxModelWriter.BatchAxis, v.Type.TensorType.Shape.Dim[0].DimParam));
        Assert.Equal((int)Proto.TensorProto.Types.DataType.Int64, model.Graph.Input[0].Type.TensorType.ElemType);
        Assert.Equal(2, model.Graph.Input[1].Type.TensorType.Shape.Dim[1].DimValue);
        var metadata = model.MetadataProps.ToDictionary(m => m.Key, m => m.Value);
        Assert.Equal("Tests.Tiny", metadata[OnnxMetadataKeys.Model]);
        Assert.Equal("SharedBottom", metadata[OnnxMetadataKeys.Architecture]);
        Assert.Equal("T=binary", metadata[OnnxMetadataKeys.TaskKinds]);
        Assert.Equal("Relu", metadata[OnnxMetadataKeys.Activation]);
        Assert.Equal(OnnxModelWriter.PleGenVersion, metadata[OnnxMetadataKeys.PleGenVersion]);
        Assert.Equal("census", metadata["dataset"]);
        Assert.Equal(model.Graph.Node.Count, model.Graph.Node.Select(n => n.Output[0]).Distinct().Count());
    }

    [Fact]
    public void A_parameter_used_twice_is_one_initializer()
    {
        var parameters = Parameters();
        parameters.RemoveAt(0);
        var w = new OnnxModelWriter("Tests.Shared", "SharedBottom", parameters, Activation.Tanh);
        OnnxValue x = w.DenseInput("x", 4);
        w.RegressionOutput("T", w.Mlp("towers.t", 1, w.Mlp("bottom.layers", 1, x, lastIsOutput: false), lastIsOutput: true));
        w.RegressionOutput("U", w.Mlp("towers.t", 1, w.Mlp("bottom.layers", 1, x, lastIsOutput: false), lastIsOutput: true));
        Proto.ModelProto model = w.Build();
        Assert.Equal(4, model.Graph.Initializer.Count);
        Assert.Equal("T=regression,U=regression", model.MetadataProps.Single(m => m.Key == OnnxMetadataKeys.TaskKinds).Value);
    }

    [Fact]
    public void Save_writes_the_file_and_an_unused_parameter_writes_nothing()
    {
        string path = Path.Combine(_directory, "m.onnx");
        Complete(Parameters()).Save(path);
        Assert.Equal(Complete(Parameters()).ToBytes(), File.ReadAllBytes(path));

        var extra = Parameters();
        extra.Add(P("towers.t.1.weight", 1, 1));
        string other = Path.Combine(_directory, "unused.onnx");
        var e = Assert.Throws<OnnxExportException>(() => Complete(extra).Save(other));
        Assert.Contains("'towers.t.1.weight'", e.Message);
        Assert.Contains("not used", e.Message);
        Assert.Empty(Directory.GetFiles(_directory, "unused*"));
    }

    [Fact]
    public void A_failed_write_keeps_the_previous_file_and_leaves_no_temporary()
    {
        string path = Path.Combine(_directory, "m.onnx");
        File.WriteAllText(path, "previous");
        var e = Assert.Throws<OnnxExportException>(() => Complete(Parameters()).Save(path, s => new FailingStream(s, failAfterBytes: 100)));
        Assert.Contains("unchanged", e.Message);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_missing_parameter_names_it_and_its_neighbours()
    {
        var w = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        var e = Assert.Throws<OnnxExportException>(() => w.Mlp("towers.u", 1, w.DenseInput("x", 3), lastIsOutput: true));
        Assert.Contains("'towers.u.0.weight'", e.Message);
        Assert.Contains("'towers.t.0.weight'", e.Message);
        var broken = Assert.Throws<OnnxExportException>(w.Build);
        Assert.Contains("earlier step", broken.Message);
    }

    [Fact]
    public void Wrong_shapes_are_refused_with_both_shapes()
    {
        var w = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        var wide = Assert.Throws<OnnxExportException>(() => w.Mlp("bottom.layers", 1, w.DenseInput("x", 5), lastIsOutput: false));
        Assert.Contains("[out, 5]", wide.Message);
        Assert.Contains("[3, 4]", wide.Message);

        var cardinality = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        var ids = Assert.Throws<OnnxExportException>(() => cardinality.Embedding("embeddings.c", cardinality.CategoricalInput("c", 6)));
        Assert.Contains("[6, dim]", ids.Message);

        var tower = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        OnnxValue bottom = tower.Mlp("bottom.layers", 1, tower.DenseInput("x", 4), lastIsOutput: false);
        Assert.Contains("[N, 1]", Assert.Throws<OnnxExportException>(() => tower.RegressionOutput("T", bottom)).Message);

        var mix = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        OnnxValue x = mix.DenseInput("x", 4);
        Assert.Contains("expert bank", Assert.Throws<OnnxExportException>(() => mix.GateMix(x, x)).Message);
        Assert.Contains("int64 ids", Assert.Throws<OnnxExportException>(() => mix.Mlp("bottom.layers", 1, mix.CategoricalInput("c", 5), lastIsOutput: false)).Message);
    }

    [Fact]
    public void Fusions_and_cross_stitch_units_refuse_mismatched_values()
    {
        var w = new OnnxModelWriter("Tests.Tiny", "SharedBottom", [P("stitches.0.alpha", 2, 2), .. Parameters()], Activation.Relu);
        OnnxValue narrow = w.DenseInput("x", 2), wide = w.DenseInput("y", 3);
        Assert.Contains("width of part 0", Assert.Throws<OnnxExportException>(() => w.Sum(narrow, wide)).Message);
        var mean = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        Assert.Contains("width of part 0", Assert.Throws<OnnxExportException>(() => mean.Mean(mean.DenseInput("x", 2), mean.DenseInput("y", 3))).Message);

        var stitch = new OnnxModelWriter("Tests.Tiny", "CrossStitch", [P("stitches.0.alpha", 2, 2), .. Parameters()], Activation.Relu);
        OnnxValue a = stitch.DenseInput("a", 3), b = stitch.DenseInput("b", 3);
        Assert.Contains("[2, 2]", Assert.Throws<OnnxExportException>(() => stitch.CrossStitch("stitches.0.alpha", 2, a, b)).Message);
        var three = new OnnxModelWriter("Tests.Tiny", "CrossStitch", [P("stitches.0.alpha", 2, 2), .. Parameters()], Activation.Relu);
        Assert.Contains("[rows, 3]", Assert.Throws<OnnxExportException>(() => three.CrossStitch("stitches.0.alpha", 0, three.DenseInput("a", 3), three.DenseInput("b", 3), three.DenseInput("c", 3))).Message);
        var widths = new OnnxModelWriter("Tests.Tiny", "CrossStitch", [P("stitches.0.alpha", 2, 2), .. Parameters()], Activation.Relu);
        Assert.Contains("width of column 0", Assert.Throws<OnnxExportException>(() => widths.CrossStitch("stitches.0.alpha", 1, widths.DenseInput("a", 3), widths.DenseInput("b", 4))).Message);
    }

    [Fact]
    public void Sluice_alpha_and_beta_units_refuse_mismatched_values()
    {
        var square = new OnnxModelWriter("Tests.Tiny", "Sluice", [P("alphas.0.alpha", 2, 2), .. Parameters()], Activation.Relu);
        OnnxValue a = square.DenseInput("a", 4), b = square.DenseInput("b", 4);
        Assert.Contains("[2 columns * 2 subspaces] square", Assert.Throws<OnnxExportException>(() => square.SubspaceMix("alphas.0.alpha", 0, 2, a, b)).Message);
        var split = new OnnxModelWriter("Tests.Tiny", "Sluice", [P("alphas.0.alpha", 4, 4), .. Parameters()], Activation.Relu);
        Assert.Contains("width 3 does not split into 2 subspaces",
            Assert.Throws<OnnxExportException>(() => split.SubspaceMix("alphas.0.alpha", 1, 2, split.DenseInput("a", 3), split.DenseInput("b", 3))).Message);
        var widths = new OnnxModelWriter("Tests.Tiny", "Sluice", [P("alphas.0.alpha", 4, 4), .. Parameters()], Activation.Relu);
        Assert.Contains("width of column 0",
            Assert.Throws<OnnxExportException>(() => widths.SubspaceMix("alphas.0.alpha", 1, 2, widths.DenseInput("a", 4), widths.DenseInput("b", 6))).Message);

        var beta = new OnnxModelWriter("Tests.Tiny", "Sluice", [P("betas.t.beta", 3), .. Parameters()], Activation.Relu);
        Assert.Contains("must be [2], one weight per layer output", Assert.Throws<OnnxExportException>(() => beta.LayerMix("betas.t.beta", beta.DenseInput("a", 4), beta.DenseInput("b", 4))).Message);
        var layers = new OnnxModelWriter("Tests.Tiny", "Sluice", [P("betas.t.beta", 2), .. Parameters()], Activation.Relu);
        Assert.Contains("width of layer output 0", Assert.Throws<OnnxExportException>(() => layers.LayerMix("betas.t.beta", layers.DenseInput("a", 4), layers.DenseInput("b", 5))).Message);
    }

    [Fact]
    public void A_value_of_another_writer_is_refused()
    {
        var first = new OnnxModelWriter("Tests.First", "SharedBottom", Parameters(), Activation.Relu);
        var second = new OnnxModelWriter("Tests.Second", "SharedBottom", Parameters(), Activation.Relu);
        OnnxValue x = first.DenseInput("x", 4);
        var e = Assert.Throws<OnnxExportException>(() => second.Mlp("bottom.layers", 1, x, lastIsOutput: false));
        Assert.Contains("another OnnxModelWriter (of Tests.First)", e.Message);
    }

    [Fact]
    public void Taken_names_reserved_metadata_and_duplicate_parameters_are_refused()
    {
        var w = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        w.DenseInput("x", 4);
        Assert.Contains("already taken", Assert.Throws<OnnxExportException>(() => w.DenseInput("x", 4)).Message);
        Assert.Contains("a parameter", Assert.Throws<OnnxExportException>(() => w.DenseInput("towers.t.0.bias", 1)).Message);
        Assert.Contains("sets 'model' itself", Assert.Throws<OnnxExportException>(() => w.Metadata(OnnxMetadataKeys.Model, "x")).Message);
        w.Metadata("k", "v");
        Assert.Contains("twice", Assert.Throws<OnnxExportException>(() => w.Metadata("k", "w")).Message);

        var twice = Parameters();
        twice.Add(P("towers.t.0.bias", 1));
        Assert.Contains("twice", Assert.Throws<OnnxExportException>(() => new OnnxModelWriter("Tests.Tiny", "SharedBottom", twice, Activation.Relu)).Message);

        var none = new OnnxModelWriter("Tests.Tiny", "SharedBottom", Parameters(), Activation.Relu);
        Assert.Contains("no task output", Assert.Throws<OnnxExportException>(none.ToBytes).Message);
    }

    [Fact]
    public void Gate_outputs_need_gate_weights()
    {
        var parameters = new List<NamedTensor> { P("gates.t.0.weight", 2, 3), P("gates.t.0.bias", 2) };
        var w = new OnnxModelWriter("Tests.Gate", "MMoE", parameters, Activation.Relu);
        OnnxValue x = w.DenseInput("x", 3);
        OnnxValue gate = w.GateWeights("gates.t.0", x);
        Assert.Equal([-1, 2], gate.Shape);
        Assert.Contains("GateWeights", Assert.Throws<OnnxExportException>(() => w.GateOutput("g", x)).Message);
        w.GateOutput("gates.t.0", gate);
        Assert.Contains("already taken", Assert.Throws<OnnxExportException>(() => w.GateOutput("gates.t.0", gate)).Message);
    }
}
