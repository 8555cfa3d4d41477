using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace PleGen.Generator.Validation;

/// <summary>How declared names become C# identifiers, and which identifiers generated code already uses.</summary>
internal static class Identifiers
{
    /// <summary>
    /// Identifiers that generated code already uses where task and feature members live: the generated nested
    /// types (a member cannot share its enclosing type's name), their fixed members, and the members every object
    /// has. Kept in one place; documented in docs/dsl.md.
    /// </summary>
    public static readonly IReadOnlyCollection<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "Architecture", "Batch", "BatchSize", "Dataset", "Equals", "Finalize", "GetHashCode", "GetType", "Labels",
        "Losses", "MemberwiseClone", "Output", "ToString", "Total",
    };

    /// <summary>"never_married" -> "NeverMarried"; "ctr2" -> "Ctr2"; letters outside ASCII are kept.</summary>
    public static string ToPascalCase(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (c == '_')
            {
                upperNext = true;
                continue;
            }

            sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return sb.ToString();
    }

    /// <summary>Why <paramref name="name"/> cannot become an identifier, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        char first = name[0];
        if (!(first == '_' || char.IsLetter(first)))
        {
            return $"it starts with '{first}'";
        }

        foreach (char c in name)
        {
            if (!(c == '_' || char.IsLetterOrDigit(c)))
            {
                return $"it contains '{c}'";
            }
        }

        string identifier = ToPascalCase(name);
        if (identifier.Length == 0)
        {
            return "it has no letters or digits";
        }

        if (!SyntaxFacts.IsValidIdentifier(identifier))
        {
            return $"'{identifier}' is not a valid C# identifier";
        }

        if (SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None)
        {
            return $"'{identifier}' is a C# keyword";
        }

        return null;
    }
}
