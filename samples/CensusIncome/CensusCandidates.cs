using System.Collections.Generic;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.CensusSample;

/// <summary>The five models of the comparison, under the names the reports use; all train on <see cref="CensusTasks.Dataset"/>.</summary>
public static class CensusCandidates
{
    /// <summary>The single-task baseline's name.</summary>
    public const string SingleTask = "SingleTask";

    /// <summary>The model classes, for checking their declarations against the data.</summary>
    public static IReadOnlyList<System.Type> ModelTypes { get; } =
        [typeof(CensusSingleTask), typeof(CensusSharedBottom), typeof(CensusMmoe), typeof(CensusCgc), typeof(CensusPle)];

    /// <summary>SingleTask, SharedBottom, MMoE, CGC and PLE; MMoE, CGC and PLE record their gates.</summary>
    public static IReadOnlyList<ModelFlavors<CensusTasks.Dataset>> All { get; } =
    [
        ModelFlavors<CensusTasks.Dataset>.Of(SingleTask, seed => new CensusSingleTask(seed), torchSharp: TorchSharpFlavor.Of(seed => CensusSingleTask.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))) with { StopsPerTask = true },
        ModelFlavors<CensusTasks.Dataset>.Of("SharedBottom", seed => new CensusSharedBottom(seed), torchSharp: TorchSharpFlavor.Of(seed => CensusSharedBottom.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))),
        ModelFlavors<CensusTasks.Dataset>.Of("MMoE", seed => new CensusMmoe(seed), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => CensusMmoe.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors<CensusTasks.Dataset>.Of("CGC", seed => new CensusCgc(seed), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => CensusCgc.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors<CensusTasks.Dataset>.Of("PLE", seed => new CensusPle(seed), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => CensusPle.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
    ];
}
