using System.Collections.Generic;
using PleGen.Samples.Experiments;

namespace PleGen.Samples.SyntheticSample;

/// <summary>The models of the comparison, under the names the reports and <c>--models</c> use; all train on <see cref="SyntheticTasks.Dataset"/>.</summary>
public static class SyntheticCandidates
{
    /// <summary>The single-task baseline's name.</summary>
    public const string SingleTask = "SingleTask";

    /// <summary>
    /// Every model the sample trains, one entry each, in the paper's order (<see cref="PaperModels.Names"/>): name, generated
    /// parameter count, managed flavor, gates (gated models), TorchSharp flavor. Adding a declared model is one entry here.
    /// </summary>
    public static IReadOnlyList<ModelFlavors<SyntheticTasks.Dataset>> All { get; } =
    [
        ModelFlavors<SyntheticTasks.Dataset>.Of(SingleTask, SyntheticSingleTask.Architecture.TotalParameters, s => new SyntheticSingleTask(s), torchSharp: TorchSharpFlavor.Of(s => SyntheticSingleTask.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)) with { StopsPerTask = true },
        ModelFlavors<SyntheticTasks.Dataset>.Of("SharedBottom", SyntheticSharedBottom.Architecture.TotalParameters, s => new SyntheticSharedBottom(s), torchSharp: TorchSharpFlavor.Of(s => SyntheticSharedBottom.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("AsymmetricSharing", SyntheticAsymmetricSharing.Architecture.TotalParameters, s => new SyntheticAsymmetricSharing(s), torchSharp: TorchSharpFlavor.Of(s => SyntheticAsymmetricSharing.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("CustomizedSharing", SyntheticCustomizedSharing.Architecture.TotalParameters, s => new SyntheticCustomizedSharing(s), torchSharp: TorchSharpFlavor.Of(s => SyntheticCustomizedSharing.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("CrossStitch", SyntheticCrossStitch.Architecture.TotalParameters, s => new SyntheticCrossStitch(s), torchSharp: TorchSharpFlavor.Of(s => SyntheticCrossStitch.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("Sluice", SyntheticSluice.Architecture.TotalParameters, s => new SyntheticSluice(s), torchSharp: TorchSharpFlavor.Of(s => SyntheticSluice.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("OMoE", SyntheticOmoe.Architecture.TotalParameters, s => new SyntheticOmoe(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => SyntheticOmoe.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("MMoE", SyntheticMmoe.Architecture.TotalParameters, s => new SyntheticMmoe(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => SyntheticMmoe.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("MultiLevelMmoe", SyntheticMultiLevelMmoe.Architecture.TotalParameters, s => new SyntheticMultiLevelMmoe(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => SyntheticMultiLevelMmoe.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("CGC", SyntheticCgc.Architecture.TotalParameters, s => new SyntheticCgc(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => SyntheticCgc.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
        ModelFlavors<SyntheticTasks.Dataset>.Of("PLE", SyntheticPle.Architecture.TotalParameters, s => new SyntheticPle(s), (m, g) => m.GateStatistics = g, TorchSharpFlavor.Of(s => SyntheticPle.TorchSharpModel.Create(s), (m, o) => m.ForTrainer(o), TorchSharpOptimizers.Create, (m, g) => m.GateStatistics = g)),
    ];
}
