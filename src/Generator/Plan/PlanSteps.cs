namespace PleGen.Generator.Plan;

// The forward pass as ordered steps over named values. A renderer walks the steps in order and writes one statement
// (or a few) per step; it never needs to know the architecture.

/// <summary>A value of the forward pass: its local name, what it is (for the summary's "Reads" column) and its width.</summary>
internal sealed record PlanValue(string Name, string Description, int Width);

/// <summary>One step of the forward pass. <see cref="Section"/> groups steps under a comment ("Level 0", "Towers").</summary>
internal abstract record PlanStep(string Section)
{
    /// <summary>The modules whose parameters the step uses.</summary>
    public abstract IEnumerable<PlanModule> Modules { get; }

    /// <summary>The values the step computes (each a local of the forward pass).</summary>
    public abstract IEnumerable<PlanValue> Produces { get; }
}

/// <summary>The input vector: dense features as they are and embedded categorical features, concatenated in declaration order.</summary>
internal sealed record InputStep(string Section, PlanValue Output, EquatableArray<InputPart> Parts) : PlanStep(Section)
{
    public IEnumerable<EmbeddingModule> Embeddings => Parts.Where(p => p.Embedding is not null).Select(p => p.Embedding!);

    public override IEnumerable<PlanModule> Modules => Embeddings;

    public override IEnumerable<PlanValue> Produces => new[] { Output };
}

/// <summary>One feature's slice of the input vector; <see cref="Embedding"/> is set for a categorical feature.</summary>
internal sealed record InputPart(int Feature, EmbeddingModule? Embedding);

/// <summary>An expert bank over <see cref="Input"/>: [batch, experts, units].</summary>
internal sealed record ExpertBankStep(string Section, PlanValue Output, PlanValue Input, ExpertBankModule Bank) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Bank };

    public override IEnumerable<PlanValue> Produces => new[] { Output };
}

/// <summary>
/// A gate: softmax of a linear layer over <see cref="Selector"/> gives <see cref="Weights"/> [batch, fan-in]; their
/// weighted sum of the experts of <see cref="Banks"/> (in order) is <see cref="Output"/> [batch, units].
/// </summary>
internal sealed record GateStep(string Section, PlanValue Weights, PlanValue Output, PlanValue Selector, GateModule Gate, EquatableArray<PlanValue> Banks) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Gate };

    public override IEnumerable<PlanValue> Produces => new[] { Weights, Output };
}

/// <summary>A bottom network over <see cref="Input"/>: [batch, units].</summary>
internal sealed record BottomStep(string Section, PlanValue Output, PlanValue Input, MlpModule Network) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Network };

    public override IEnumerable<PlanValue> Produces => new[] { Output };
}

/// <summary>
/// A fusion of values without parameters: <see cref="Inputs"/> side by side (concatenation, [batch, sum of widths]) or
/// their element-wise sum or mean ([batch, width], one width for all).
/// </summary>
internal sealed record FusionStep(string Section, PlanValue Output, EquatableArray<PlanValue> Inputs, FusionValue Kind) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => Enumerable.Empty<PlanModule>();

    public override IEnumerable<PlanValue> Produces => new[] { Output };
}

/// <summary>One layer of a task's column over <see cref="Input"/>: [batch, units].</summary>
internal sealed record LayerStep(string Section, PlanValue Output, PlanValue Input, LinearModule Layer) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Layer };

    public override IEnumerable<PlanValue> Produces => new[] { Output };
}

/// <summary>A cross-stitch unit: output k is sum_j alpha[k, j] * input j, every input and output [batch, width].</summary>
internal sealed record CrossStitchStep(string Section, EquatableArray<PlanValue> Outputs, EquatableArray<PlanValue> Inputs, CrossStitchModule Unit) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Unit };

    public override IEnumerable<PlanValue> Produces => Outputs;
}

/// <summary>
/// A sluice network's alpha unit: every input (one column per task, [batch, width]) split into the unit's subspaces;
/// subspace s of output k is sum_{j, r} alpha[k * S + s, j * S + r] * subspace r of input j. Every output [batch, width].
/// </summary>
internal sealed record SubspaceMixStep(string Section, EquatableArray<PlanValue> Outputs, EquatableArray<PlanValue> Inputs, SubspaceMixModule Unit) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Unit };

    public override IEnumerable<PlanValue> Produces => Outputs;
}

/// <summary>A sluice network's beta unit: one task's sum_l beta[l] * input l over its column's layer outputs, [batch, width].</summary>
internal sealed record LayerMixStep(string Section, PlanValue Output, EquatableArray<PlanValue> Inputs, LayerMixModule Mix) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Mix };

    public override IEnumerable<PlanValue> Produces => new[] { Output };
}

/// <summary>Task <see cref="Task"/>'s tower over <see cref="Input"/>: its logit or value [batch].</summary>
internal sealed record TowerStep(string Section, PlanValue Output, PlanValue Input, int Task, MlpModule Network) : PlanStep(Section)
{
    public override IEnumerable<PlanModule> Modules => new[] { Network };

    public override IEnumerable<PlanValue> Produces => new[] { Output };
}

/// <summary>How a task's loss is computed.</summary>
internal enum LossKind
{
    /// <summary>Binary cross-entropy on the logit.</summary>
    BinaryCrossEntropy,

    /// <summary>Mean squared error of the value.</summary>
    MeanSquaredError,
}

/// <summary>One term of the joint loss.</summary>
internal abstract record LossTerm;

/// <summary>Task <see cref="Task"/>'s term: w0 * gamma^epoch * L_k (PLE Eq. 10), L_k averaged over the task's sample space when masked (Eq. 9).</summary>
internal sealed record TaskLossTerm(int Task, LossKind Kind, bool Masked, double Weight, double Decay) : LossTerm
{
    /// <summary>Whether the weight changes with the epoch.</summary>
    public bool Decays => Decay != 1.0;
}

/// <summary>
/// A sluice network's orthogonality penalty, <see cref="Weight"/> times the sum over <see cref="Layers"/> of
/// sum_{s &lt; r} ||W_s W_r^T||_F^2, W_s the rows of a layer's weight that compute subspace s (of <see cref="Subspaces"/>).
/// </summary>
internal sealed record OrthogonalityLossTerm(double Weight, int Subspaces, EquatableArray<LinearModule> Layers) : LossTerm;
