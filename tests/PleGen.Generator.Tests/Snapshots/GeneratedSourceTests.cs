using PleGen.Tests.Shared;
using Xunit;
using PleGen.Generator.Tests.Infrastructure;

namespace PleGen.Generator.Tests.Snapshots;

/// <summary>
/// The generated code is part of the product: each representative declaration's output is reviewed through its
/// verified snapshot, and must compile with no warning in a nullable-enabled compilation.
/// </summary>
public sealed class GeneratedSourceTests
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
    public void TaskGroup() => Verify(Declarations.WithTaskGroup);

    [Fact]
    public void NestedClass() => Verify(Declarations.Nested);

    [Fact]
    public void GlobalNamespace() => Verify(Declarations.GlobalNamespace);

    private static void Verify(string source, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        Snapshot.Match(run.SnapshotText, testName: testName);
    }
}
