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
    CustomizedSharing,
    AsymmetricSharing,
    CrossStitch,
    Sluice,
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
        (ArchitectureKind.CustomizedSharing, "PleGen.CustomizedSharingModelAttribute"),
        (ArchitectureKind.AsymmetricSharing, "PleGen.AsymmetricSharingModelAttribute"),
        (ArchitectureKind.CrossStitch, "PleGen.CrossStitchModelAttribute"),
        (ArchitectureKind.Sluice, "PleGen.SluiceModelAttribute"),
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

    /// <summary>The name users and reports see: "PLE", "CGC", "MMoE", "ML-MMoE", "SharedBottom", "SingleTask", "OMoE", "CustomizedSharing", "AsymmetricSharing", "CrossStitch", "Sluice".</summary>
    public static string DisplayName(ArchitectureKind kind) => kind switch
    {
        ArchitectureKind.Ple => "PLE",
        ArchitectureKind.Cgc => "CGC",
        ArchitectureKind.Mmoe => "MMoE",
        ArchitectureKind.MultiLevelMmoe => "ML-MMoE",
        ArchitectureKind.SharedBottom => "SharedBottom",
        ArchitectureKind.Omoe => "OMoE",
        ArchitectureKind.CustomizedSharing => "CustomizedSharing",
        ArchitectureKind.AsymmetricSharing => "AsymmetricSharing",
        ArchitectureKind.CrossStitch => "CrossStitch",
        ArchitectureKind.Sluice => "Sluice",
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
        ArchitectureKind.CustomizedSharing => "CustomizedSharingModel",
        ArchitectureKind.AsymmetricSharing => "AsymmetricSharingModel",
        ArchitectureKind.CrossStitch => "CrossStitchModel",
        ArchitectureKind.Sluice => "SluiceModel",
        _ => "SingleTaskModel",
    };

    public static bool IsMultiLevel(ArchitectureKind kind) => kind is ArchitectureKind.Ple or ArchitectureKind.MultiLevelMmoe;

    public static bool HasGates(ArchitectureKind kind) => kind is ArchitectureKind.Ple or ArchitectureKind.Cgc or ArchitectureKind.Mmoe or ArchitectureKind.MultiLevelMmoe or ArchitectureKind.Omoe;

    /// <summary>Whether [TaskExperts] declares something: task experts (PLE, CGC) or each task's bottom network (customized and asymmetric sharing).</summary>
    public static bool HasTaskExperts(ArchitectureKind kind) => kind is ArchitectureKind.Ple or ArchitectureKind.Cgc || HasTaskBottoms(kind);

    /// <summary>Whether every task has a bottom network of its own over the shared input (one task expert each), fused into its tower's input.</summary>
    public static bool HasTaskBottoms(ArchitectureKind kind) => kind is ArchitectureKind.CustomizedSharing or ArchitectureKind.AsymmetricSharing;

    /// <summary>Whether there is one shared bottom network (one shared expert): shared-bottom and customized sharing.</summary>
    public static bool HasSharedBottom(ArchitectureKind kind) => kind is ArchitectureKind.SharedBottom or ArchitectureKind.CustomizedSharing;

    /// <summary>Whether one gate over the shared experts feeds every tower (OMoE) rather than a gate per task.</summary>
    public static bool HasOneGate(ArchitectureKind kind) => kind == ArchitectureKind.Omoe;

    /// <summary>Whether every task has a column of layers of its own, mixed across the columns after every layer (cross-stitch, sluice).</summary>
    public static bool HasColumns(ArchitectureKind kind) => kind is ArchitectureKind.CrossStitch or ArchitectureKind.Sluice;

    public static bool IsMultiTask(ArchitectureKind kind) => kind != ArchitectureKind.SingleTask;
}
