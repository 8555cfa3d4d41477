using System.Collections.Generic;
using System.Linq;
using PleGen.Generator.Tests.Infrastructure;
using PleGen.Tests.Shared;
using Xunit;

namespace PleGen.Generator.Tests.Snapshots;

/// <summary>The two files generated for a model: the managed flavor (with any task group's data types) and the TorchSharp flavor.</summary>
public enum Flavor
{
    Managed,
    TorchSharp,
}

/// <summary>
/// The generated code is part of the product. Every representative declaration, in both flavors, compiles with no
/// warning in a nullable-enabled compilation (against TorchSharp 0.107) and names runtime types through its file-level
/// aliases; a few full files per flavor are reviewed through their snapshots.
/// </summary>
public sealed class GeneratedSourceTests
{
    private static readonly Dictionary<string, string> Cases = new()
    {
        ["TwoLevelPle"] = Declarations.TwoLevelPle,
        ["Cgc"] = Declarations.Cgc,
        ["Mmoe"] = Declarations.Mmoe,
        ["MultiLevelMmoe"] = Declarations.MultiLevelMmoe,
        ["SharedBottom"] = Declarations.SharedBottom,
        ["SingleTask"] = Declarations.SingleTask,
        ["ThreeTasksMixed"] = Declarations.ThreeTasksMixed,
        ["CategoricalAndDense"] = Declarations.CategoricalAndDense,
        ["TaskGroup"] = Declarations.WithTaskGroup,
        ["Nested"] = Declarations.Nested,
        ["GlobalNamespace"] = Declarations.GlobalNamespace,
        ["Sluice"] = Declarations.Sluice,
        ["CardinalityFromData"] = Declarations.CardinalityFromData,
        ["SingleTaskFromData"] = Declarations.SingleTaskFromData,
    };

    /// <summary>The files reviewed in full: the deepest routing (two PLE levels), per-task everything (single-task), a task group's shared data types, a mixed-kind TorchSharp loss, sluice's mixes and penalty.</summary>
    public static TheoryData<string, Flavor> Reviewed => new()
    {
        { "TwoLevelPle", Flavor.Managed },
        { "TwoLevelPle", Flavor.TorchSharp },
        { "SingleTask", Flavor.Managed },
        { "SingleTask", Flavor.TorchSharp },
        { "TaskGroup", Flavor.Managed },
        { "ThreeTasksMixed", Flavor.TorchSharp },
        { "Sluice", Flavor.Managed },
        { "Sluice", Flavor.TorchSharp },
        { "CardinalityFromData", Flavor.Managed },
        { "CardinalityFromData", Flavor.TorchSharp },
    };

    public static TheoryData<string, Flavor> Every
    {
        get
        {
            var data = new TheoryData<string, Flavor>();
            foreach (string name in Cases.Keys)
            {
                data.Add(name, Flavor.Managed);
                data.Add(name, Flavor.TorchSharp);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Reviewed))]
    public void The_file_is_the_reviewed_one(string declaration, Flavor flavor)
        => Snapshot.Match(Generated(declaration, flavor), testName: $"{declaration}.{flavor}");

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_declaration_compiles_cleanly_and_names_types_through_its_aliases(string declaration, Flavor flavor)
    {
        string text = Generated(declaration, flavor);
        string[] lines = text.Split('\n');
        string[] aliases = lines.Where(l => l.StartsWith("using ", System.StringComparison.Ordinal) && l.Contains(" = global::")).ToArray();
        Assert.NotEmpty(aliases);
        foreach (string alias in aliases)
        {
            string name = alias.Substring("using ".Length, alias.IndexOf(" =", System.StringComparison.Ordinal) - "using ".Length);
            Assert.True(lines.Any(l => !l.StartsWith("using ", System.StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, $@"\b{name}\b")), $"alias {name} is declared but not used");
        }

        // Only the generic runtime interfaces (which cannot be aliased open) are written in full.
        var fullNames = lines.Where(l => !l.StartsWith("using ", System.StringComparison.Ordinal) && l.Contains("global::PleGen.Runtime.", System.StringComparison.Ordinal))
            .Where(l => !l.Contains("ITrainableModel<", System.StringComparison.Ordinal) && !l.Contains("ITrainingSession<", System.StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("///", System.StringComparison.Ordinal))
            .ToList();
        Assert.True(fullNames.Count == 0, "written in full: " + string.Join("\n", fullNames));
    }

    /// <summary>The flavor's generated text (managed: every non-TorchSharp file, e.g. the model and its task group's data types), compiled clean.</summary>
    private static string Generated(string declaration, Flavor flavor)
    {
        GeneratorRun run = GeneratorHarness.RunWithTorchSharp(Cases[declaration]);
        run.AssertGeneratorDidNotThrow();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerProblems);
        var files = run.Sources
            .Where(s => !s.HintName.StartsWith("PleGen.TorchSharpSupport", System.StringComparison.Ordinal))
            .Where(s => s.HintName.EndsWith(".TorchSharp.g.cs", System.StringComparison.Ordinal) == (flavor == Flavor.TorchSharp))
            .ToList();
        Assert.NotEmpty(files);
        return string.Join("\n", files.Select(s => "//HintName: " + s.HintName + "\n" + s.Text));
    }
}
