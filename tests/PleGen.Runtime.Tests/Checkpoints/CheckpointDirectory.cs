using System.IO;
using System.Linq;
using System.Text;
using System;
using PleGen.Runtime.Tensors;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>A fresh temporary directory per test class instance, plus the small model the checkpoint tests save and load.</summary>
public abstract class CheckpointDirectory : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plegen-checkpoints-" + Guid.NewGuid().ToString("N"));

    protected CheckpointDirectory() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string PathOf(string name) => Path.Combine(_directory, name);

    protected string[] FileNames() => [.. Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>A two-tensor model whose values are shifted by <paramref name="offset"/>, so loads are visible.</summary>
    protected static NamedTensor[] Model(float offset = 0f) =>
    [
        new("layer.weight", new Tensor([2, 3], [.. new[] { 1f, 2f, 3f, 4f, 5f, 6f }.Select(v => v + offset)])),
        new("layer.bias", new Tensor([2], [-1f + offset, 0.5f + offset])),
    ];

    protected static float[][] ValuesOf(NamedTensor[] tensors) => [.. tensors.Select(t => t.Tensor.ToArray())];

    /// <summary>Writes a file from a header written by hand, so tests can produce any corruption.</summary>
    protected static void WriteRaw(string path, string header, int dataBytes, ulong? claimedHeaderLength = null)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        byte[] length = BitConverter.GetBytes(claimedHeaderLength ?? (ulong)json.Length);
        File.WriteAllBytes(path, [.. length, .. json, .. new byte[dataBytes]]);
    }
}
