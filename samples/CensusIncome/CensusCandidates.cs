using System.Collections.Generic;
using System.Linq;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.CensusSample;

/// <summary>The models of the comparison, under the names the reports and <c>--models</c> use; all train on <see cref="CensusTasks.Dataset"/>.</summary>
public static class CensusCandidates
{
    /// <summary>The single-task baseline's name.</summary>
    public const string SingleTask = "SingleTask";

    /// <summary>
    /// Every model the sample trains, one entry each, in the paper's order (<see cref="PaperModels.Names"/>): name, generated
    /// parameter count, managed flavor, gates (gated models), TorchSharp flavor. Adding a declared model is one entry here.
    /// </summary>
    public static IReadOnlyList<ModelFlavors<CensusTasks.Dataset>> All { get; } =
    [
        ModelFlavors<CensusTasks.Dataset>.Of(SingleTask, CensusSingleTask.Architecture.TotalParameters, s => new CensusSingleTask(s), torchSharp: TorchSharpFlavor.Of(s => CensusSingleTask.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)) with { StopsPerTask = true },
        ModelFlavors<CensusTasks.Dataset>.Of("SharedBottom", CensusSharedBottom.Architecture.TotalParameters, s => new CensusSharedBottom(s), torchSharp: TorchSharpFlavor.Of(s => CensusSharedBottom.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<CensusTasks.Dataset>.Of("AsymmetricSharing", CensusAsymmetricSharing.Architecture.TotalParameters, s => new CensusAsymmetricSharing(s), torchSharp: TorchSharpFlavor.Of(s => CensusAsymmetricSharing.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<CensusTasks.Dataset>.Of("CustomizedSharing", CensusCustomizedSharing.Architecture.TotalParameters, s => new CensusCustomizedSharing(s), torchSharp: TorchSharpFlavor.Of(s => CensusCustomizedSharing.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<CensusTasks.Dataset>.Of("CrossStitch", CensusCrossStitch.Architecture.TotalParameters, s => new CensusCrossStitch(s), torchSharp: TorchSharpFlavor.Of(s => CensusCrossStitch.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<CensusTasks.Dataset>.Of("Sluice", CensusSluice.Architecture.TotalParameters, s => new CensusSluice(s), torchSharp: TorchSharpFlavor.Of(s => CensusSluice.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<CensusTasks.Dataset>.Of("OMoE", CensusOmoe.Architecture.TotalParameters, s => new CensusOmoe(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => CensusOmoe.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<CensusTasks.Dataset>.Of("MMoE", CensusMmoe.Architecture.TotalParameters, s => new CensusMmoe(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => CensusMmoe.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<CensusTasks.Dataset>.Of("MultiLevelMmoe", CensusMultiLevelMmoe.Architecture.TotalParameters, s => new CensusMultiLevelMmoe(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => CensusMultiLevelMmoe.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<CensusTasks.Dataset>.Of("CGC", CensusCgc.Architecture.TotalParameters, s => new CensusCgc(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => CensusCgc.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<CensusTasks.Dataset>.Of("PLE", CensusPle.Architecture.TotalParameters, s => new CensusPle(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => CensusPle.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
    ];

    /// <summary>The model classes of <see cref="All"/>, for checking their declarations against the data.</summary>
    public static IReadOnlyList<System.Type> ModelTypes { get; } = [.. All.Select(c => c.ModelType!)];
}
