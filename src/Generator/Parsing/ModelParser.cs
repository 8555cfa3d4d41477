using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PleGen.Generator.Parsing;

/// <summary>
/// Turns a class carrying an architecture attribute into a <see cref="ModelDeclaration"/>: every attribute
/// argument with its location. Problems that make a declaration unreadable are reported here; rules about
/// what the values mean are the validator's.
/// </summary>
internal static class ModelParser
{
    /// <summary>
    /// Parses the class for the architecture attribute <paramref name="matched"/>. Returns null when another
    /// architecture attribute on the same class comes first: that provider reports the conflict, so it is reported once.
    /// </summary>
    public static ModelDeclaration? Parse(
        INamedTypeSymbol type,
        SyntaxNode targetNode,
        AttributeData matched,
        ArchitectureKind kind,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        // A struct, an interface or a record struct: the attribute does not apply (AttributeTargets.Class), and the
        // compiler says so (CS0592); generating code for it would only add errors after the right one.
        if (type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        var declaration = new ModelDeclaration
        {
            ClassName = type.Name,
            Namespace = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? DeclaredName(ns) : null,
            Architecture = kind,
            ClassLocation = LocationInfo.From((targetNode as TypeDeclarationSyntax)?.Identifier.GetLocation() ?? targetNode.GetLocation()),
            Keyword = targetNode is RecordDeclarationSyntax ? "record" : "class",
            ShadowedNames = AliasNames.ShadowedIn(type),
        };

        if (!CheckSingleArchitecture(type, matched, kind, diagnostics, cancellationToken))
        {
            return null;
        }

        CheckPartialAndGeneric(type, targetNode, declaration, diagnostics);
        CheckClassShape(type, declaration, diagnostics, cancellationToken);

        string attributeName = Architectures.AttributeName(kind);
        AttributeReader model = AttributeReader.Read(matched, attributeName, diagnostics, cancellationToken);
        declaration.ModelAttributeLocation = model.AttributeLocation;
        declaration.Levels = model.Int("Levels", 0);
        declaration.Activation = model.Enum("Activation", "Activation", ActivationValue.Relu);
        declaration.Dropout = model.Double("Dropout", 0.0);
        declaration.TorchSharp = model.Bool("TorchSharp", false);
        declaration.Fusion = model.Enum("Fusion", "Fusion", FusionValue.Concat);
        declaration.SelfWeight = model.Double("SelfWeight", Defaults.SelfWeight);
        declaration.Subspaces = model.Int("Subspaces", Defaults.Subspaces);
        declaration.OrthogonalityWeight = model.Double("OrthogonalityWeight", Defaults.OrthogonalityWeight);

        Arg<ITypeSymbol?> taskGroup = model.Type("TaskGroup");
        if (taskGroup.IsSet && taskGroup.Value is not null)
        {
            if (taskGroup.Value.TypeKind == TypeKind.Error)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTaskGroup, taskGroup.Location,
                    $"'{taskGroup.Value.ToDisplayString()}' cannot be resolved"));
            }
            else if (SymbolEqualityComparer.Default.Equals(taskGroup.Value, type))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTaskGroup, taskGroup.Location,
                    $"points at the model class '{type.Name}' itself; declare tasks and features on the model directly, or move them to a class of their own"));
            }
            else
            {
                ReadMembers(taskGroup.Value.GetAttributes(), declaration, diagnostics, includeExperts: false, cancellationToken);
            }
        }

        int groupMembers = declaration.Tasks.Count + declaration.Features.Count;
        ReadMembers(type.GetAttributes(), declaration, diagnostics, includeExperts: true, cancellationToken);

        // Models over one task group share its data types, unless a model adds tasks or features of its own.
        if (taskGroup.Value is INamedTypeSymbol group && group.TypeKind != TypeKind.Error && !SymbolEqualityComparer.Default.Equals(group, type)
            && declaration.Tasks.Count + declaration.Features.Count == groupMembers)
        {
            if (TaskGroups.WhyNoDataTypes(group, cancellationToken) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TaskGroupCannotHoldDataTypes, taskGroup.Location, group.Name, problem.Reason, problem.Fix));
            }
            else
            {
                declaration.TaskGroup = TaskGroups.Identity(group, cancellationToken);
            }
        }

        return declaration;
    }

    private static bool CheckSingleArchitecture(INamedTypeSymbol type, AttributeData matched, ArchitectureKind kind, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var architectures = new List<(AttributeData Data, ArchitectureKind Kind, int Position)>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (Architectures.KindOf(attribute) is { } candidate)
            {
                architectures.Add((attribute, candidate, attribute.ApplicationSyntaxReference?.Span.Start ?? int.MaxValue));
            }
        }

        if (architectures.Count <= 1)
        {
            return true;
        }

        var ordered = architectures.OrderBy(a => a.Position).ToList();
        if (ordered[0].Kind != kind)
        {
            return false;
        }

        foreach (var extra in ordered.Skip(1))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MultipleArchitectures,
                LocationInfo.From(extra.Data.ApplicationSyntaxReference?.GetSyntax(cancellationToken)),
                type.Name,
                Architectures.AttributeName(kind),
                Architectures.AttributeName(extra.Kind)));
        }

        return false;
    }

    private static void CheckPartialAndGeneric(INamedTypeSymbol type, SyntaxNode targetNode, ModelDeclaration declaration, List<DiagnosticInfo> diagnostics)
    {
        if (targetNode is TypeDeclarationSyntax typeSyntax && !typeSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, declaration.ClassLocation, type.Name, ""));
        }

        for (SyntaxNode? parent = targetNode.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is TypeDeclarationSyntax outer)
            {
                if (!outer.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, declaration.ClassLocation, outer.Identifier.ValueText,
                        $" (it contains the model '{type.Name}')"));
                }

                declaration.ContainingTypes.Insert(0, new ContainingType(TypeKeyword(outer), outer.Identifier.ValueText));
            }
        }

        if (type.IsStatic || type.IsAbstract)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotInstantiable, declaration.ClassLocation, type.Name, type.IsStatic ? "static" : "abstract"));
        }

        // IsGenericType is also true for a type nested in a generic one; tell the two cases apart.
        if (type.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericClass, declaration.ClassLocation, type.Name, "is generic"));
        }
        else
        {
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (outer.IsGenericType)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericClass, declaration.ClassLocation, type.Name,
                        $"is nested in the generic type '{outer.ToDisplayString()}'"));
                    break;
                }
            }
        }
    }

    /// <summary>Valid C# that no generated code can extend: a file-local class, a parameter list, a member's name, a model base.</summary>
    private static void CheckClassShape(INamedTypeSymbol type, ModelDeclaration declaration, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (type.IsFileLocal)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalModel, declaration.ClassLocation, type.Name));
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters } part)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PrimaryConstructor, LocationInfo.From(parameters), type.Name, parameters.ToString()));
                break;
            }
        }

        if (Validation.Identifiers.ModelClassMembers.TryGetValue(type.Name, out string? member))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNameIsGeneratedMember, declaration.ClassLocation, type.Name, member));
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.GetAttributes().Any(a => Architectures.KindOf(a) is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivesFromModel, declaration.ClassLocation, type.Name, baseType.Name));
                break;
            }
        }
    }

    /// <summary>"Shop.event" for <c>namespace Shop.@event</c>: the declared names, without the '@' escapes.</summary>
    internal static string DeclaredName(INamespaceSymbol ns)
    {
        var parts = new List<string>();
        for (INamespaceSymbol? current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            parts.Insert(0, current.Name);
        }

        return string.Join(".", parts);
    }

    internal static string TypeKeyword(TypeDeclarationSyntax syntax) => syntax switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    internal static void ReadMembers(
        ImmutableArray<AttributeData> attributes,
        ModelDeclaration declaration,
        List<DiagnosticInfo> diagnostics,
        bool includeExperts,
        CancellationToken cancellationToken)
    {
        foreach (AttributeData attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case TaskGroups.TaskAttributeName:
                    ReadTask(AttributeReader.Read(attribute, "Task", diagnostics, cancellationToken), declaration);
                    break;
                case "PleGen.DenseFeatureAttribute":
                    ReadFeature(AttributeReader.Read(attribute, "DenseFeature", diagnostics, cancellationToken), declaration, categorical: false);
                    break;
                case "PleGen.CategoricalFeatureAttribute":
                    ReadFeature(AttributeReader.Read(attribute, "CategoricalFeature", diagnostics, cancellationToken), declaration, categorical: true);
                    break;
                case "PleGen.SharedExpertsAttribute" when includeExperts:
                    declaration.SharedExperts.Add(ReadExperts(AttributeReader.Read(attribute, "SharedExperts", diagnostics, cancellationToken), isTaskExperts: false));
                    break;
                case "PleGen.TaskExpertsAttribute" when includeExperts:
                    declaration.TaskExperts.Add(ReadExperts(AttributeReader.Read(attribute, "TaskExperts", diagnostics, cancellationToken), isTaskExperts: true));
                    break;
                case "PleGen.TaskDependencyAttribute" when includeExperts:
                    AttributeReader dependency = AttributeReader.Read(attribute, "TaskDependency", diagnostics, cancellationToken);
                    if (dependency.IsBound)
                    {
                        declaration.Dependencies.Add(new DependencyDeclaration
                        {
                            Task = dependency.String("task"),
                            DependsOn = dependency.StringArray("DependsOn"),
                            AttributeLocation = dependency.AttributeLocation,
                        });
                    }

                    break;
            }
        }
    }

    private static void ReadTask(AttributeReader reader, ModelDeclaration declaration)
    {
        if (!reader.IsBound)
        {
            return;
        }

        Arg<string?> name = reader.String("name");
        declaration.Tasks.Add(new TaskDeclaration
        {
            Name = new Arg<string>(name.Value ?? "", name.IsSet, name.Location),
            Kind = reader.Enum("kind", "TaskKind", TaskKindValue.Binary),
            Tower = reader.IntArray("Tower"),
            LossWeight = reader.Double("LossWeight", 1.0),
            LossWeightDecay = reader.Double("LossWeightDecay", 1.0),
            Masked = reader.Bool("Masked", false),
            AttributeLocation = reader.AttributeLocation,
        });
    }

    private static void ReadFeature(AttributeReader reader, ModelDeclaration declaration, bool categorical)
    {
        if (!reader.IsBound)
        {
            return;
        }

        Arg<string?> name = reader.String("name");
        var feature = new FeatureDeclaration
        {
            IsCategorical = categorical,
            Name = new Arg<string>(name.Value ?? "", name.IsSet, name.Location),
            AttributeLocation = reader.AttributeLocation,
        };
        if (categorical)
        {
            // Two forms: (name, cardinality, embeddingDim), or (name) with EmbeddingDim = n and the cardinality from the data.
            feature.Cardinality = reader.Int("cardinality", 0);
            Arg<int> positional = reader.Int("embeddingDim", 0), named = reader.Int("EmbeddingDim", 0);
            feature.EmbeddingDim = positional.IsSet ? positional : named;
            feature.RepeatedEmbeddingDim = positional.IsSet && named.IsSet ? named : null;
        }
        else
        {
            feature.Width = reader.Int("width", 1);
        }

        declaration.Features.Add(feature);
    }

    private static ExpertDeclaration ReadExperts(AttributeReader reader, bool isTaskExperts) => new()
    {
        IsTaskExperts = isTaskExperts,
        Count = reader.Int("Count", 0),
        Units = reader.IntArray("Units"),
        Level = reader.Int("Level", -1),
        Task = isTaskExperts ? reader.String("Task") : Arg<string?>.Unset(null, reader.AttributeLocation),
        AttributeLocation = reader.AttributeLocation,
    };
}
