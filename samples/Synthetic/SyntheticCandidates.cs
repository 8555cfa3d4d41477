using System.Collections.Generic;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.SyntheticSample;

/// <summary>The five models of the comparison, under the names the reports use; all train on <see cref="SyntheticTasks.Dataset"/>.</summary>
public static class SyntheticCandidates
{
    /// <summary>The single-task baseline's name.</summary>
    public const string SingleTask = "SingleTask";

    /// <summary>SingleTask, SharedBottom, MMoE, CGC and PLE; MMoE, CGC and PLE record their gates.</summary>
    public static IReadOnlyList<ModelFlavors<SyntheticTasks.Dataset>> All { get; } =
    [
        ModelFlavors<SyntheticTasks.Dataset>.Of(SingleTask, seed => new SyntheticSingleTask(seed), torchSharp: TorchSharpFlavor.Of(seed => SyntheticSingleTask.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))) with { StopsPerTask = true },
        ModelFlavors<SyntheticTasks.Dataset>.Of("SharedBottom", seed => new SyntheticSharedBottom(seed), torchSharp: TorchSharpFlavor.Of(seed => SyntheticSharedBottom.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))),
        ModelFlavors<SyntheticTasks.Dataset>.Of("MMoE", seed => new SyntheticMmoe(seed), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => SyntheticMmoe.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("CGC", seed => new SyntheticCgc(seed), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => SyntheticCgc.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("PLE", seed => new SyntheticPle(seed), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => SyntheticPle.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
    ];
}
