
namespace PleGen.Generator.Parsing;

/// <summary>The architectures PleGen generates, one per model attribute.</summary>
internal enum ArchitectureKind
{
    Ple,
    Cgc,
    Mmoe,
    MultiLevelMmoe,
    SharedBottom,
    SingleTask,
    Omoe,
}

/// <summary>Attribute names and display names of each architecture.</summary>
internal static class Architectures
{
    public static readonly (ArchitectureKind Kind, string MetadataName)[] Attributes =
    {
        (ArchitectureKind.Ple, "PleGen.PleModelAttribute"),
        (ArchitectureKind.Cgc, "PleGen.CgcModelAttribute"),
        (ArchitectureKind.Mmoe, "PleGen.MmoeModelAttribute"),
        (ArchitectureKind.MultiLevelMmoe, "PleGen.MultiLevelMmoeModelAttribute"),
        (ArchitectureKind.SharedBottom, "PleGen.SharedBottomModelAttribute"),
        (ArchitectureKind.SingleTask, "PleGen.SingleTaskModelAttribute"),
        (ArchitectureKind.Omoe, "PleGen.OmoeModelAttribute"),
    };

    /// <summary>The architecture an attribute declares, or null when it is not an architecture attribute.</summary>
    public static ArchitectureKind? KindOf(AttributeData attribute)
    {
        string? name = attribute.AttributeClass?.ToDisplayString();
        foreach (var (kind, metadataName) in Attributes)
        {
            if (name == metadataName)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The name users and reports see: "PLE", "CGC", "MMoE", "ML-MMoE", "SharedBottom", "SingleTask", "OMoE".</summary>
    public static string DisplayName(ArchitectureKind kind) => kind switch
    {
        ArchitectureKind.Ple => "PLE",
        ArchitectureKind.Cgc => "CGC",
        ArchitectureKind.Mmoe => "MMoE",
        ArchitectureKind.MultiLevelMmoe => "ML-MMoE",
        ArchitectureKind.SharedBottom => "SharedBottom",
        ArchitectureKind.Omoe => "OMoE",
        _ => "SingleTask",
    };

    /// <summary>The attribute's short name as written in source, e.g. "PleModel".</summary>
    public static string AttributeName(ArchitectureKind kind) => kind switch
    {
        ArchitectureKind.Ple => "PleModel",
        ArchitectureKind.Cgc => "CgcModel",
        ArchitectureKind.Mmoe => "MmoeModel",
        ArchitectureKind.MultiLevelMmoe => "MultiLevelMmoeModel",
        ArchitectureKind.SharedBottom => "SharedBottomModel",
        ArchitectureKind.Omoe => "OmoeModel",
        _ => "SingleTaskModel",
    };

    public static bool IsMultiLevel(ArchitectureKind kind) => kind is ArchitectureKind.Ple or ArchitectureKind.MultiLevelMmoe;

    public static bool HasGates(ArchitectureKind kind) => kind is ArchitectureKind.Ple or ArchitectureKind.Cgc or ArchitectureKind.Mmoe or ArchitectureKind.MultiLevelMmoe or ArchitectureKind.Omoe;

    public static bool HasTaskExperts(ArchitectureKind kind) => kind is ArchitectureKind.Ple or ArchitectureKind.Cgc;

    /// <summary>Whether one gate over the shared experts feeds every tower (OMoE) rather than a gate per task.</summary>
    public static bool HasOneGate(ArchitectureKind kind) => kind == ArchitectureKind.Omoe;

    public static bool IsMultiTask(ArchitectureKind kind) => kind != ArchitectureKind.SingleTask;
}
