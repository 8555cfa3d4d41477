using PleGen;

namespace PleGen.Samples.CensusSample;

// The census-income task group of the PLE paper (section 5.2.1), declared once: two binary tasks and every input
// column of the UCI file except marital status (task 2's label) and the instance weight (not a feature).
// Cardinalities are the column's distinct values in the file plus 1 for the out-of-vocabulary id 0; the sample
// checks them against the training vocabularies before it trains. Columns with more than 20 values get
// 8-dimensional embeddings, the others 4. Budget (see ParameterBudget): every multi-task model has within +-25 % of
// the PLE's parameters; the shared bottom, MMoE, CGC and the four baselines of issue 12 (asymmetric and customized
// sharing, cross-stitch, OMoE) were widened to get there (each says from what).
[Task("income", TaskKind.Binary, Tower = [32])]
[Task("never_married", TaskKind.Binary, Tower = [32])]
[DenseFeature("numeric", 7)] // age, wage_per_hour, capital_gains, capital_losses, stock_dividends, num_emp, weeks_worked (standardized)
[CategoricalFeature("class_worker", 10, 4)]
[CategoricalFeature("det_ind_code", 53, 8)]
[CategoricalFeature("det_occ_code", 48, 8)]
[CategoricalFeature("education", 18, 4)]
[CategoricalFeature("hs_college", 4, 4)]
[CategoricalFeature("major_ind_code", 25, 8)]
[CategoricalFeature("major_occ_code", 16, 4)]
[CategoricalFeature("race", 6, 4)]
[CategoricalFeature("hisp_origin", 11, 4)]
[CategoricalFeature("sex", 3, 4)]
[CategoricalFeature("union_member", 4, 4)]
[CategoricalFeature("unemp_reason", 7, 4)]
[CategoricalFeature("full_or_part_emp", 9, 4)]
[CategoricalFeature("tax_filer_stat", 7, 4)]
[CategoricalFeature("region_prev_res", 7, 4)]
[CategoricalFeature("state_prev_res", 52, 8)]
[CategoricalFeature("det_hh_fam_stat", 38, 8)]
[CategoricalFeature("det_hh_summ", 9, 4)]
[CategoricalFeature("mig_chg_msa", 11, 4)]
[CategoricalFeature("mig_chg_reg", 10, 4)]
[CategoricalFeature("mig_move_reg", 11, 4)]
[CategoricalFeature("mig_same", 4, 4)]
[CategoricalFeature("mig_prev_sunbelt", 5, 4)]
[CategoricalFeature("fam_under_18", 6, 4)]
[CategoricalFeature("country_father", 44, 8)]
[CategoricalFeature("country_mother", 44, 8)]
[CategoricalFeature("country_self", 44, 8)]
[CategoricalFeature("citizenship", 6, 4)]
[CategoricalFeature("own_or_self", 4, 4)]
[CategoricalFeature("vet_question", 4, 4)]
[CategoricalFeature("vet_benefits", 4, 4)]
[CategoricalFeature("year", 3, 4)]
public sealed partial class CensusTasks
{
}

/// <summary>One network per task: the baseline of the MTL gain (Eq. 11).</summary>
[SingleTaskModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Units = [128, 64])]
public partial class CensusSingleTask
{
}

/// <summary>
/// Hard parameter sharing: one bottom network, a tower per task. [384, 64]: as wide as the PLE's six level-1 experts of 64
/// together, then as its level-2 experts; was [128, 64] (37,486 parameters, 37 % of the PLE's: outside the budget).
/// </summary>
[SharedBottomModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Units = [384, 64])]
public partial class CensusSharedBottom
{
}

/// <summary>
/// Asymmetric sharing (PLE Fig. 1b): a bottom per task, [192, 64] each, the shared bottom's [384, 64] split in two (at the
/// default [64]: 31,278 parameters, 31 % of the PLE's: outside the budget). The income tower also reads the never_married
/// bottom, one way: income is the harder task with the rarer positives (about 6 % of rows against about 43 %), so it
/// borrows the representation learnt from the denser labels, as CVR reads CTR in e-commerce. Fused by concatenation, not
/// sum or mean: the tower's first layer learns how much of the other bottom to use, where a sum would add it at full weight.
/// </summary>
[AsymmetricSharingModel(TaskGroup = typeof(CensusTasks), Fusion = Fusion.Concat)]
[TaskExperts(Units = [192, 64])]
[TaskDependency("income", DependsOn = ["never_married"])]
public partial class CensusAsymmetricSharing
{
}

/// <summary>
/// Customized sharing (PLE Fig. 1c): a shared bottom of 128 units (as wide as the PLE's two shared experts of a level
/// together) and one of 128 per task (its two task experts); a tower reads cat(shared, its own). Was 64 each (44,078
/// parameters, 44 % of the PLE's: outside the budget).
/// </summary>
[CustomizedSharingModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Units = [128])]
[TaskExperts(Units = [128])]
public partial class CensusCustomizedSharing
{
}

/// <summary>
/// Cross-stitch: a column of [192, 64] per task, the shared bottom's [384, 64] split in two (at [64]: 29,234 parameters,
/// 29 % of the PLE's: outside the budget), a learned unit after each of the two layers, each column starting at 0.9 itself
/// (the paper's initialization).
/// </summary>
[CrossStitchModel(TaskGroup = typeof(CensusTasks), SelfWeight = 0.9)]
[SharedExperts(Units = [192, 64])]
public partial class CensusCrossStitch
{
}

/// <summary>
/// Sluice network: a column of two 128-unit layers per task (every layer of a sluice column has one width), each split into
/// 2 subspaces mixed across the tasks by a learned alpha (0.9 on itself at the start), the towers reading a learned beta mix
/// of both layers, and the subspaces of every layer kept apart by the orthogonality penalty at weight 0.01.
/// </summary>
[SluiceModel(TaskGroup = typeof(CensusTasks), Subspaces = 2, SelfWeight = 0.9, OrthogonalityWeight = 0.01)]
[SharedExperts(Units = [128, 128])]
public partial class CensusSluice
{
}

/// <summary>OMoE (the MMoE paper's baseline): six shared experts of 80 units, as MMoE's, and one gate whose mix feeds both towers; 80 units (at 64: 73 % of the PLE's parameters).</summary>
[OmoeModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Count = 6, Units = [80])]
public partial class CensusOmoe
{
}

/// <summary>MMoE: six shared experts (as many as CGC has in all), one gate per task; 80 units (were 64: 74 % of the PLE's parameters).</summary>
[MmoeModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Count = 6, Units = [80])]
public partial class CensusMmoe
{
}

/// <summary>Multi-level MMoE: two levels of six shared experts (PLE without task experts).</summary>
[MultiLevelMmoeModel(TaskGroup = typeof(CensusTasks), Levels = 2)]
[SharedExperts(Count = 6, Units = [64])]
public partial class CensusMultiLevelMmoe
{
}

/// <summary>CGC: two shared experts and two per task; each task's gate mixes its own and the shared ones; 80 units (were 64: 74 % of the PLE's parameters).</summary>
[CgcModel(TaskGroup = typeof(CensusTasks))]
[SharedExperts(Count = 2, Units = [80])]
[TaskExperts(Count = 2, Units = [80])]
public partial class CensusCgc
{
}

/// <summary>PLE: two CGC levels; the first level also has a shared gate over all six of its experts.</summary>
[PleModel(TaskGroup = typeof(CensusTasks), Levels = 2)]
[SharedExperts(Count = 2, Units = [64])]
[TaskExperts(Count = 2, Units = [64])]
public partial class CensusPle
{
}
