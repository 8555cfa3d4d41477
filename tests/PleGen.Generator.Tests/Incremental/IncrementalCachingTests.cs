using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.Incremental;

/// <summary>
/// Proves the pipeline caches: after an edit that does not change a model's spec, nothing downstream of the
/// spec re-runs (the spec step is Cached or Unchanged, and so are the source outputs). The counter-test shows
/// that a real change is seen, so these tests can fail.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Unrelated = """
        namespace Demo;

        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void Editing_an_unrelated_file_reruns_nothing_after_the_spec()
    {
        var (driver, compilation) = FirstRun();
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(Unrelated.Replace("2 * x", "x + x"), old.FilePath));

        AssertNothingDownstreamReran(GeneratorHarness.Run(driver, edited));
    }

    [Fact]
    public void Adding_a_comment_to_the_model_file_reruns_nothing_after_the_spec()
    {
        var (driver, compilation) = FirstRun();
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse("// a comment about the model\n" + Declarations.TwoLevelPle, old.FilePath));

        AssertNothingDownstreamReran(GeneratorHarness.Run(driver, edited));
    }

    [Fact]
    public void Adding_an_unrelated_member_to_the_model_class_reruns_nothing_after_the_spec()
    {
        var (driver, compilation) = FirstRun();
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        string source = Declarations.TwoLevelPle.Replace("public partial class CensusPle { }", "public partial class CensusPle { public int Epochs => 3; }");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(source, old.FilePath));

        AssertNothingDownstreamReran(GeneratorHarness.Run(driver, edited));
    }

    [Fact]
    public void Changing_an_attribute_argument_changes_the_spec_and_regenerates()
    {
        var (driver, compilation) = FirstRun();
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == "Source0.cs");
        string source = Declarations.TwoLevelPle.Replace("[SharedExperts(Count = 2, Units = [8])]", "[SharedExperts(Count = 2, Units = [16, 8])]");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(source, old.FilePath));

        GeneratorRun run = GeneratorHarness.Run(driver, edited);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(run.Result.TrackedSteps[TrackingNames.ModelPlan]));
        Assert.Contains(IncrementalStepRunReason.Modified, run.Result.TrackedOutputSteps.SelectMany(s => Reasons(s.Value)));
    }

    [Fact]
    public void With_TorchSharp_referenced_an_unrelated_edit_reruns_neither_flavor()
    {
        CSharpCompilation compilation = GeneratorHarness.CompileWithTorchSharp(Declarations.TwoLevelPle, Unrelated);
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        Assert.Equal(3, first.Sources.Count);
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(Unrelated.Replace("2 * x", "x + x"), old.FilePath));

        GeneratorRun run = GeneratorHarness.Run(first.Driver, edited);

        AssertNothingDownstreamReran(run);
        foreach (string step in new[] { TrackingNames.TorchSharpReference, TrackingNames.TorchSharpPlan })
        {
            Assert.All(Reasons(run.Result.TrackedSteps[step]), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {reason}"));
        }
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Declarations.TwoLevelPle, Unrelated);
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Single(first.Sources);
        return (first.Driver, compilation);
    }

    private static void AssertNothingDownstreamReran(GeneratorRun run)
    {
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.Result.TrackedSteps.ContainsKey(TrackingNames.ParseModel), "the parse step is tracked");
        var spec = Reasons(run.Result.TrackedSteps[TrackingNames.ModelPlan]).ToList();
        Assert.NotEmpty(spec);
        Assert.All(spec, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"spec step was {reason}"));

        var outputs = run.Result.TrackedOutputSteps.SelectMany(s => Reasons(s.Value)).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {reason}"));
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(ImmutableArray<IncrementalGeneratorRunStep> steps)
        => steps.SelectMany(step => step.Outputs.Select(output => output.Reason));

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path);
}
