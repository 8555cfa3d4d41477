using System.Collections.Immutable;
using PleGen.Generator.Emit;
using PleGen.Generator.Parsing;
using PleGen.Generator.Validation;

namespace PleGen.Generator;

/// <summary>
/// The PleGen source generator. One pipeline per architecture attribute: parse, validate and plan each attributed
/// class into a value-equal <see cref="ParseResult"/> (plan or null, plus diagnostics); report the diagnostics; render
/// code from the plan alone, so edits that leave the plan unchanged re-run nothing downstream. One more pipeline gives
/// each task group (a partial class with [Task] attributes and no architecture) its data types.
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

            IncrementalValuesProvider<ModelPlan> plans = results
                .Select(static (r, _) => r.Plan)
                .Where(static p => p is not null)
                .Select(static (p, _) => p!)
                .WithTrackingName(TrackingNames.ModelPlan);

            context.RegisterSourceOutput(plans, static (spc, plan) =>
                InternalErrors.AddSource(spc, HintNames.Model(plan.Model), plan.Model.Name, () => ManagedModelEmitter.Emit(plan)));

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

            IncrementalValuesProvider<ModelPlan> torchSharpPlans = plans
                .Combine(torchSharpReferenced)
                .Where(static pair => pair.Right && pair.Left.TorchSharp != TorchSharpOption.Never)
                .Select(static (pair, _) => pair.Left)
                .WithTrackingName(TrackingNames.TorchSharpPlan);

            context.RegisterSourceOutput(torchSharpPlans, static (spc, plan) =>
                InternalErrors.AddSource(spc, HintNames.TorchSharp(plan.Model), plan.Model.Name, () => TorchSharpModelEmitter.Emit(plan)));

            IncrementalValueProvider<bool> hasTorchSharpModel = torchSharpPlans.Collect().Select(static (plans, _) => !plans.IsEmpty);
            anyTorchSharpModel = anyTorchSharpModel is null
                ? hasTorchSharpModel
                : anyTorchSharpModel.Value.Combine(hasTorchSharpModel).Select(static (pair, _) => pair.Left || pair.Right);
        }

        IncrementalValuesProvider<DataTypesPlan> taskGroups = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TaskGroups.TaskAttributeName,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (ctx, ct) => ctx.TargetSymbol is INamedTypeSymbol type && TaskGroups.Parse(type, ct) is { } group ? ModelValidator.ValidateTaskGroup(group) : null)
            .Where(static g => g is not null)
            .Select(static (g, _) => g!)
            .WithTrackingName(TrackingNames.TaskGroup);

        context.RegisterSourceOutput(taskGroups, static (spc, group) =>
            InternalErrors.AddSource(spc, HintNames.DataTypes(group.Owner), group.Owner.Name, () => DatasetEmitter.EmitFile(group)));

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

        try
        {
            return ParseModel(context, type, kind, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LocationInfo? at = LocationInfo.From((context.TargetNode as Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)?.Identifier.GetLocation());
            return new ParseResult(null, new[] { InternalErrors.From(type.Name, e, at) }.ToEquatableArray());
        }
    }

    private static ParseResult? ParseModel(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, ArchitectureKind kind, CancellationToken cancellationToken)
    {

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
        ModelPlan? plan = ModelValidator.Validate(declaration, diagnostics);
        return new ParseResult(parseErrors == 0 ? plan : null, diagnostics.ToEquatableArray(), torchSharp);
    }
}
