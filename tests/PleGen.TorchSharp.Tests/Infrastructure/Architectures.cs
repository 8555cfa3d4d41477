using System;
using System.Collections.Generic;
using System.Linq;
using PleGen.TorchSharp.Tests.Generated;
using Xunit;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>The models of Generated/Architectures.cs that have both flavors, one per architecture.</summary>
internal static class Architectures
{
    /// <summary>PLE, CGC, MMoE, multi-level MMoE, shared-bottom, single-task and the other baselines of the PLE paper, by class name.</summary>
    public static TheoryData<string> All => new() { nameof(FeedPle), nameof(FeedCgc), nameof(FeedMmoe), nameof(FeedMultiLevelMmoe), nameof(FeedSharedBottom), nameof(FeedSingleTask), nameof(FeedOmoe), nameof(FeedCustomizedSharing), nameof(FeedAsymmetricSharing), nameof(FeedCrossStitch), nameof(FeedSluice) };

    /// <summary>The ones with gates (the others, shared-bottom and single-task, have no gate statistics in either flavor).</summary>
    public static TheoryData<string> Gated => new() { nameof(FeedPle), nameof(FeedCgc), nameof(FeedMmoe), nameof(FeedMultiLevelMmoe), nameof(FeedOmoe) };

    /// <summary>The generated (managed) model class of <paramref name="architecture"/>.</summary>
    public static Type ManagedType(string architecture) =>
        typeof(FeedPle).Assembly.GetType(typeof(FeedPle).Namespace + "." + architecture)
        ?? throw new ArgumentException($"No model class '{architecture}' in Generated/Architectures.cs.", nameof(architecture));

    /// <summary>The gates of <paramref name="architecture"/> in forward order, from its generated Architecture.Modules.</summary>
    public static IReadOnlyList<ArchitectureModule> Gates(string architecture)
    {
        var modules = (IReadOnlyList<ArchitectureModule>)ManagedType(architecture).GetNestedType("Architecture")!.GetProperty("Modules")!.GetValue(null)!;
        return modules.Where(m => m.Kind == ModuleKind.Gate).ToArray();
    }

    /// <summary>The weight of the orthogonality penalty in the joint loss (sluice), or 0 for an architecture without one.</summary>
    public static double OrthogonalityWeight(string architecture) =>
        ManagedType(architecture).GetField("OrthogonalityWeight")?.GetValue(null) is double weight ? weight : 0;

    /// <summary>Its nested TorchSharp flavor.</summary>
    public static Type TorchSharpType(string architecture) =>
        ManagedType(architecture).GetNestedType("TorchSharpModel")
        ?? throw new ArgumentException($"'{architecture}' has no TorchSharp flavor.", nameof(architecture));
}
