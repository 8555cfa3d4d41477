namespace PleGen.Runtime.Optim;

/// <summary>
/// A learning-rate schedule. The trainer sets the optimizer's <see cref="Optimizer.LearningRate"/> from it at the
/// start of every epoch and may also ask before every optimizer step; schedules that change only per epoch (like
/// PyTorch's StepLR, ExponentialLR and CosineAnnealingLR stepped once per epoch) keep the per-step default.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for 0-based <paramref name="epoch"/>, given the optimizer's initial rate.</summary>
    double LearningRate(int epoch, double initialLearningRate);

    /// <summary>
    /// The learning rate for batch <paramref name="batch"/> (0-based) of <paramref name="batchesPerEpoch"/> in
    /// <paramref name="epoch"/>; by default the epoch's rate.
    /// </summary>
    double LearningRate(int epoch, int batch, int batchesPerEpoch, double initialLearningRate) => LearningRate(epoch, initialLearningRate);
}
