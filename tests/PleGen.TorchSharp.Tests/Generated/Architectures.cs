using PleGen;

namespace PleGen.TorchSharp.Tests.Generated;

// One model per architecture, over one task group with a binary, a masked regression task, dense and categorical
// features. This project references TorchSharp 0.107, so each gets a nested TorchSharpModel; the namespace's
// "TorchSharp" segment checks that the generated code does not mistake it for the TorchSharp namespace.

[Task("click", TaskKind.Binary, Tower = [8])]
[Task("watch_time", TaskKind.Regression, Tower = [8, 4], LossWeight = 0.5, LossWeightDecay = 0.9, Masked = true)]
[DenseFeature("profile", 7)]
[CategoricalFeature("occupation", 64, 8)]
[CategoricalFeature("region", 32, 4)]
public sealed partial class FeedTasks
{
}

[PleModel(TaskGroup = typeof(FeedTasks), Levels = 2, Dropout = 0.1)]
[SharedExperts(Count = 2, Units = [16, 8])]
[TaskExperts(Count = 2, Units = [16, 8])]
[TaskExperts(Task = "click", Level = 1, Count = 3)]
public partial class FeedPle
{
}

[CgcModel(TaskGroup = typeof(FeedTasks), Activation = Activation.Tanh)]
[SharedExperts(Count = 1, Units = [8])]
[TaskExperts(Count = 2, Units = [8])]
public partial class FeedCgc
{
}

[MmoeModel(TaskGroup = typeof(FeedTasks))]
[SharedExperts(Count = 4, Units = [12])]
public partial class FeedMmoe
{
}

[MultiLevelMmoeModel(TaskGroup = typeof(FeedTasks), Levels = 3)]
[SharedExperts(Count = 3, Units = [8])]
public partial class FeedMultiLevelMmoe
{
}

[SharedBottomModel(TaskGroup = typeof(FeedTasks), Activation = Activation.Sigmoid)]
[SharedExperts(Units = [16, 8])]
public partial class FeedSharedBottom
{
}

[SingleTaskModel(TaskGroup = typeof(FeedTasks))]
[SharedExperts(Units = [16])]
public partial class FeedSingleTask
{
}

[OmoeModel(TaskGroup = typeof(FeedTasks), Activation = Activation.Tanh)]
[SharedExperts(Count = 3, Units = [16, 8])]
public partial class FeedOmoe
{
}

[CustomizedSharingModel(TaskGroup = typeof(FeedTasks), Dropout = 0.1)]
[SharedExperts(Units = [16, 8])]
[TaskExperts(Task = "watch_time", Units = [6])]
public partial class FeedCustomizedSharing
{
}

[AsymmetricSharingModel(TaskGroup = typeof(FeedTasks), Fusion = Fusion.Mean)]
[SharedExperts(Units = [12, 8])]
[TaskDependency("watch_time", DependsOn = ["click"])]
public partial class FeedAsymmetricSharing
{
}

[CrossStitchModel(TaskGroup = typeof(FeedTasks), SelfWeight = 0.8, Dropout = 0.1)]
[SharedExperts(Units = [16, 8])]
public partial class FeedCrossStitch
{
}

[SluiceModel(TaskGroup = typeof(FeedTasks), Subspaces = 4, SelfWeight = 0.7, OrthogonalityWeight = 0.05, Dropout = 0.1)]
[SharedExperts(Units = [12, 12, 12])]
public partial class FeedSluice
{
}

/// <summary>Opts out: no TorchSharp flavor although TorchSharp is referenced.</summary>
[CgcModel(TaskGroup = typeof(FeedTasks), TorchSharp = false)]
[SharedExperts(Count = 1, Units = [8])]
[TaskExperts(Count = 1, Units = [8])]
public partial class ManagedOnlyCgc
{
}
