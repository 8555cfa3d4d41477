using PleGen;

namespace PleGen.Samples.SyntheticSample;

// The synthetic task group: x in R^512, two regression tasks. Every model below points at it, so the models
// differ only in their architecture lines. Experts are one hidden layer of 64 units and every gated model has
// three of them per level; towers are [32]. Budget (see ParameterBudget): every multi-task model has within
// +-25 % of the PLE's parameters (PLE 119,053); the shared bottom is 192 units wide to get there (it was [64],
// 37,058 parameters, 31 % of the PLE's).
[Task("task1", TaskKind.Regression, Tower = [32])]
[Task("task2", TaskKind.Regression, Tower = [32])]
[DenseFeature("x", 512)]
public sealed partial class SyntheticTasks
{
}

/// <summary>One network per task: the baseline of the MTL gain (Eq. 11).</summary>
[SingleTaskModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Units = [64])]
public partial class SyntheticSingleTask
{
}

/// <summary>Hard parameter sharing: one bottom network, a tower per task; 192 units, as many as the three experts of MMoE or CGC.</summary>
[SharedBottomModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Units = [192])]
public partial class SyntheticSharedBottom
{
}

/// <summary>MMoE: three shared experts, one softmax gate per task.</summary>
[MmoeModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Count = 3, Units = [64])]
public partial class SyntheticMmoe
{
}

/// <summary>Multi-level MMoE: two levels of three shared experts; each level's task gates and (level 1) shared gate mix them.</summary>
[MultiLevelMmoeModel(TaskGroup = typeof(SyntheticTasks), Levels = 2)]
[SharedExperts(Count = 3, Units = [64])]
public partial class SyntheticMultiLevelMmoe
{
}

/// <summary>CGC: one shared expert and one expert per task; each task's gate mixes its own and the shared one.</summary>
[CgcModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Count = 1, Units = [64])]
[TaskExperts(Count = 1, Units = [64])]
public partial class SyntheticCgc
{
}

/// <summary>PLE: two CGC levels; the first also has a shared gate over all its experts.</summary>
[PleModel(TaskGroup = typeof(SyntheticTasks), Levels = 2)]
[SharedExperts(Count = 1, Units = [64])]
[TaskExperts(Count = 1, Units = [64])]
public partial class SyntheticPle
{
}
