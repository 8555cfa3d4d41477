using PleGen.Tests.Shared;
using System.Linq;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.TorchSharp;

/// <summary>
/// The TorchSharp flavor of every representative declaration, reviewed through its snapshot (the TorchSharp file
/// only; the managed file is the GeneratedSourceTests' snapshot), compiled against TorchSharp 0.107 with the
/// managed flavor beside it: no error and no warning.
/// </summary>
public sealed class TorchSharpSourceTests
{
    [Fact]
    public void TwoLevelPle() => Verify(Declarations.TwoLevelPle);

    [Fact]
    public void Cgc() => Verify(Declarations.Cgc);

    [Fact]
    public void Mmoe() => Verify(Declarations.Mmoe);

    [Fact]
    public void MultiLevelMmoe() => Verify(Declarations.MultiLevelMmoe);

    [Fact]
    public void SharedBottom() => Verify(Declarations.SharedBottom);

    [Fact]
    public void SingleTask() => Verify(Declarations.SingleTask);

    [Fact]
    public void ThreeTasksMixingBinaryAndRegression() => Verify(Declarations.ThreeTasksMixed);

    [Fact]
    public void CategoricalAndDenseFeatures() => Verify(Declarations.CategoricalAndDense);

    [Fact]
    public void NestedClass() => Verify(Declarations.Nested);

    [Fact]
    public void GlobalNamespace() => Verify(Declarations.GlobalNamespace);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorHarness.RunWithTorchSharp(source);
        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        (string hintName, string text) = Assert.Single(run.Sources, s => s.HintName.EndsWith(".TorchSharp.g.cs", System.StringComparison.Ordinal));
        Snapshot.Match("//HintName: " + hintName + "\n" + text, testName: testName);
    }
}
