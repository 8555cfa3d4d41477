using System.Linq;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.Robustness;

/// <summary>
/// Generated files name runtime and TorchSharp types through file-level aliases ("Tensor", "Linear", "Ops"). A type of
/// the same name in the model's namespace, or a member of the model, would win over such an alias; the generator then
/// writes those types in full, so both flavors still compile and mean the runtime's types.
/// </summary>
public sealed class ShadowingTests
{
    private const string UserTypes = """
        namespace Demo
        {
            public sealed class Tensor { }
            public sealed class Linear { }
            public sealed class Expert { }
            public static class Ops { }
        }
        """;

    private const string Model = """
        using PleGen;

        namespace Demo.Models
        {
            [CgcModel]
            [Task("a", TaskKind.Binary)]
            [Task("b", TaskKind.Regression)]
            [DenseFeature("x", 3)]
            [CategoricalFeature("item", 10, 4)]
            public partial class Shadowed { }
        }
        """;

    [Theory]
    [InlineData(false, "global::PleGen.Runtime.Tensors.Tensor", "using Tensor = ")]
    [InlineData(true, "global::TorchSharp.torch.Tensor", "using Tensor = ")]
    [InlineData(true, "global::TorchSharp.Modules.Linear", "using Linear = ")]
    public void User_types_named_like_an_alias_are_not_mistaken_for_the_runtimes(bool torchSharp, string fullName, string alias)
    {
        GeneratorRun run = GeneratorHarness.RunWithTorchSharp(UserTypes, Model);
        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.PleDiagnostics);
        Assert.Empty(run.CompilerProblems);

        string source = Source(run, torchSharp);
        Assert.Contains(fullName, source);
        Assert.DoesNotContain(alias, source);
    }

    [Fact]
    public void Without_such_types_the_aliases_are_used()
    {
        GeneratorRun run = GeneratorHarness.RunWithTorchSharp(Model);
        Assert.Empty(run.CompilerProblems);
        string managed = Source(run, torchSharp: false);
        Assert.Contains("using Tensor = global::PleGen.Runtime.Tensors.Tensor;", managed);
        Assert.Contains("Tensor input = ", managed);
    }

    [Fact]
    public void A_task_named_like_an_alias_gets_the_full_name_inside_the_generated_types()
    {
        // Output gets a member "Ops" (the task's logit); Ops.Sigmoid inside Output would bind to it.
        GeneratorRun run = GeneratorHarness.Run(Model.Replace("[Task(\"a\", TaskKind.Binary)]", "[Task(\"ops\", TaskKind.Binary)]"));
        Assert.Empty(run.CompilerProblems);
        Assert.Contains("global::PleGen.Runtime.Operations.Ops.Sigmoid", Source(run, torchSharp: false));
    }

    private static string Source(GeneratorRun run, bool torchSharp)
        => run.Sources.Single(s => s.HintName.StartsWith("Demo.Models.Shadowed.", System.StringComparison.Ordinal) && s.HintName.Contains(".TorchSharp.") == torchSharp).Text;
}
