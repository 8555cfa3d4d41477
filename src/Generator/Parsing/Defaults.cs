namespace PleGen.Generator.Parsing;

/// <summary>Every default of the DSL, in one place: what a declaration gets for an argument it leaves out.</summary>
internal static class Defaults
{
    /// <summary>Hidden units of a task's tower when [Task] has no Tower.</summary>
    public static readonly int[] TowerUnits = { 32 };

    /// <summary>Units of experts (and of a bottom network) when no [SharedExperts] / [TaskExperts] gives Units.</summary>
    public static readonly int[] ExpertUnits = { 64 };

    /// <summary>Shared experts per level when no [SharedExperts] gives Count (a bottom architecture has exactly one).</summary>
    public const int SharedExpertCount = 1;

    /// <summary>Extraction levels when the model attribute has no Levels: 2 for the multi-level architectures, else 1.</summary>
    public static int Levels(ArchitectureKind kind) => Architectures.IsMultiLevel(kind) ? 2 : 1;

    /// <summary>Task-specific experts per task and level when no [TaskExperts] gives Count: 1 where the architecture has them.</summary>
    public static int TaskExpertCount(ArchitectureKind kind) => Architectures.HasTaskExperts(kind) ? 1 : 0;

    /// <summary>Cross-stitch's initial alpha_kk and sluice's initial weight of a subspace on itself: Misra et al.'s 0.9.</summary>
    public const double SelfWeight = 0.9;

    /// <summary>Sluice's subspaces per layer: two, as Ruder et al. use.</summary>
    public const int Subspaces = 2;

    /// <summary>Sluice's orthogonality weight: off, so the joint loss is the tasks' alone unless the penalty is asked for.</summary>
    public const double OrthogonalityWeight = 0;
}
