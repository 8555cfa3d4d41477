using System;
using System.Linq;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.Fuzzing;

/// <summary>
/// Property-style tests over hundreds of seeded random declarations: valid ones produce code and no diagnostic
/// at all; each one-mutation-invalid one produces the PLE diagnostic for its mutation; gibberish never crashes
/// the generator. Every case is reproducible from its seed, printed on failure with the source.
/// </summary>
public sealed class DeclarationFuzzTests
{
    private const int ValidCases = 250;
    private const int CasesPerMutation = 10;
    private const int GibberishCases = 200;

    [Fact]
    public void Random_valid_declarations_generate_code_without_any_diagnostic()
    {
        for (int seed = 0; seed < ValidCases; seed++)
        {
            // Every other case references TorchSharp, so both flavors must compile clean on random shapes.
            bool torchSharp = seed % 2 == 1;
            string source = RandomDeclaration.Create(new Random(seed)).Render();
            GeneratorRun run = torchSharp ? GeneratorHarness.RunWithTorchSharp(source) : GeneratorHarness.Run(source);
            run.AssertGeneratorDidNotThrow();
            Check(seed, source, run.GeneratorDiagnostics.IsEmpty, "expected no generator diagnostic, got: " + string.Join("; ", run.GeneratorDiagnostics));
            Check(seed, source, run.CompilerProblems.Count == 0, "expected a clean compilation, got: " + string.Join("; ", run.CompilerProblems));
            Check(seed, source, run.Sources.Count == (torchSharp ? 3 : 1), torchSharp ? "expected the managed, the TorchSharp and the support file" : "expected one generated file");
        }
    }

    [Fact]
    public void Every_single_invalidating_mutation_yields_its_diagnostic()
    {
        // Stratified: every mutation of the catalog on several random declarations it applies to.
        int seed = 10_000;
        foreach (Mutation mutation in Mutations.All)
        {
            for (int applied = 0; applied < CasesPerMutation; seed++)
            {
                var random = new Random(seed);
                RandomDeclaration declaration = RandomDeclaration.Create(random);
                if (!mutation.AppliesTo(declaration))
                {
                    continue;
                }

                applied++;
                mutation.Apply(random, declaration);
                string source = declaration.Render();

                GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compile(source), checkOutput: false);
                run.AssertGeneratorDidNotThrow();
                var ids = run.PleDiagnostics.Select(d => d.Id).ToList();
                Check(seed, source, ids.Count > 0, $"mutation '{mutation.Name}' produced no PLE diagnostic");
                Check(seed, source, mutation.ExpectedId is null || ids.Contains(mutation.ExpectedId),
                    $"mutation '{mutation.Name}' expected {mutation.ExpectedId}, got {string.Join(", ", ids)}");
                Check(seed, source, run.Sources.Count == 0, $"mutation '{mutation.Name}' still generated code");
            }
        }
    }

    [Fact]
    public void Deleting_random_spans_of_a_declaration_never_crashes_the_generator()
    {
        for (int seed = 20_000; seed < 20_000 + GibberishCases; seed++)
        {
            var random = new Random(seed);
            string source = RandomDeclaration.Create(random).Render();
            int start = random.Next(source.Length);
            int length = random.Next(1, Math.Min(12, source.Length - start) + 1);
            string broken = source.Remove(start, length);

            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compile(broken), checkOutput: false);
            try
            {
                run.AssertGeneratorDidNotThrow();
            }
            catch (InvalidOperationException e)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: {e.Message}\n--- source ---\n{broken}");
            }
        }
    }

    private static void Check(int seed, string source, bool condition, string problem)
    {
        if (!condition)
        {
            throw new Xunit.Sdk.XunitException($"seed {seed}: {problem}\n--- source ---\n{source}");
        }
    }
}
