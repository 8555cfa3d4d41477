using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PleGen.Generator;

namespace PleGen.Generator.Tests.Infrastructure;

/// <summary>The outcome of running the generator over some sources.</summary>
public sealed record GeneratorRun(
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorDriver Driver,
    GeneratorRunResult Result,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    /// <summary>Every PLE diagnostic the generator reported.</summary>
    public IReadOnlyList<Diagnostic> PleDiagnostics => GeneratorDiagnostics.Where(d => d.Id.StartsWith("PLE", StringComparison.Ordinal)).ToList();

    /// <summary>Errors and warnings of the final compilation (input plus generated code).</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems => CompilationDiagnostics
        .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyList<(string HintName, string Text)> Sources
        => Result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    /// <summary>All generated sources, each under a <c>//HintName:</c> header, for snapshots.</summary>
    public string SnapshotText => string.Join("\n", Sources.Select(s => "//HintName: " + s.HintName + "\n" + s.Text));

    /// <summary>Fails when the generator threw or the compiler reports it did (CS8785, AD0001).</summary>
    public void AssertGeneratorDidNotThrow()
    {
        if (Result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw: " + Result.Exception);
        }

        var crashes = GeneratorDiagnostics.Concat(CompilationDiagnostics).Where(d => d.Id is "CS8785" or "AD0001").ToList();
        if (crashes.Count > 0)
        {
            throw new InvalidOperationException("The generator crashed: " + string.Join("; ", crashes));
        }
    }

    /// <summary>
    /// The source text a diagnostic's location covers. The generator reports path + span locations (it holds no
    /// syntax trees), so the text is looked up in the input compilation's tree of that path.
    /// </summary>
    public string LocationText(Diagnostic diagnostic)
    {
        Location location = diagnostic.Location;
        string path = location.GetLineSpan().Path;
        SyntaxTree? tree = location.SourceTree ?? InputCompilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
        return tree is null ? "" : tree.GetText().ToString(location.SourceSpan);
    }
}

/// <summary>Compiles sources against .NET and PleGen.Runtime and runs <see cref="ModelGenerator"/> over them.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "PleGenTests",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
            .WithSpecificDiagnosticOptions(SdkSuppressions));

    // The .NET SDK passes /nowarn:1701,1702 to every build (assembly-version unification notes: TorchSharp is built
    // against net8.0's reference assemblies); a compilation here sees what a user's build sees.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSuppressions =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    /// <summary>Like <see cref="Compile"/>, also referencing the real TorchSharp assembly, as a project with the TorchSharp package does.</summary>
    public static CSharpCompilation CompileWithTorchSharp(params string[] sources) =>
        Compile(sources).AddReferences(MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location));

    /// <summary>Runs the generator over sources in a compilation that references TorchSharp.</summary>
    public static GeneratorRun RunWithTorchSharp(params string[] sources) => Run(CreateDriver(), CompileWithTorchSharp(sources));

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new ModelGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), Compile(sources));

    /// <summary>Runs the generator; <paramref name="checkOutput"/> false skips compiling the output (faster, for fuzzing).</summary>
    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation, bool checkOutput = true)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(compilation, output, driver, result, generatorDiagnostics,
            checkOutput ? output.GetDiagnostics() : ImmutableArray<Diagnostic>.Empty);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime did not publish TRUSTED_PLATFORM_ASSEMBLIES.");
        return trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(TaskAttribute).Assembly.Location))
            .ToImmutableArray();
    }
}
