namespace PleGen.Runtime.Operations;

/// <summary>
/// The per-task losses of the joint objective. Each averages one term per sample over the samples in the task's
/// sample space: with a 0/1 <c>mask</c> (PLE Eq. 9) the mean runs over masked-in samples only (masked-out samples,
/// whose labels may be missing or NaN, are ignored entirely), and a batch with no masked-in sample gives 0 with a
/// zero gradient. Predictions, targets and mask hold one value per sample: [batch] or [batch, 1]. Targets and mask
/// are constants (they get no gradient). A NaN or infinite term of a masked-in sample throws
/// <see cref="NonFiniteLossException"/> naming the loss, the task and the first such sample.
/// </summary>
public static class LossFunctions
{
    /// <summary>
    /// Binary cross-entropy on logits, PyTorch's <c>binary_cross_entropy_with_logits</c>, per sample computed stably as
    /// <c>max(x, 0) - x*y + log(1 + exp(-|x|))</c> (no overflow for large |x|); targets in [0, 1]. Returns a scalar.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Tensor? mask = null, string task = "task")
        => MaskedMeanLoss.Compute(MaskedMeanLoss.Kind.BinaryCrossEntropyWithLogits, logits, targets, mask, task);

    /// <summary>Mean squared error, per sample <c>(x - y)^2</c>, PyTorch's <c>mse_loss</c>. Returns a scalar.</summary>
    public static Tensor MeanSquaredError(Tensor predictions, Tensor targets, Tensor? mask = null, string task = "task")
        => MaskedMeanLoss.Compute(MaskedMeanLoss.Kind.MeanSquaredError, predictions, targets, mask, task);
}
