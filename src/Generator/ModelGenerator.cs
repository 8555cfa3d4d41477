using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using PleGen.Generator.Common;
using PleGen.Generator.Diagnostics;
using PleGen.Generator.Emit;
using PleGen.Generator.Parsing;
using PleGen.Generator.Spec;
using PleGen.Generator.Validation;

namespace PleGen.Generator;

/// <summary>
/// The PleGen source generator. One pipeline per architecture attribute: parse and validate each attributed
/// class into a value-equal <see cref="ParseResult"/> (spec or null, plus diagnostics); report the diagnostics;
/// emit code from the spec alone, so edits that leave the spec unchanged re-run nothing downstream.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (var (kind, metadataName) in Architectures.Attributes)
        {
            IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    metadataName,
                    predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                    transform: (ctx, ct) => Parse(ctx, kind, ct))
                .Where(static r => r is not null)
                .Select(static (r, _) => r!)
                .WithTrackingName(TrackingNames.ParseModel);

            context.RegisterSourceOutput(results.SelectMany(static (r, _) => r.Diagnostics), static (spc, diagnostic) =>
                spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

            IncrementalValuesProvider<ModelSpec> specs = results
                .Select(static (r, _) => r.Spec)
                .Where(static s => s is not null)
                .Select(static (s, _) => s!)
                .WithTrackingName(TrackingNames.ModelSpec);

            context.RegisterSourceOutput(specs, static (spc, spec) =>
                spc.AddSource(ModelEmitter.HintName(spec), ModelEmitter.Emit(spec)));
        }
    }

    private static ParseResult? Parse(GeneratorAttributeSyntaxContext context, ArchitectureKind kind, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.IsDefaultOrEmpty)
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        ModelDeclaration? declaration = ModelParser.Parse(type, context.TargetNode, context.Attributes[0], kind, diagnostics, cancellationToken);
        if (declaration is null)
        {
            return diagnostics.Count == 0 ? null : new ParseResult(null, diagnostics.ToEquatableArray());
        }

        // The rules run even after parse errors, so one build shows every problem; only a clean parse yields a spec.
        int parseErrors = diagnostics.Count;
        ModelSpec? spec = ModelValidator.Validate(declaration, diagnostics);
        return new ParseResult(parseErrors == 0 ? spec : null, diagnostics.ToEquatableArray());
    }
}
