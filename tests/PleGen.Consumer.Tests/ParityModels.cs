using PleGen;

namespace PleGen.Consumer.Tests;

// The declarations whose generated models are compared with the PyTorch reference in tests/fixtures/make_fixtures.py
// (model_case): the same tasks, features, experts and parameter names.

[Task("income", TaskKind.Binary, Tower = [4])]
[Task("hours", TaskKind.Regression, Tower = [4], LossWeight = 0.7, LossWeightDecay = 0.9, Masked = true)]
[DenseFeature("numeric", 3)]
[CategoricalFeature("education", 5, 2)]
public sealed partial class ParityTasks
{
}

[PleModel(TaskGroup = typeof(ParityTasks), Levels = 2)]
[SharedExperts(Count = 2, Units = [8, 6])]
[TaskExperts(Count = 1, Units = [6])]
public partial class ParityPle
{
}

[CgcModel(TaskGroup = typeof(ParityTasks))]
[SharedExperts(Count = 2, Units = [6])]
[TaskExperts(Count = 2, Units = [6])]
public partial class ParityCgc
{
}

[MmoeModel(TaskGroup = typeof(ParityTasks))]
[SharedExperts(Count = 3, Units = [6])]
public partial class ParityMmoe
{
}

[CustomizedSharingModel(TaskGroup = typeof(ParityTasks))]
[SharedExperts(Units = [6, 5])]
[TaskExperts(Task = "hours", Units = [4])]
public partial class ParityCustomizedSharing
{
}

[AsymmetricSharingModel(TaskGroup = typeof(ParityTasks))]
[SharedExperts(Units = [6])]
[TaskExperts(Task = "income", Units = [7, 3])]
[TaskDependency("hours", DependsOn = ["income"])]
public partial class ParityAsymmetricSharing
{
}

[AsymmetricSharingModel(TaskGroup = typeof(ParityTasks), Fusion = Fusion.Mean)]
[SharedExperts(Units = [5])]
[TaskDependency("income", DependsOn = ["hours"])]
[TaskDependency("hours", DependsOn = ["income"])]
public partial class ParityAsymmetricMean
{
}

[CrossStitchModel(TaskGroup = typeof(ParityTasks))]
[SharedExperts(Units = [6, 5, 4])]
public partial class ParityCrossStitch
{
}

[SluiceModel(TaskGroup = typeof(ParityTasks), Subspaces = 3, OrthogonalityWeight = 0.05)]
[SharedExperts(Units = [6, 6, 6])]
public partial class ParitySluice
{
}

[OmoeModel(TaskGroup = typeof(ParityTasks))]
[SharedExperts(Count = 3, Units = [7, 5])]
public partial class ParityOmoe
{
}
