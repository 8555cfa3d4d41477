using System.Collections.Generic;
using PleGen.Samples.Census;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.CensusSample;

/// <summary>The five models of the comparison, under the names the reports use, bound to the census splits.</summary>
public static class CensusCandidates
{
    /// <summary>The single-task baseline's name.</summary>
    public const string SingleTask = "SingleTask";

    /// <summary>The model classes, for checking their declarations against the data.</summary>
    public static IReadOnlyList<System.Type> ModelTypes { get; } =
        [typeof(CensusSingleTask), typeof(CensusSharedBottom), typeof(CensusMmoe), typeof(CensusCgc), typeof(CensusPle)];

    /// <summary>SingleTask, SharedBottom, MMoE, CGC and PLE; MMoE, CGC and PLE record their gates.</summary>
    public static IReadOnlyList<ModelFlavors<CensusSplit>> All { get; } =
    [
        ModelFlavors.Of(SingleTask, seed => new CensusSingleTask(seed), (CensusSplit s) => CensusDatasetBinder.Bind<CensusTasks.Dataset>(s), torchSharp: TorchSharpFlavor.Of(seed => CensusSingleTask.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))) with { StopsPerTask = true },
        ModelFlavors.Of("SharedBottom", seed => new CensusSharedBottom(seed), (CensusSplit s) => CensusDatasetBinder.Bind<CensusTasks.Dataset>(s), torchSharp: TorchSharpFlavor.Of(seed => CensusSharedBottom.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o))),
        ModelFlavors.Of("MMoE", seed => new CensusMmoe(seed), (CensusSplit s) => CensusDatasetBinder.Bind<CensusTasks.Dataset>(s), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => CensusMmoe.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors.Of("CGC", seed => new CensusCgc(seed), (CensusSplit s) => CensusDatasetBinder.Bind<CensusTasks.Dataset>(s), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => CensusCgc.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
        ModelFlavors.Of("PLE", seed => new CensusPle(seed), (CensusSplit s) => CensusDatasetBinder.Bind<CensusTasks.Dataset>(s), (m, s) => m.GateStatistics = s,
            TorchSharpFlavor.Of(seed => CensusPle.TorchSharpModel.Create(seed), (m, o) => m.ForTrainer(o), (m, s) => m.GateStatistics = s)),
    ];
}
