using PleGen;

namespace PleGen.Samples.SyntheticSample;

// The synthetic task group: x in R^512, two regression tasks. Every model below points at it, so the models
// differ only in their architecture lines. Experts are one hidden layer of 64 units and every gated model has
// three of them per level; towers are [32]. Budget (see ParameterBudget): every multi-task model has within
// +-25 % of the PLE's parameters (PLE 119,053); the shared bottom is 192 units wide to get there (it was [64],
// 37,058 parameters, 31 % of the PLE's), and the per-task bottoms of asymmetric sharing and the columns of
// cross-stitch are 96 wide, half of it each (each says from what).
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

/// <summary>
/// Asymmetric sharing (PLE Fig. 1b): a bottom per task, 96 units each, so the two together are as wide as the shared
/// bottom's 192 (at the default 64 units: 71,938 parameters, 60 % of the PLE's: outside the budget). Task 2's tower also
/// reads task 1's bottom, one way: the tasks are alike by construction, so which reads which is arbitrary, and one-way
/// lets the seesaw chart show what the dependency does (task 1 is a single-task network inside the model). Fused by
/// concatenation, not sum or mean: the tower's first layer learns how much of task 1's features to use, down to none
/// at p = 0, where a sum would add them to task 2's own at full weight.
/// </summary>
[AsymmetricSharingModel(TaskGroup = typeof(SyntheticTasks), Fusion = Fusion.Concat)]
[TaskExperts(Units = [96])]
[TaskDependency("task2", DependsOn = ["task1"])]
public partial class SyntheticAsymmetricSharing
{
}

/// <summary>Customized sharing (PLE Fig. 1c): a shared bottom and one per task, 64 units each (as CGC's experts); a tower reads cat(shared, its own).</summary>
[CustomizedSharingModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Units = [64])]
[TaskExperts(Units = [64])]
public partial class SyntheticCustomizedSharing
{
}

/// <summary>
/// Cross-stitch: a column of one 96-unit layer per task, so the two are as wide as the shared bottom's 192 (at 64 units:
/// 69,894 parameters, 59 % of the PLE's: outside the budget), mixed by one learned unit before the towers, each
/// column starting at 0.9 itself (the paper's initialization).
/// </summary>
[CrossStitchModel(TaskGroup = typeof(SyntheticTasks), SelfWeight = 0.9)]
[SharedExperts(Units = [96])]
public partial class SyntheticCrossStitch
{
}

/// <summary>
/// Sluice network: a column of two 80-unit layers per task, each layer's output split into 2 subspaces mixed across the
/// tasks by a learned alpha (0.9 on itself at the start), the towers reading a learned beta mix of both layers, and the
/// subspaces of every layer kept apart by the orthogonality penalty at weight 0.01.
/// </summary>
[SluiceModel(TaskGroup = typeof(SyntheticTasks), Subspaces = 2, SelfWeight = 0.9, OrthogonalityWeight = 0.01)]
[SharedExperts(Units = [80, 80])]
public partial class SyntheticSluice
{
}

/// <summary>OMoE (the MMoE paper's baseline): three shared experts and one softmax gate, whose mix feeds both towers.</summary>
[OmoeModel(TaskGroup = typeof(SyntheticTasks))]
[SharedExperts(Count = 3, Units = [64])]
public partial class SyntheticOmoe
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
