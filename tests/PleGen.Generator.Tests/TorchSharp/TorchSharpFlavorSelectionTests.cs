using PleGen.Tests.Shared;
using System;
using System.Linq;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.TorchSharp;

/// <summary>When the TorchSharp flavor is generated: with TorchSharp referenced unless a declaration opts out; never without it.</summary>
public sealed class TorchSharpFlavorSelectionTests
{
    private static string Declaration(string torchSharp) => $$"""
        using PleGen;

        namespace Demo;

        [CgcModel{{torchSharp}}]
        [Task("a", TaskKind.Binary)]
        [Task("b", TaskKind.Regression, Masked = true)]
        [DenseFeature("x", 3)]
        public partial class M { }
        """;

    [Theory]
    [InlineData("", true, 3)]
    [InlineData("(TorchSharp = true)", true, 3)]
    [InlineData("(TorchSharp = false)", true, 1)]
    [InlineData("", false, 1)]
    [InlineData("(TorchSharp = false)", false, 1)]
    public void The_flavor_follows_the_reference_and_the_declaration(string torchSharp, bool referenced, int files)
    {
        GeneratorRun run = referenced ? GeneratorHarness.RunWithTorchSharp(Declaration(torchSharp)) : GeneratorHarness.Run(Declaration(torchSharp));

        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        Assert.Equal(files, run.Sources.Count);
        Assert.Equal(files == 3, run.Sources.Any(s => s.HintName == "Demo.M.88.TorchSharp.g.cs"));
        Assert.Equal(files == 3, run.Sources.Any(s => s.HintName == "PleGen.TorchSharpSupport.g.cs"));
    }

    [Fact]
    public void Requiring_the_flavor_without_TorchSharp_is_an_error_and_emits_only_the_managed_flavor()
    {
        GeneratorRun run = GeneratorHarness.Run(Declaration("(TorchSharp = true)"));

        var error = Assert.Single(run.PleDiagnostics);
        Assert.Equal("PLE0027", error.Id);
        Assert.Equal("TorchSharp = true", run.LocationText(error));
        Assert.Equal(["Demo.M.88.g.cs"], run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void The_shared_support_code_is_emitted_once_for_all_models()
    {
        const string second = """
            using PleGen;

            namespace Demo;

            [MmoeModel]
            [SharedExperts(Count = 2, Units = [4])]
            [Task("a", TaskKind.Binary)]
            [Task("b", TaskKind.Binary)]
            [CategoricalFeature("c", 5, 2)]
            public partial class N { }
            """;
        GeneratorRun run = GeneratorHarness.RunWithTorchSharp(Declaration(""), second);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        Assert.Equal(["Demo.M.88.TorchSharp.g.cs", "Demo.M.88.g.cs", "Demo.N.88.TorchSharp.g.cs", "Demo.N.88.g.cs", "PleGen.TorchSharpSupport.g.cs"], run.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_shared_support_code_is_reviewed_through_its_snapshot()
    {
        GeneratorRun run = GeneratorHarness.RunWithTorchSharp(Declaration(""));
        (string hintName, string text) = Assert.Single(run.Sources, s => s.HintName == "PleGen.TorchSharpSupport.g.cs");
        Snapshot.Match("//HintName: " + hintName + "\n" + text);
    }
}
