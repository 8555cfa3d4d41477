using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plegen-ckpt-" + Guid.NewGuid().ToString("N"));

    public SafeTensorsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static NamedTensor[] Model(float offset = 0f) => new[]
    {
        new NamedTensor("layer.weight", new Tensor(new[] { 2, 3 }, new[] { 1f, 2f, 3f, 4f, 5f, 6f }.Select(v => v + offset).ToArray())),
        new NamedTensor("layer.bias", new Tensor(new[] { 2 }, new[] { -1f + offset, 0.5f + offset })),
    };

    [Fact]
    public void Round_trip_restores_values_and_metadata_and_leaves_no_temporary_file()
    {
        string path = PathOf("model.safetensors");
        SafeTensors.Save(path, Model(), new Dictionary<string, string> { ["architecture"] = "PLE" });
        NamedTensor[] target = Model(offset: 100f);

        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load(path, target);

        Assert.Equal(Model()[0].Tensor.ToArray(), target[0].Tensor.ToArray());
        Assert.Equal(Model()[1].Tensor.ToArray(), target[1].Tensor.ToArray());
        Assert.Equal("PLE", metadata["architecture"]);
        Assert.Equal(new[] { "model.safetensors" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void The_header_follows_the_format()
    {
        string path = PathOf("format.safetensors");
        SafeTensors.Save(path, Model());
        byte[] bytes = File.ReadAllBytes(path);
        ulong headerLength = BitConverter.ToUInt64(bytes, 0);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);

        Assert.Equal(0UL, headerLength % 8);
        Assert.Contains("\"layer.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}", header);
        Assert.Contains("\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}", header);
        Assert.Equal(8 + (int)headerLength + 32, bytes.Length);
        Assert.Equal(1f, BitConverter.ToSingle(bytes, 8 + (int)headerLength));
    }

    [Fact]
    public void Reads_a_file_written_by_python_from_the_format_definition()
    {
        SafeTensorsFile file = SafeTensors.Read(Path.Combine(AppContext.BaseDirectory, "fixtures", "sample.safetensors"));
        Assert.Equal(new[] { 2, 3 }, file.Tensors["layer.weight"].Shape);
        Assert.Equal(new[] { 1.5f, -2f, 3.25f, 0f, 7f, -0.5f }, file.Tensors["layer.weight"].Values);
        Assert.Equal(new[] { 10f, 20f }, file.Tensors["layer.bias"].Values);
        Assert.Equal("pt", file.Metadata["format"]);
    }

    [Fact]
    public void A_failed_write_keeps_the_previous_checkpoint()
    {
        string path = PathOf("keep.safetensors");
        SafeTensors.Save(path, Model());
        var bad = Model().Append(new NamedTensor("layer.weight", new Tensor(new[] { 1 }, new[] { 0f }))).ToArray();

        Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, bad));

        NamedTensor[] target = Model(offset: 9f);
        SafeTensors.Load(path, target);
        Assert.Equal(Model()[0].Tensor.ToArray(), target[0].Tensor.ToArray());
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Missing_extra_and_mismatched_parameters_name_the_parameter_and_load_nothing()
    {
        string path = PathOf("m.safetensors");
        SafeTensors.Save(path, Model());

        var withExtra = Model(1f).Append(new NamedTensor("towers.income.0.weight", new Tensor(new[] { 4, 8 }, new float[32]))).ToArray();
        var missing = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, withExtra));
        Assert.Contains("'towers.income.0.weight' [4, 8]", missing.Message);
        Assert.Equal(Model(1f)[0].Tensor.ToArray(), withExtra[0].Tensor.ToArray());   // untouched

        var extra = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, Model(1f).Take(1)));
        Assert.Contains("'layer.bias' [2]", extra.Message);

        var wrongShape = new[] { Model(1f)[0], new NamedTensor("layer.bias", new Tensor(new[] { 3 }, new float[3])) };
        var mismatch = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, wrongShape));
        Assert.Contains("'layer.bias'", mismatch.Message);
        Assert.Contains("[2] in the file", mismatch.Message);
        Assert.Contains("[3] in the model", mismatch.Message);
        Assert.Equal(Model(1f)[0].Tensor.ToArray(), wrongShape[0].Tensor.ToArray());  // nothing partially loaded
    }

    public static IEnumerable<object[]> Corruptions() => new[]
    {
        new object[] { "truncated data", (Func<byte[], byte[]>)(b => b[..^4]), "truncated" },
        new object[] { "tiny file", (Func<byte[], byte[]>)(b => b[..5]), "truncated" },
        new object[] { "huge header length", (Func<byte[], byte[]>)(b => { var c = (byte[])b.Clone(); BitConverter.GetBytes(1UL << 40).CopyTo(c, 0); return c; }), "header claims" },
        new object[] { "garbage header", (Func<byte[], byte[]>)(b => { var c = (byte[])b.Clone(); c[8] = (byte)'#'; return c; }), "not valid JSON" },
        new object[] { "extra trailing bytes", (Func<byte[], byte[]>)(b => b.Concat(new byte[8]).ToArray()), "cover 32 bytes" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Corrupt_files_are_rejected_with_the_reason(string what, Func<byte[], byte[]> corrupt, string expected)
    {
        string good = PathOf("good.safetensors"), bad = PathOf(what.Replace(' ', '_') + ".safetensors");
        SafeTensors.Save(good, Model());
        File.WriteAllBytes(bad, corrupt(File.ReadAllBytes(good)));

        NamedTensor[] target = Model(3f);
        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Load(bad, target));
        Assert.Contains(expected, error.Message);
        Assert.Contains(bad, error.Message);
        Assert.Equal(Model(3f)[0].Tensor.ToArray(), target[0].Tensor.ToArray());
    }

    [Fact]
    public void Unsupported_dtype_and_overlapping_offsets_are_reported()
    {
        string path = PathOf("f16.safetensors");
        WriteRaw(path, "{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        Assert.Contains("dtype F16", Assert.Throws<CheckpointException>(() => SafeTensors.Read(path)).Message);

        WriteRaw(path, "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8);
        Assert.Contains("overlap or hole", Assert.Throws<CheckpointException>(() => SafeTensors.Read(path)).Message);
    }

    private static void WriteRaw(string path, string header, int dataBytes)
    {
        byte[] h = Encoding.UTF8.GetBytes(header);
        File.WriteAllBytes(path, BitConverter.GetBytes((ulong)h.Length).Concat(h).Concat(new byte[dataBytes]).ToArray());
    }
}
