using System.Collections.Generic;
using System.Linq;
using PleGen.Generator.Spec;

namespace PleGen.Generator.Emit;

/// <summary>What each flavor's forward pass walks, in one place so both flavors route alike: a level's expert groups and gates, and what a gate mixes.</summary>
internal static class Routing
{
    /// <summary>The level's non-empty expert groups: each task's (in task order), then the shared one.</summary>
    public static IEnumerable<ExpertGroupSpec> Groups(LevelSpec level)
        => level.TaskExperts.Concat(new[] { level.Shared }).Where(g => g.Count > 0);

    /// <summary>The level's gates: each task's, then the shared gate if the level has one.</summary>
    public static IEnumerable<GateSpec> Gates(LevelSpec level)
        => level.SharedGate is null ? level.TaskGates : level.TaskGates.Concat(new[] { level.SharedGate });

    /// <summary>The groups a gate mixes, in the spec's order: a task's own experts then the shared ones; for the shared gate, every group.</summary>
    public static IEnumerable<ExpertGroupSpec> MixedGroups(LevelSpec level, GateSpec gate)
    {
        var groups = gate.OwnerTaskIndex >= 0
            ? new[] { level.TaskExperts[gate.OwnerTaskIndex], level.Shared }
            : level.TaskExperts.Concat(new[] { level.Shared }).ToArray();
        return groups.Where(g => g.Count > 0);
    }
}
