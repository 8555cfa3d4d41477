using PleGen;

namespace PleGen.Consumer.Tests;

// Declarations compiled by the real generator, loaded as an analyzer exactly as from the NuGet package.

[PleModel(Levels = 2)]
[SharedExperts(Count = 2, Units = [16, 8])]
[TaskExperts(Count = 1, Units = [8])]
[Task("ctr", TaskKind.Binary, Tower = [4])]
[Task("watch_time", TaskKind.Regression, Tower = [4])]
[DenseFeature("user", 6)]
[CategoricalFeature("item", 100, 4)]
public partial class VideoPle
{
}

[MmoeModel]
[SharedExperts(Count = 3, Units = [12])]
[Task("a", TaskKind.Binary, Tower = [])]
[Task("b", TaskKind.Binary, Tower = [6])]
[DenseFeature("x", 5)]
public partial class SmallMmoe
{
}

[SingleTaskModel]
[SharedExperts(Units = [10, 5])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [3])]
[DenseFeature("x", 4)]
[CategoricalFeature("c", 7, 2)]
public partial class SeparateModels
{
}

[SharedBottomModel]
[SharedExperts(Units = [10, 5])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [3])]
[DenseFeature("x", 4)]
[CategoricalFeature("c", 7, 2)]
public partial class HardSharing
{
}

// A small synthetic task group for training tests: a binary and a regression task over dense and categorical inputs.
[Task("click", TaskKind.Binary, Tower = [8])]
[Task("dwell", TaskKind.Regression, Tower = [8], LossWeightDecay = 0.5)]
[Task("share", TaskKind.Binary, Tower = [8], Masked = true)]
[DenseFeature("user", 4)]
[CategoricalFeature("item", 10, 3)]
public sealed partial class SyntheticTasks
{
}

[PleModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Count = 2, Units = [16])]
[TaskExperts(Count = 1, Units = [16])]
public partial class SyntheticPle
{
}

[CgcModel(TaskGroup = typeof(SyntheticTasks), Dropout = 0.2)]
[SharedExperts(Count = 1, Units = [16, 8])]
[TaskExperts(Count = 2, Units = [8])]
public partial class SyntheticCgc
{
}

[MmoeModel(TaskGroup = typeof(SyntheticTasks), Activation = Activation.Tanh)]
[SharedExperts(Count = 3, Units = [16])]
public partial class SyntheticMmoe
{
}

[MultiLevelMmoeModel(TaskGroup = typeof(SyntheticTasks), Levels = 3)]
[SharedExperts(Count = 2, Units = [8])]
public partial class SyntheticDeepMmoe
{
}

[SharedBottomModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Units = [16, 8])]
public partial class SyntheticSharedBottom
{
}

[SingleTaskModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Units = [16, 8])]
public partial class SyntheticSingleTask
{
}

[OmoeModel]
[SharedExperts(Count = 3, Units = [12])]
[Task("a", TaskKind.Binary, Tower = [])]
[Task("b", TaskKind.Binary, Tower = [6])]
[DenseFeature("x", 5)]
public partial class OneGate
{
}

[CustomizedSharingModel]
[SharedExperts(Units = [10, 5])]
[TaskExperts(Task = "b", Units = [4])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [3])]
[DenseFeature("x", 6)]
public partial class SharedPlusOwn
{
}

[AsymmetricSharingModel(Fusion = Fusion.Sum)]
[SharedExperts(Units = [8])]
[TaskDependency("b", DependsOn = ["a"])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [3])]
[DenseFeature("x", 6)]
public partial class OneWay
{
}

[SluiceModel(Subspaces = 2, SelfWeight = 0.6, OrthogonalityWeight = 0.1)]
[SharedExperts(Units = [4, 4])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [])]
[Task("c", TaskKind.Binary, Tower = [2])]
[DenseFeature("x", 5)]
public partial class Sluiced
{
}

[CrossStitchModel(SelfWeight = 0.8)]
[SharedExperts(Units = [10, 5])]
[Task("a", TaskKind.Binary, Tower = [3])]
[Task("b", TaskKind.Regression, Tower = [3])]
[Task("c", TaskKind.Binary, Tower = [])]
[DenseFeature("x", 6)]
public partial class Stitched
{
}
