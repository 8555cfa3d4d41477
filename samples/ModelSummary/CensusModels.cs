using PleGen;

namespace ModelSummary;

// The census-income task group of the PLE paper (section 5.2.1): the tasks and features are declared once,
// and every model below points at them, so PLE and its baselines differ only in their architecture lines.
[Task("income", TaskKind.Binary, Tower = [32])]
[Task("never_married", TaskKind.Binary, Tower = [32])]
[DenseFeature("numeric", 7)]                      // age, wage, capital gains/losses, dividends, employees, weeks worked
[CategoricalFeature("education", 17, 8)]
[CategoricalFeature("class_worker", 9, 4)]
[CategoricalFeature("occupation", 47, 8)]
[CategoricalFeature("industry", 52, 8)]
[CategoricalFeature("sex", 3, 2)]
[CategoricalFeature("race", 6, 3)]
public sealed partial class CensusTasks
{
}

[PleModel(TaskGroup = typeof(CensusTasks))]        // 2 levels by default
[SharedExperts(Count = 2, Units = [64])]
[TaskExperts(Count = 2, Units = [64])]
public partial class CensusPle
{
}

[CgcModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Count = 2, Units = [64])]
[TaskExperts(Count = 2, Units = [64])]
public partial class CensusCgc
{
}

[MmoeModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Count = 6, Units = [64])]            // as many experts as CGC has in total
public partial class CensusMmoe
{
}

[MultiLevelMmoeModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Count = 6, Units = [64])]
public partial class CensusMultiLevelMmoe
{
}

[SharedBottomModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Units = [128, 64])]
public partial class CensusSharedBottom
{
}

[SingleTaskModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Units = [128, 64])]
public partial class CensusSingleTask
{
}
