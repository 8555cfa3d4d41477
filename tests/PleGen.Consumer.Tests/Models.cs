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
