using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace PleGen.Packaging.Tests;

/// <summary>
/// Packs PleGen once into a scratch folder and checks the package a NuGet user gets: the runtime as lib, the
/// generator as an analyzer, and a consumer that references only the package gets generated code.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.PackedPackage>
{
    private readonly PackedPackage _package;

    public PackageTests(PackedPackage package) => _package = package;

    [Fact]
    public void Package_ships_the_runtime_as_lib_and_the_generator_as_analyzer()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.NupkgPath);
        string[] entries = zip.Entries.Select(e => e.FullName).ToArray();

        Assert.Contains("lib/net10.0/PleGen.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/PleGen.Runtime.xml", entries); // IntelliSense docs for every public member
        Assert.Contains("analyzers/dotnet/cs/PleGen.Generator.dll", entries);

        // The generator must not leak into lib (consumers would reference Roslyn types) nor the runtime into analyzers.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("PleGen.Generator.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && e.EndsWith("PleGen.Runtime.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_declares_the_data_layers_dependencies()
    {
        string text = Nuspec();

        Assert.Contains("id=\"CsvHelper\"", text); // PleGen.Runtime.Data reads CSV through CsvHelper
        Assert.Contains("id=\"Parquet.Net\"", text); // and Parquet through Parquet.Net
    }

    [Fact]
    public void Package_declares_protobuf_for_onnx_export_but_not_the_build_time_protoc()
    {
        string text = Nuspec();

        Assert.Contains("id=\"Google.Protobuf\"", text); // PleGen.Runtime.Onnx writes ONNX's protobuf schema
        Assert.DoesNotContain("Grpc.Tools", text); // protoc only generates that schema's C# at build time
    }

    [Fact]
    public void Analyzer_assembly_contains_the_incremental_generator()
        => Assert.Contains("PleGen.Generator.ModelGenerator", TypesIn("analyzers/dotnet/cs/PleGen.Generator.dll"));

    [Fact]
    public void Runtime_assembly_contains_the_dsl_attributes()
    {
        string[] types = TypesIn("lib/net10.0/PleGen.Runtime.dll");
        Assert.Contains("PleGen.PleModelAttribute", types);
        Assert.Contains("PleGen.TaskAttribute", types);
        Assert.Contains("PleGen.CategoricalFeatureAttribute", types);
    }

    /// <summary>The package's nuspec (its declared dependencies).</summary>
    private string Nuspec()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.NupkgPath);
        ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Full names of the types defined in an assembly inside the package, read from its metadata.</summary>
    private string[] TypesIn(string entryPath)
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.NupkgPath);
        ZipArchiveEntry entry = zip.GetEntry(entryPath) ?? throw new Xunit.Sdk.XunitException($"The package has no {entryPath}.");
        using var copy = new MemoryStream();
        using (Stream s = entry.Open())
        {
            s.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new PEReader(copy);
        MetadataReader md = pe.GetMetadataReader();
        return md.TypeDefinitions
            .Select(h => md.GetTypeDefinition(h))
            .Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name))
            .ToArray();
    }

    [Fact]
    public void A_project_referencing_only_the_package_gets_the_generated_model_code()
    {
        string project = Consumer("consumer", $"""<PackageReference Include="PleGen" Version="{PackedPackage.Version}" />""");
        var (code, output) = DotnetCli.Run(project, "run", "-c", "Release", "--artifacts-path", Path.Combine(_package.Scratch, "consumer-artifacts"));
        Assert.True(code == 0, $"The consumer did not build or run:\n{output}");
        Assert.Matches(@"total=[1-9][0-9]*", output);
    }

    [Fact]
    public void A_project_with_the_runtime_but_not_the_generator_fails_the_build_saying_what_to_add()
    {
        // The package's build check (build/PleGen.targets), with the runtime referenced the way that silently generates
        // nothing: a plain ProjectReference, no analyzer.
        string runtime = Path.Combine(RepositoryLayout.Root, "src", "Runtime", "PleGen.Runtime.csproj");
        string check = Path.Combine(RepositoryLayout.Root, "src", "Runtime", "build", "PleGen.targets");
        string project = Consumer("no-generator", $"""<ProjectReference Include="{runtime}" />""", $"""<Import Project="{check}" />""");
        var (code, output) = DotnetCli.Run(project, "build", "-c", "Release", "--artifacts-path", Path.Combine(_package.Scratch, "no-generator-artifacts"));
        Assert.NotEqual(0, code);
        Assert.Contains("error PLEGEN001: PleGen's source generator is not running in Consumer", output);
        Assert.Contains("OutputItemType=\"Analyzer\"", output);
        Assert.DoesNotContain("CS0117", output); // the check runs before the compiler's confusing errors
    }

    [Fact]
    public void The_package_ships_the_generator_check_for_direct_and_transitive_consumers()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.NupkgPath);
        Assert.NotNull(zip.GetEntry("build/PleGen.targets"));
        Assert.NotNull(zip.GetEntry("buildTransitive/PleGen.targets"));
    }

    [Fact]
    public void A_source_reference_through_PleGen_Source_targets_gets_the_generated_model_code()
    {
        string targets = Path.Combine(RepositoryLayout.Root, "build", "PleGen.Source.targets");
        string project = Consumer("source-consumer", "", $"""<Import Project="{targets}" />""");
        var (code, output) = DotnetCli.Run(project, "run", "-c", "Release", "--artifacts-path", Path.Combine(_package.Scratch, "source-consumer-artifacts"));
        Assert.True(code == 0, $"The source consumer did not build or run:\n{output}");
        Assert.Matches(@"total=[1-9][0-9]*", output);
    }

    /// <summary>A console project in the scratch folder with a tiny PLE, the local feed, and <paramref name="references"/>.</summary>
    private string Consumer(string name, string references, string imports = "")
    {
        string project = Path.Combine(_package.Scratch, name);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="plegen-local" value="{_package.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(_package.Scratch, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
              {imports}
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using PleGen;

            System.Console.WriteLine($"total={TinyPle.Architecture.TotalParameters}");

            [PleModel(Levels = 2)]
            [SharedExperts(Count = 1, Units = [4])]
            [TaskExperts(Count = 1, Units = [4])]
            [Task("click", TaskKind.Binary, Tower = [2])]
            [Task("buy", TaskKind.Binary, Tower = [2])]
            [DenseFeature("x", 3)]
            public partial class TinyPle { }
            """);
        return project;
    }

    [Fact]
    public void READMEs_pack_command_works_on_a_clean_tree()
    {
        // A copy of what a fresh clone has (no bin/obj anywhere), packed with exactly README's command.
        string tree = Path.Combine(_package.Scratch, "clean-tree");
        foreach (string file in new[] { "README.md", "global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            CopyFile(file, tree);
        }

        CopyTree(Path.Combine(RepositoryLayout.Root, "src"), Path.Combine(tree, "src"));
        CopyTree(Path.Combine(RepositoryLayout.Root, "build"), Path.Combine(tree, "build"));
        Assert.Contains("dotnet pack src/Runtime -c Release", File.ReadAllText(Path.Combine(tree, "README.md")));

        var (code, output) = DotnetCli.Run(tree, "pack", "src/Runtime", "-c", "Release");

        Assert.True(code == 0, $"README's pack command failed on a clean tree:\n{output}");
        Assert.True(File.Exists(Path.Combine(tree, "src", "Runtime", "bin", "Release", $"PleGen.{PackedPackage.Version}.nupkg")), output);
    }

    private static void CopyFile(string relative, string tree)
    {
        Directory.CreateDirectory(tree);
        File.Copy(Path.Combine(RepositoryLayout.Root, relative), Path.Combine(tree, relative));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string directory in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    /// <summary>Packs once per test class run, into a fresh scratch folder with its own artifacts path.</summary>
    public sealed class PackedPackage : IDisposable
    {
        public const string Version = "0.1.0";

        public PackedPackage()
        {
            Scratch = Path.Combine(Path.GetTempPath(), "plegen-pack-" + Guid.NewGuid().ToString("N"));
            FeedDirectory = Path.Combine(Scratch, "feed");
            Directory.CreateDirectory(FeedDirectory);
            string csproj = Path.Combine(RepositoryLayout.Root, "src", "Runtime", "PleGen.Runtime.csproj");
            var (code, output) = DotnetCli.Run(
                RepositoryLayout.Root, "pack", csproj, "-c", "Release", "-o", FeedDirectory,
                "--artifacts-path", Path.Combine(Scratch, "artifacts"), $"-p:Version={Version}");
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet pack failed:\n{output}");
            }

            NupkgPath = Path.Combine(FeedDirectory, $"PleGen.{Version}.nupkg");
            if (!File.Exists(NupkgPath))
            {
                throw new InvalidOperationException($"dotnet pack succeeded but {NupkgPath} is missing:\n{output}");
            }
        }

        public string Scratch { get; }

        public string FeedDirectory { get; }

        public string NupkgPath { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Scratch, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left in /tmp is harmless; never fail a test run over cleanup.
            }
        }
    }
}
