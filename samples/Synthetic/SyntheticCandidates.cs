using System.Collections.Generic;
using PleGen.Samples.Experiments;
using PleGen.Samples.Synthetic;

namespace PleGen.Samples.SyntheticSample;

/// <summary>The five models of the comparison, under the names the reports use, bound to the generator's data.</summary>
public static class SyntheticCandidates
{
    /// <summary>The single-task baseline's name.</summary>
    public const string SingleTask = "SingleTask";

    /// <summary>SingleTask, SharedBottom, MMoE, CGC and PLE; MMoE, CGC and PLE record their gates.</summary>
    public static IReadOnlyList<ModelFlavors<SyntheticTaskData>> All { get; } =
    [
        ModelFlavors.Of(SingleTask, seed => new SyntheticSingleTask(seed), (SyntheticTaskData d) => new SyntheticTasks.Dataset(d.Features, d.Y1, d.Y2), torchSharp: TorchSharpFlavor.Of(seed => SyntheticSingleTask.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))) with { StopsPerTask = true },
        ModelFlavors.Of("SharedBottom", seed => new SyntheticSharedBottom(seed), (SyntheticTaskData d) => new SyntheticTasks.Dataset(d.Features, d.Y1, d.Y2), torchSharp: TorchSharpFlavor.Of(seed => SyntheticSharedBottom.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))),
        ModelFlavors.Of("MMoE", seed => new SyntheticMmoe(seed), (SyntheticTaskData d) => new SyntheticTasks.Dataset(d.Features, d.Y1, d.Y2), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => SyntheticMmoe.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors.Of("CGC", seed => new SyntheticCgc(seed), (SyntheticTaskData d) => new SyntheticTasks.Dataset(d.Features, d.Y1, d.Y2), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => SyntheticCgc.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors.Of("PLE", seed => new SyntheticPle(seed), (SyntheticTaskData d) => new SyntheticTasks.Dataset(d.Features, d.Y1, d.Y2), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => SyntheticPle.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
    ];
}
