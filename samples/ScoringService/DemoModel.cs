using PleGen;

namespace PleGen.Samples.ScoringService;

/// <summary>
/// The demo's task group: a shop's visitors, whether they buy (binary) and how much they spend (regression), from
/// three dense features and two categorical ones. <see cref="DemoData"/> makes raw rows for it; the service serves
/// <see cref="DemoPle"/> trained on them when no checkpoint is configured.
/// </summary>
[Task("purchase", TaskKind.Binary, Tower = [16])]
[Task("spend", TaskKind.Regression, Tower = [16])]
[DenseFeature("profile", 3)]                     // age, tenure (months), visits last week: three raw columns, standardized
[DenseFeature("price")]                          // the item's price, standardized
[CategoricalFeature("city", 10, 4)]              // 8 known cities + id 0 (unseen or rare) + headroom
[CategoricalFeature("device", 4, 2)]             // desktop, phone, tablet + id 0
public sealed partial class DemoTasks
{
}

/// <summary>The demo model: a two-level PLE over <see cref="DemoTasks"/>, small enough to train in a few seconds.</summary>
[PleModel(TaskGroup = typeof(DemoTasks), Levels = 2)]
[SharedExperts(Count = 1, Units = [16])]
[TaskExperts(Count = 1, Units = [16])]
public partial class DemoPle
{
}
