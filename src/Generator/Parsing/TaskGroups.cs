using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PleGen.Generator.Parsing;

/// <summary>
/// Task groups: classes that carry [Task] and feature attributes for several models. PleGen generates a group's Dataset,
/// Batch and Labels on the group itself, once, so every model over it takes the same data types.
/// </summary>
internal static class TaskGroups
{
    /// <summary>The attribute that makes a class a task group (when it has no architecture attribute).</summary>
    public const string TaskAttributeName = "PleGen.TaskAttribute";

    /// <summary>The data types' names: a group compiled elsewhere has them when PleGen ran there.</summary>
    private static readonly string[] DataTypeNames = { "Batch", "Labels", "Dataset" };

    /// <summary>
    /// The tasks and features of a class that is a task group PleGen can generate into (a partial class, in partial
    /// containing types, not generic, not file-local, without an architecture attribute); else null.
    /// </summary>
    public static ModelDeclaration? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.GetAttributes().Any(a => Architectures.KindOf(a) is not null) || WhyNoDataTypes(type, cancellationToken) is not null)
        {
            return null;
        }

        TypeIdentity identity = Identity(type, cancellationToken);
        var declaration = new ModelDeclaration
        {
            ClassName = type.Name,
            Namespace = identity.Namespace,
            Keyword = identity.Keyword,
            ShadowedNames = AliasNames.ShadowedIn(type),
        };
        declaration.ContainingTypes.AddRange(identity.ContainingTypes.Select(c => new ContainingType(c.Keyword, c.Name)));

        // Diagnostics about the group's attributes are the models' to report (with the models' rules); the group's own
        // code is generated only when they are valid.
        ModelParser.ReadMembers(type.GetAttributes(), declaration, new List<DiagnosticInfo>(), includeExperts: false, cancellationToken);
        return declaration;
    }

    /// <summary>Why PleGen cannot generate (or, compiled elsewhere, did not generate) the group's data types, with the fix; null when it can.</summary>
    public static (string Reason, string Fix)? WhyNoDataTypes(INamedTypeSymbol group, CancellationToken cancellationToken)
    {
        if (group.DeclaringSyntaxReferences.IsEmpty)
        {
            // A categorical feature of the one-argument form takes its cardinality from the data: models need the group's FeatureCardinalities.
            bool sizedByData = group.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "PleGen.CategoricalFeatureAttribute" && a.ConstructorArguments.Length == 1);
            return DataTypeNames.Concat(sizedByData ? new[] { "FeatureCardinalities" } : Array.Empty<string>()).All(name => !group.GetTypeMembers(name).IsEmpty)
                ? null
                : ($"comes from the compiled assembly '{group.ContainingAssembly?.Name}', which has no generated Dataset, Batch and Labels{(sizedByData ? " (and FeatureCardinalities, for its features without a declared cardinality)" : "")} for it",
                    "declare it partial in a project that references PleGen, so they are generated there, or declare the model's tasks and features on the model itself");
        }

        if (group.IsFileLocal)
        {
            return ("is file-local", "remove the 'file' modifier");
        }

        for (INamedTypeSymbol? current = group; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return (SymbolEqualityComparer.Default.Equals(current, group) ? "is generic" : $"is nested in the generic type '{current.Name}'", "declare the tasks and features on a non-generic class");
            }

            bool partial = current.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!partial)
            {
                return SymbolEqualityComparer.Default.Equals(current, group)
                    ? ("is not declared partial", $"add 'partial' to its declaration (e.g. 'public partial class {group.Name}')")
                    : ($"is nested in '{current.Name}', which is not declared partial", $"add 'partial' to '{current.Name}'");
            }
        }

        return null;
    }

    /// <summary>Where the group is declared, as generated code names it.</summary>
    public static TypeIdentity Identity(INamedTypeSymbol group, CancellationToken cancellationToken)
    {
        var containing = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? outer = group.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, new ContainingTypeSpec(Keyword(outer, cancellationToken), outer.Name));
        }

        return new TypeIdentity(
            group.ContainingNamespace is { IsGlobalNamespace: false } ns ? ModelParser.DeclaredName(ns) : null,
            containing.ToEquatableArray(),
            group.Name,
            Keyword(group, cancellationToken));
    }

    private static string Keyword(INamedTypeSymbol type, CancellationToken cancellationToken)
        => type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax
            ? ModelParser.TypeKeyword(syntax)
            : type.IsRecord ? "record" : type.TypeKind == TypeKind.Struct ? "struct" : "class";
}
