using System.IO;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>Every kind of broken file is rejected with its reason and the file's path, and loads nothing.</summary>
public sealed class SafeTensorsCorruptionTests : CheckpointDirectory
{
    private const string Weight = "\"layer.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}";
    private const string Bias = "\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}";

    /// <summary>Case name, header JSON, data bytes, claimed header length (null: the real one), expected message part.</summary>
    public static TheoryData<string, string, int, ulong?, string> HandWrittenCorruptions() => new()
    {
        { "header length beyond the file", "{" + Weight + "," + Bias + "}", 32, 4096, "claims 4096 bytes but only" },
        { "header length beyond the format's limit", "{" + Weight + "," + Bias + "}", 32, 1UL << 40, "more than the format's limit" },
        { "invalid JSON", "{" + Weight + "," + Bias, 32, null, "not valid JSON" },
        { "JSON that is not an object", "[1, 2, 3]", 32, null, "not an object" },
        { "entry without offsets", "{\"layer.weight\":{\"dtype\":\"F32\",\"shape\":[2,3]}," + Bias + "}", 32, null, "needs a string \"dtype\", a \"shape\" array and two \"data_offsets\"" },
        { "offsets out of range", "{" + Weight + ",\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,40]}}", 32, null, "[24, 40], out of range of the 32-byte data section" },
        { "overlapping offsets", "{" + Weight + ",\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}", 24, null, "'layer.bias' (bytes [16, 24]) overlaps tensor 'layer.weight'" },
        { "a hole between tensors", "{" + Weight + ",\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[28,36]}}", 36, null, "bytes [24, 28] of the data section belong to no tensor" },
        { "unsupported dtype", "{" + Weight + ",\"layer.bias\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[24,32]}}", 32, null, "dtype I64, which PleGen does not read (unsupported dtype" },
        { "shape and offsets disagree", "{" + Weight + ",\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[24,32]}}", 32, null, "needs 12 bytes but its data_offsets [24, 32] span 8" },
        { "negative dimension", "{" + Weight + ",\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[24,32]}}", 32, null, "negative dimension" },
        { "fractional dimension", "{" + Weight + ",\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[24,32]}}", 32, null, "not integers" },
        { "a name twice", "{" + Weight + "," + Bias + "," + Bias + "}", 32, null, "names 'layer.bias' twice" },
        { "metadata that is not strings", "{\"__metadata__\":{\"epoch\":3}," + Weight + "," + Bias + "}", 32, null, "metadata 'epoch' is Number, not a string" },
        { "data section longer than the tensors", "{" + Weight + "," + Bias + "}", 40, null, "data section size does not match the header: the tensors cover 32 bytes but the data section has 40" },
    };

    [Theory]
    [MemberData(nameof(HandWrittenCorruptions))]
    public void Hand_written_corruptions_are_rejected_with_the_reason(string what, string header, int dataBytes, ulong? claimedHeaderLength, string expected)
    {
        string path = PathOf(what.Replace(' ', '_') + ".safetensors");
        WriteRaw(path, header, dataBytes, claimedHeaderLength);
        AssertRejected(path, expected);
    }

    public static TheoryData<string, Func<byte[], byte[]>, string> DamagedFiles() => new()
    {
        { "truncated data", b => b[..^4], "out of range of the 28-byte data section" },
        { "truncated header", b => b[..40], "but only 32 follow it" },
        { "truncated length field", b => b[..5], "5 bytes, fewer than the 8-byte header length" },
        { "empty file", _ => [], "0 bytes" },
        { "garbage in the header", b => { byte[] c = (byte[])b.Clone(); c[8] = (byte)'#'; return c; }, "not valid JSON" },
        { "trailing bytes", b => [.. b, .. new byte[8]], "data section size does not match" },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Damaged_saved_files_are_rejected_with_the_reason(string what, Func<byte[], byte[]> damage, string expected)
    {
        string good = PathOf("good.safetensors"), bad = PathOf(what.Replace(' ', '_') + ".safetensors");
        SafeTensors.Save(good, Model());
        File.WriteAllBytes(bad, damage(File.ReadAllBytes(good)));
        AssertRejected(bad, expected);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = PathOf("absent.safetensors");
        Assert.Contains($"Checkpoint {path} does not exist", Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, Model())).Message);
        Assert.Contains("does not exist", Assert.Throws<CheckpointException>(() => SafeTensors.Read(path)).Message);
    }

    private static void AssertRejected(string path, string expected)
    {
        NamedTensor[] target = Model(3f);
        var load = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target));
        Assert.Contains(expected, load.Message);
        Assert.Contains(path, load.Message);
        Assert.Equal(ValuesOf(Model(3f)), ValuesOf(target));

        var read = Assert.Throws<CheckpointException>(() => SafeTensors.Read(path));
        Assert.Equal(load.Message, read.Message);
    }
}
