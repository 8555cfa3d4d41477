using System;
using System.Linq;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.Robustness;

/// <summary>
/// Names the compiler accepts never break the generator: hint names are unique even where C# names differ only in case
/// or nest like a flavor's suffix, and keywords used as names (verbatim identifiers) are written back escaped.
/// </summary>
public sealed class NamingTests
{
    private const string Members = """[Task("a", TaskKind.Binary)][Task("b", TaskKind.Binary)][DenseFeature("x", 2)]""";

    private static string Model(string name) => $"[CgcModel]{Members} public partial class {name} {{ }}";

    public static TheoryData<string, string[]> Collisions => new()
    {
        { "Models differing only in case", [$"using PleGen; namespace N {{ {Model("Ctr")} {Model("CTR")} }}"] },
        { "Namespaces differing only in case", [$"using PleGen; namespace Shop {{ {Model("M")} }} namespace shop {{ {Model("M")} }}"] },
        { "A nested model named like the flavor suffix", [$"using PleGen; namespace N {{ {Model("M")} public partial class Outer {{ }} public partial class M {{ {Model("TorchSharp")} }} }}"] },
        { "Keywords as names", [$"using PleGen; namespace Shop.@event {{ {Model("@class")} public static partial class @operator {{ {Model("@struct")} }} }}"] },
    };

    [Theory]
    [MemberData(nameof(Collisions))]
    public void Every_model_keeps_its_code_and_it_compiles_clean(string situation, string[] sources)
    {
        // An unrelated valid model beside them must keep its code too (a hint-name collision used to drop every file).
        string[] all = [.. sources, $"using PleGen; namespace Other {{ {Model("Bystander")} }}"];
        foreach (GeneratorRun run in new[] { GeneratorHarness.Run(all), GeneratorHarness.RunWithTorchSharp(all) })
        {
            run.AssertGeneratorDidNotThrow();
            Assert.True(run.PleDiagnostics.Count == 0, situation + ": " + string.Join("; ", run.PleDiagnostics));
            Assert.True(run.CompilerProblems.Count == 0, situation + ": " + string.Join("; ", run.CompilerProblems.Take(5)));
            Assert.Contains(run.Sources, s => s.Text.Contains("partial class Bystander", StringComparison.Ordinal));
            Assert.Equal(run.Sources.Count, run.Sources.Select(s => s.HintName.ToUpperInvariant()).Distinct().Count());
        }
    }

    [Fact]
    public void Hint_names_stay_readable()
    {
        GeneratorRun run = GeneratorHarness.RunWithTorchSharp($"using PleGen; namespace Demo.Shop {{ {Model("CensusPle")} public partial class Outer {{ {Model("Inner_1")} }} }}");

        Assert.Equal(
            // Case masks: DemoShopCensusPle is 1000 1000 1000 0010 0 (88820); DemoShopOuterInner 1000 1000 1000 0100 00 (88840).
            ["Demo.Shop.CensusPle.88820.TorchSharp.g.cs", "Demo.Shop.CensusPle.88820.g.cs", "Demo.Shop.Outer_002bInner_005f1.88840.TorchSharp.g.cs", "Demo.Shop.Outer_002bInner_005f1.88840.g.cs", "PleGen.TorchSharpSupport.g.cs"],
            run.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keyword_names_are_escaped_in_code_and_plain_in_messages()
    {
        GeneratorRun run = GeneratorHarness.Run($"using PleGen; namespace Shop.@event {{ {Model("@class")} }}");
        string code = Assert.Single(run.Sources).Text;

        Assert.Contains("namespace Shop.@event", code);
        Assert.Contains("partial class @class", code);
        Assert.Contains("public @class(ulong seed = 0)", code);
        Assert.Contains("[\"model\"] = \"Shop.event.class\"", code);
        Assert.Empty(run.CompilerProblems);
    }
}
