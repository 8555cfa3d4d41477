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
        // A bool, not the compilation: edits that leave TorchSharp referenced (or not) leave everything below cached.
        IncrementalValueProvider<bool> torchSharpReferenced = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(TorchSharpModelEmitter.TorchMetadataName) is not null)
            .WithTrackingName(TrackingNames.TorchSharpReference);

        // Whether any model gets a TorchSharp flavor: then the code they share is emitted once.
        IncrementalValueProvider<bool>? anyTorchSharpModel = null;

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
                spc.AddSource(HintNames.Model(spec), ModelEmitter.Emit(spec)));

            // TorchSharp = true in a project without TorchSharp: an error instead of code that cannot compile.
            context.RegisterSourceOutput(
                results.Select(static (r, _) => r.TorchSharpRequired).Where(static r => r is not null).Combine(torchSharpReferenced),
                static (spc, pair) =>
                {
                    if (!pair.Right)
                    {
                        spc.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.TorchSharpNotReferenced, pair.Left!.Location, pair.Left.ModelName).ToDiagnostic());
                    }
                });

            IncrementalValuesProvider<ModelSpec> torchSharpSpecs = specs
                .Combine(torchSharpReferenced)
                .Where(static pair => pair.Right && pair.Left.TorchSharp != TorchSharpOption.Never)
                .Select(static (pair, _) => pair.Left)
                .WithTrackingName(TrackingNames.TorchSharpSpec);

            context.RegisterSourceOutput(torchSharpSpecs, static (spc, spec) =>
                spc.AddSource(HintNames.TorchSharp(spec), TorchSharpModelEmitter.Emit(spec)));

            IncrementalValueProvider<bool> hasTorchSharpModel = torchSharpSpecs.Collect().Select(static (specs, _) => !specs.IsEmpty);
            anyTorchSharpModel = anyTorchSharpModel is null
                ? hasTorchSharpModel
                : anyTorchSharpModel.Value.Combine(hasTorchSharpModel).Select(static (pair, _) => pair.Left || pair.Right);
        }

        context.RegisterSourceOutput(anyTorchSharpModel!.Value, static (spc, any) =>
        {
            if (any)
            {
                spc.AddSource(TorchSharpSupportEmitter.HintName, TorchSharpSupportEmitter.Source);
            }
        });
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

        TorchSharpRequest? torchSharp = declaration.TorchSharp is { IsSet: true, Value: true } requested
            ? new TorchSharpRequest(declaration.ClassName, requested.Location)
            : null;

        // The rules run even after parse errors, so one build shows every problem; only a clean parse yields a spec.
        int parseErrors = diagnostics.Count;
        ModelSpec? spec = ModelValidator.Validate(declaration, diagnostics);
        return new ParseResult(parseErrors == 0 ? spec : null, diagnostics.ToEquatableArray(), torchSharp);
    }
}
