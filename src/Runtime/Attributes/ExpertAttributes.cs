using System;

namespace PleGen;

/// <summary>
/// Shared experts: how many each extraction level has and their MLP's hidden units. Without <see cref="Level"/>
/// it applies to every level; with it, it overrides one level (0-based). Unset properties fall back to the
/// less specific declaration, then to the defaults (1 expert of <c>[64]</c> units).
/// For shared-bottom and single-task models the single shared expert is the bottom network.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SharedExpertsAttribute : Attribute
{
    /// <summary>Number of shared experts per level.</summary>
    public int Count { get; set; }

    /// <summary>Hidden units of each expert's MLP, e.g. <c>[256, 128]</c>; the last entry is the expert's output width.</summary>
    public int[]? Units { get; set; }

    /// <summary>The level (0-based) this declaration overrides; -1 (default) for every level.</summary>
    public int Level { get; set; } = -1;
}

/// <summary>
/// Task-specific experts: how many each task owns per level and their MLP's hidden units. Narrow it with
/// <see cref="Task"/> and/or <see cref="Level"/>; the most specific declaration wins (task and level, then task,
/// then level, then the general one). Default: 1 expert per task for PLE and CGC, none for other architectures;
/// units fall back to the shared experts' units.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TaskExpertsAttribute : Attribute
{
    /// <summary>Number of experts the task owns per level.</summary>
    public int Count { get; set; }

    /// <summary>Hidden units of each expert's MLP; the last entry is the expert's output width.</summary>
    public int[]? Units { get; set; }

    /// <summary>The task (by declared name) this declaration applies to; null (default) for every task.</summary>
    public string? Task { get; set; }

    /// <summary>The level (0-based) this declaration applies to; -1 (default) for every level.</summary>
    public int Level { get; set; } = -1;
}
