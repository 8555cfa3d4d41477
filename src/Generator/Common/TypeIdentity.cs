namespace PleGen.Generator.Common;

/// <summary>A type PleGen generates members into: where it is declared and how code names it.</summary>
/// <remarks>
/// <paramref name="ShadowedNames"/>: the names of generated files' type aliases (<see cref="AliasNames"/>) that a type
/// visible from this type's scope already has; generated code names those types in full instead.
/// </remarks>
internal sealed record TypeIdentity(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Name,
    string Keyword,
    EquatableArray<string> ShadowedNames = default)
{
    /// <summary>The class name as written in code (a keyword escaped: "@class").</summary>
    public string Identifier => CSharpIdentifier.Escape(Name);

    /// <summary>The namespace as written in code (keywords escaped: "Shop.@event"), or null for the global namespace.</summary>
    public string? NamespaceIdentifier => Namespace is null ? null : CSharpIdentifier.EscapeDotted(Namespace);

    /// <summary>Namespace-qualified declared name (no '@' escapes), for messages and hint names.</summary>
    public string FullName
    {
        get
        {
            string name = Name;
            for (int i = ContainingTypes.Count - 1; i >= 0; i--)
            {
                name = ContainingTypes[i].Name + "." + name;
            }

            return Namespace is null ? name : Namespace + "." + name;
        }
    }

    /// <summary>How generated code anywhere names this type: "global::Shop.Outer.@class".</summary>
    public string Reference
    {
        get
        {
            string name = Identifier;
            for (int i = ContainingTypes.Count - 1; i >= 0; i--)
            {
                name = CSharpIdentifier.Escape(ContainingTypes[i].Name) + "." + name;
            }

            return "global::" + (NamespaceIdentifier is null ? name : NamespaceIdentifier + "." + name);
        }
    }
}

/// <summary>A type that contains a generated-into type (emitted as a partial wrapper).</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
