using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Tests.Optim;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>Cross-checks with files written by hand in Python (struct + json) from the format definition.</summary>
public sealed class SafeTensorsFormatTests : CheckpointDirectory
{
    [Fact]
    public void Our_bytes_equal_a_file_written_from_the_format_definition()
    {
        string path = PathOf("ours.safetensors");
        SafeTensors.Save(path,
            [new("layer.weight", new Tensor([2, 3], [1.5f, -2f, 3.25f, 0f, 7f, -0.5f])), new("layer.bias", new Tensor([2], [10f, 20f])), new("scale", new Tensor([], [0.125f]))],
            new Dictionary<string, string> { ["architecture"] = "PLE", ["model"] = "Demo.Census" });

        byte[] ours = File.ReadAllBytes(path);
        byte[] reference = File.ReadAllBytes(ReferenceFixture.PathOf("optim/checkpoints/expected_writer_output.safetensors"));
        Assert.Equal(Encoding.UTF8.GetString(reference), Encoding.UTF8.GetString(ours));
        Assert.Equal(reference, ours);
    }

    [Fact]
    public void The_header_is_padded_to_eight_bytes_and_the_data_follows_it_little_endian()
    {
        string path = PathOf("format.safetensors");
        SafeTensors.Save(path, Model());
        byte[] bytes = File.ReadAllBytes(path);
        ulong headerLength = BitConverter.ToUInt64(bytes, 0);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);

        Assert.Equal(0UL, headerLength % 8);
        Assert.Equal(8 + (int)headerLength + 32, bytes.Length);
        using JsonDocument json = JsonDocument.Parse(header);
        Assert.Equal("[0,24]", json.RootElement.GetProperty("layer.weight").GetProperty("data_offsets").GetRawText());
        Assert.Equal("[24,32]", json.RootElement.GetProperty("layer.bias").GetProperty("data_offsets").GetRawText());
        Assert.Equal(1f, BitConverter.ToSingle(bytes, 8 + (int)headerLength));
        Assert.Equal(0.5f, BitConverter.ToSingle(bytes, bytes.Length - 4));
    }

    [Fact]
    public void Reads_a_foreign_layout_whose_header_order_differs_from_the_data_order()
    {
        SafeTensorsFile file = SafeTensors.Read(ReferenceFixture.PathOf("optim/checkpoints/foreign_layout.safetensors"));
        Assert.Equal([2, 3], file.Tensors["a.first_in_header"].Shape);
        Assert.Equal([1.5f, -2f, 3.25f, 0f, 7f, -0.5f], file.Tensors["a.first_in_header"].Values);
        Assert.Equal([10f, 20f], file.Tensors["z.last_in_header"].Values);
        Assert.Equal("pt", file.Metadata["format"]);

        NamedTensor[] target = [new("z.last_in_header", new Tensor([2], new float[2])), new("a.first_in_header", new Tensor([2, 3], new float[6]))];
        SafeTensors.Load(ReferenceFixture.PathOf("optim/checkpoints/foreign_layout.safetensors"), target);
        Assert.Equal([10f, 20f], target[0].Tensor.ToArray());
    }

    [Fact]
    public void The_raw_reader_converts_half_bfloat16_and_double_to_float32()
    {
        SafeTensorsFile file = SafeTensors.Read(ReferenceFixture.PathOf("optim/checkpoints/other_dtypes.safetensors"));
        JsonElement expected = ReferenceFixture.Load("optim/checkpoints/other_dtypes.json");

        Assert.Equal(ReferenceFixture.Floats(expected.GetProperty("half")), file.Tensors["half"].Values);
        Assert.Equal(ReferenceFixture.Floats(expected.GetProperty("brain")), file.Tensors["brain"].Values);
        Assert.Equal([2, 2], file.Tensors["brain"].Shape);
        Assert.Equal(ReferenceFixture.Floats(expected.GetProperty("double")), file.Tensors["double"].Values);
        Assert.Equal(new Dictionary<string, string> { ["half"] = "F16", ["brain"] = "BF16", ["double"] = "F64" }, file.DTypes);
    }
}
