using System.Linq;
using Microsoft.CodeAnalysis;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.Robustness;

/// <summary>
/// Valid C# type declarations that cannot be models get one clear diagnostic (PleGen's, or the compiler's own for an
/// attribute on a type it does not apply to) and never errors or warnings inside generated code.
/// </summary>
public sealed class ClassShapeTests
{
    private const string Members = """
        [Task("a", TaskKind.Binary)]
        [Task("b", TaskKind.Binary)]
        [DenseFeature("x", 2)]
        """;

    private static string Source(string declaration, string architecture = "[CgcModel]") => $"using PleGen;\nnamespace Shop;\n{architecture}\n{Members}\n{declaration}\n";

    public static TheoryData<string, string, string> Unsupported => new()
    {
        { Source("file partial class M { }"), "PLE0028", "file-local" },
        { Source("public partial record M(int Size);"), "PLE0029", "parameter list" },
        { Source("public partial class M(int size) { public int Size => size; }"), "PLE0029", "(int size)" },
        { Source("public partial class Batch { }"), "PLE0030", "'Batch'" },
        { Source("public partial class Architecture { }"), "PLE0030", "'Architecture'" },
        { Source("public partial class TorchSharpModel { }"), "PLE0030", "'TorchSharpModel'" },
        { Source("public partial class Base { }\n[CgcModel]\n" + Members + "\npublic partial class Derived : Base { }"), "PLE0031", "'Base'" },
        { Source("public partial struct M { }"), "CS0592", "" },
        { Source("public partial interface M { }"), "CS0592", "" },
        { Source("public partial record struct M;"), "CS0592", "" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void An_unsupported_model_type_gets_one_diagnostic_and_no_broken_generated_code(string source, string id, string detail)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        run.AssertGeneratorDidNotThrow();

        Diagnostic[] problems = run.PleDiagnostics.Concat(run.CompilerProblems).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.All(problems, d => Assert.Equal(id, d.Id));
        if (id.StartsWith("PLE", System.StringComparison.Ordinal))
        {
            Assert.Contains(detail, Assert.Single(problems).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.NotEmpty(problems); // the compiler's own, one per misplaced attribute
            Assert.Empty(run.Sources);
        }

        Assert.DoesNotContain(run.CompilerProblems, d => d.Location.SourceTree is { } tree && !run.InputCompilation.SyntaxTrees.Contains(tree));
    }

    [Fact]
    public void A_record_class_without_parameters_is_a_model()
    {
        GeneratorRun run = GeneratorHarness.Run(Source("public partial record M;"));

        Assert.Empty(run.PleDiagnostics);
        Assert.Empty(run.CompilerProblems);
        Assert.Single(run.Sources);
    }
}
