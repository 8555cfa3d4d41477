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

        // FeatureCardinalities, generated beside the data types when a feature takes its cardinality from the data.
        "FeatureCardinalities", "FromVocabularies",

        // The TorchSharp flavor's nested class and the fixed members of its Batch, Labels and Output.
        "TorchSharpModel", "FromArrays", "ToDevice", "MoveToOuterDisposeScope",
    };

    /// <summary>
    /// The Losses member of a sluice model's orthogonality penalty (when its weight is above 0): a task of this
    /// identifier would collide with it (PLE0008).
    /// </summary>
    public const string OrthogonalityLoss = "Orthogonality";

    /// <summary>
    /// The members PleGen generates directly inside a model class, with what each is (the class cannot share a member's
    /// name: CS0542). Per-task loss-weight methods ({Task}LossWeight) are checked with the tasks.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ModelClassMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Architecture"] = "the nested class of compile-time facts",
        ["Batch"] = "the nested input type",
        ["Labels"] = "the nested label type",
        ["Output"] = "the nested output type",
        ["Losses"] = "the nested loss type",
        ["Dataset"] = "the nested data-set type",
        ["TorchSharpModel"] = "the nested TorchSharp flavor",
        ["FeatureCardinalities"] = "the nested type of data-sized cardinalities",
        ["Cardinalities"] = "the cardinalities property",
        ["FromCheckpoint"] = "the factory that builds a model from a checkpoint",
        ["Parameters"] = "the parameter list",
        ["Training"] = "the training-mode property",
        ["GateStatistics"] = "the gate-statistics property",
        ["Forward"] = "the forward method",
        ["ExportOnnx"] = "the ONNX export method",
        ["Loss"] = "the loss method",
        ["OrthogonalityWeight"] = "the orthogonality weight (sluice)",
        ["Save"] = "the checkpoint method",
        ["Load"] = "the checkpoint method",
        ["TaskInfoList"] = "the task list",
        ["LabelsOf"] = "the label accessor",
        ["MaskOf"] = "the mask accessor",
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

        if (!(name[0] == '_' || char.IsLetter(name[0])))
        {
            return "it starts with " + DescribeCharacter(name, 0);
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (!(name[i] == '_' || char.IsLetterOrDigit(name[i])))
            {
                return "it contains " + DescribeCharacter(name, i);
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

    /// <summary>
    /// Members generated from a task's identifier besides the identifier itself, with what they are. Another
    /// task's identifier must not equal one of them (PLE0008): a masked task "x" owns <c>Labels.XMask</c>, so a
    /// task "x_mask" cannot have it.
    /// </summary>
    public static IEnumerable<(string Identifier, string What)> DerivedTaskMembers(string identifier, bool masked, bool binary)
    {
        if (masked)
        {
            yield return (identifier + "Mask", "the sample-space mask (Labels." + identifier + "Mask)");
        }

        if (binary)
        {
            yield return (identifier + "Probability", "the probability (Output." + identifier + "Probability)");
        }
    }

    /// <summary>
    /// A character as a message shows it: quoted, and with its code point when it would not print
    /// (controls, spaces, formats) or is half of a pair outside the Basic Multilingual Plane, which C# identifiers cannot hold.
    /// </summary>
    private static string DescribeCharacter(string name, int index)
    {
        char c = name[index];
        if (char.IsHighSurrogate(c) && index + 1 < name.Length && char.IsLowSurrogate(name[index + 1]))
        {
            int scalar = char.ConvertToUtf32(c, name[index + 1]);
            return $"'{name.Substring(index, 2)}' (U+{scalar:X4}, outside the Basic Multilingual Plane, which C# identifiers cannot hold)";
        }

        string codePoint = $"U+{(int)c:X4}";
        return char.IsWhiteSpace(c) ? $"whitespace ({codePoint})"
            : char.IsControl(c) ? $"a control character ({codePoint})"
            : char.IsSurrogate(c) ? $"an unpaired surrogate ({codePoint})"
            : char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? $"an invisible format character ({codePoint})"
            : $"'{c}'";
    }
}
