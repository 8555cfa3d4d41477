using System.IO;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit;

namespace PleGen.TorchSharp.Tests.Checkpoints;

/// <summary>
/// The TorchSharp flavor exports ONNX through the managed flavor's exporter: with the same parameters (one checkpoint
/// loaded into both), both flavors write the same file, byte for byte.
/// </summary>
public sealed class OnnxExportTests
{
    [Theory]
    [MemberData(nameof(Architectures.All), MemberType = typeof(Architectures))]
    public void Both_flavors_export_the_same_onnx_file(string architecture)
    {
        using var directory = new TemporaryDirectory();
        var managed = new ManagedFlavor(architecture, seed: 11);
        using TorchFlavor torch = TorchFlavor.Create(architecture, seed: 12);
        managed.Model.Save(directory.File("model.safetensors"));
        torch.Load(directory.File("model.safetensors"));

        ((dynamic)managed.Model).ExportOnnx(directory.File("managed.onnx"), gateWeights: true);
        ((dynamic)torch.Module).ExportOnnx(directory.File("torchsharp.onnx"), gateWeights: true);

        byte[] fromManaged = File.ReadAllBytes(directory.File("managed.onnx"));
        Assert.True(fromManaged.Length > 1000, $"{fromManaged.Length} bytes");
        Assert.Equal(fromManaged, File.ReadAllBytes(directory.File("torchsharp.onnx")));
    }
}
