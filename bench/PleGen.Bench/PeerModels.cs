using PleGen;

namespace PleGen.Bench;

// The two configurations of the PyTorch peer (../shared/bench/peer_ple.py), declared with PleGen: dense input,
// 2 levels, shared and task-specific experts, towers, biases. LossWeight 0.5 makes the joint loss the peer's
// BCEWithLogitsLoss, the mean over both tasks.

/// <summary>census: d = 499, 2 shared + 2 specific experts per task of [64], towers [32], batch 1024.</summary>
[PleModel(Levels = 2)]
[SharedExperts(Count = 2, Units = [64])]
[TaskExperts(Count = 2, Units = [64])]
[Task("task0", TaskKind.Binary, Tower = [32], LossWeight = 0.5)]
[Task("task1", TaskKind.Binary, Tower = [32], LossWeight = 0.5)]
[DenseFeature("x", 499)]
public partial class CensusPeerModel
{
}

/// <summary>wide: d = 512, 3 shared + 3 specific experts of [256, 128], towers [128, 64], batch 2048.</summary>
[PleModel(Levels = 2)]
[SharedExperts(Count = 3, Units = [256, 128])]
[TaskExperts(Count = 3, Units = [256, 128])]
[Task("task0", TaskKind.Binary, Tower = [128, 64], LossWeight = 0.5)]
[Task("task1", TaskKind.Binary, Tower = [128, 64], LossWeight = 0.5)]
[DenseFeature("x", 512)]
public partial class WidePeerModel
{
}
