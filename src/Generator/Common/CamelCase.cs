using Microsoft.CodeAnalysis.CSharp;

namespace PleGen.Generator.Common;

/// <summary>Parameter and local names derived from generated PascalCase identifiers.</summary>
internal static class CamelCase
{
    /// <summary>
    /// "NeverMarried" -> "neverMarried" for parameters and locals; a C# keyword gets an @ prefix, and a name whose
    /// script has no letter case ("宽度") gets a _ prefix so it still differs from the member it initializes.
    /// </summary>
    public static string From(string identifier)
    {
        string camel = char.ToLowerInvariant(identifier[0]) + identifier.Substring(1);
        if (camel == identifier)
        {
            return "_" + identifier;
        }

        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    /// <summary>A private field: "_" and the camel name, without the @ a keyword needs as a parameter ("Int" -> "_int").</summary>
    public static string Field(string identifier) => "_" + From(identifier).TrimStart('@');

    /// <summary>A parameter's name in a <c>&lt;param name="..."&gt;</c> doc tag, which takes it without the @ ("@int" -> "int").</summary>
    public static string DocName(string parameter) => parameter.TrimStart('@');
}
