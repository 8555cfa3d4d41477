using System;

namespace PleGen;

/// <summary>
/// Settings every architecture shares. Apply one of the derived attributes
/// (<see cref="PleModelAttribute"/>, <see cref="CgcModelAttribute"/>, <see cref="MmoeModelAttribute"/>,
/// <see cref="MultiLevelMmoeModelAttribute"/>, <see cref="SharedBottomModelAttribute"/>,
/// <see cref="SingleTaskModelAttribute"/>, <see cref="OmoeModelAttribute"/>) to a <c>partial class</c>; switching baselines is a one-word change.
/// </summary>
public abstract class ModelAttribute : Attribute
{
    /// <summary>
    /// Number of extraction levels. Unset means the architecture's own default:
    /// 2 for PLE and multi-level MMoE, 1 for every other architecture.
    /// </summary>
    public int Levels { get; set; }

    /// <summary>Non-linearity after every hidden layer. Default <see cref="PleGen.Activation.Relu"/>.</summary>
    public Activation Activation { get; set; } = Activation.Relu;

    /// <summary>Dropout probability after every hidden layer of experts and towers, in [0, 1). Default 0.</summary>
    public double Dropout { get; set; }

    /// <summary>
    /// A type whose <see cref="TaskAttribute"/>, <see cref="DenseFeatureAttribute"/> and
    /// <see cref="CategoricalFeatureAttribute"/> declarations this model uses, so several models
    /// (a PLE and its baselines) can share one declaration of tasks and features.
    /// Declarations on the model class itself are added after the group's.
    /// </summary>
    public Type? TaskGroup { get; set; }

    /// <summary>
    /// Whether to also generate the TorchSharp flavor of the model (a nested <c>TorchSharpModel</c> class, for
    /// training on GPUs with TorchSharp). Unset: generated whenever the project references TorchSharp.
    /// <c>true</c>: required; a project without TorchSharp gets error PLE0027 instead. <c>false</c>: never generated.
    /// </summary>
    public bool TorchSharp { get; set; }
}

/// <summary>
/// Progressive Layered Extraction (Tang et al., RecSys 2020): stacked CGC levels, each with shared and
/// task-specific experts; every level but the last also has a shared gate over all its experts.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PleModelAttribute : ModelAttribute
{
}

/// <summary>Customized Gate Control: one level of shared and task-specific experts, one gate per task.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CgcModelAttribute : ModelAttribute
{
}

/// <summary>Multi-gate Mixture-of-Experts (Ma et al., KDD 2018): shared experts only, one gate per task, one level.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MmoeModelAttribute : ModelAttribute
{
}

/// <summary>
/// Multi-level MMoE: stacked levels of shared experts with one gate per task and a shared gate that feeds
/// the next level's experts (PLE without task-specific experts).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MultiLevelMmoeModelAttribute : ModelAttribute
{
}

/// <summary>Hard parameter sharing: one shared bottom network (declared as exactly one shared expert) under per-task towers.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SharedBottomModelAttribute : ModelAttribute
{
}

/// <summary>
/// One independent network per task: each task gets its own copy of the bottom (declared as exactly one
/// shared expert) and its own tower. The baseline for MTL gain (PLE Eq. 11).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SingleTaskModelAttribute : ModelAttribute
{
}

/// <summary>
/// One-gate Mixture-of-Experts (the OMoE baseline of Ma et al., KDD 2018): shared experts only and ONE softmax gate over
/// them, reading the input; the gate's weighted sum of the experts feeds every task's tower. One level.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OmoeModelAttribute : ModelAttribute
{
}

/// <summary>
/// Customized sharing (PLE paper, Fig. 1c: shared and task-specific parameters, no gates): one shared bottom network and
/// one bottom network per task, both over the input; a task's tower reads the concatenation of the shared bottom's output
/// and its own bottom's output. The shared bottom is the single shared expert (<see cref="SharedExpertsAttribute"/>, Count 1);
/// the task bottoms are one task expert per task (<see cref="TaskExpertsAttribute"/>, Count 1; Units default to the shared ones).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CustomizedSharingModelAttribute : ModelAttribute
{
}

/// <summary>
/// Asymmetric sharing (PLE paper, Fig. 1b): one bottom network per task over the input; a task's tower reads the fusion
/// (<see cref="Fusion"/>) of its own bottom's output and the bottom outputs of the tasks it depends on
/// (<see cref="TaskDependencyAttribute"/>; A may read B without B reading A). A task without dependencies reads its own
/// bottom only. Each task's bottom is one task expert (<see cref="TaskExpertsAttribute"/>, Count 1), its Units falling back
/// to <see cref="SharedExpertsAttribute"/>'s.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AsymmetricSharingModelAttribute : ModelAttribute
{
    /// <summary>How a task's own bottom output and those of the tasks it depends on are combined. Default <see cref="PleGen.Fusion.Concat"/>.</summary>
    public Fusion Fusion { get; set; } = Fusion.Concat;
}

/// <summary>
/// Cross-stitch networks (Misra et al., CVPR 2016): one column of layers per task over the input, the layers given by
/// <see cref="SharedExpertsAttribute"/>'s Units (Count 1); after every layer a cross-stitch unit mixes the columns
/// linearly, <c>x'_k = sum_j alpha_kj x_j</c>, with a learned alpha [tasks, tasks] per layer. Each tower reads its
/// column's last mix.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CrossStitchModelAttribute : ModelAttribute
{
    /// <summary>
    /// The initial alpha_kk of every unit, in [0, 1]; the rest of each row, 1 - SelfWeight, is spread evenly over the
    /// other tasks (so every row sums to 1). Default 0.9, the paper's (alpha_S, alpha_D) = (0.9, 0.1) for two tasks.
    /// </summary>
    public double SelfWeight { get; set; } = 0.9;
}

/// <summary>
/// Sluice networks (Ruder et al., "Latent Multi-task Architecture Learning", AAAI 2019; PLE Fig. 1g): one column of
/// layers per task over the input, the layers given by <see cref="SharedExpertsAttribute"/>'s Units (Count 1, every entry
/// the same width). Each layer's output is split into <see cref="Subspaces"/> subspaces; after every layer a learned
/// alpha [tasks * subspaces, tasks * subspaces] mixes every task's subspaces; each task's tower reads its beta mix,
/// a learned weighted sum of its column's layer outputs (after alpha). An optional penalty keeps the subspaces of every
/// layer orthogonal (<see cref="OrthogonalityWeight"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SluiceModelAttribute : ModelAttribute
{
    /// <summary>Subspaces per layer output, at least 1; every layer's width must divide by it. Default 2, the paper's.</summary>
    public int Subspaces { get; set; } = 2;

    /// <summary>
    /// The initial weight of every subspace on itself in every alpha unit, in [0, 1]; the rest of each row,
    /// 1 - SelfWeight, is spread evenly over the other tasks * subspaces - 1 subspaces. Default 0.9, as for cross-stitch.
    /// </summary>
    public double SelfWeight { get; set; } = 0.9;

    /// <summary>
    /// Weight of the orthogonality penalty in the joint loss: the sum over every layer of every column of
    /// sum_{s &lt; r} ||W_s W_r^T||_F^2, W_s the layer's weight rows of subspace s. At least 0; default 0 (off).
    /// </summary>
    public double OrthogonalityWeight { get; set; }
}
