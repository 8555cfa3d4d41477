using Microsoft.CodeAnalysis.CSharp;

namespace PleGen.Generator.Common;

/// <summary>
/// Names as declared (a class <c>@class</c> is named "class", a namespace <c>Shop.@event</c> is "Shop.event") and how
/// they are written back into C#: a reserved keyword gets its '@' again. The spec keeps the declared names, for
/// messages, strings and hint names; emitters write code names through these.
/// </summary>
internal static class CSharpIdentifier
{
    /// <summary>"class" -> "@class"; "Ctr" -> "Ctr" (contextual keywords such as "record" need no escape as type names here).</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A dotted name (a namespace) with each segment escaped.</summary>
    public static string EscapeDotted(string dotted) => string.Join(".", dotted.Split('.').Select(Escape));
}
