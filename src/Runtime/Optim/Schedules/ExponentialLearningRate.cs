using System;

namespace PleGen.Runtime;

/// <summary>torch.optim.lr_scheduler.ExponentialLR stepped per epoch: lr0 * gamma^epoch.</summary>
public sealed class ExponentialLearningRate : ILearningRateSchedule
{
    public ExponentialLearningRate(double gamma)
    {
        LearningRateSchedules.RequireFinite(gamma, nameof(gamma));
        Gamma = gamma;
    }

    public double Gamma { get; }

    public double LearningRate(int epoch, double initialLearningRate)
        => initialLearningRate * Math.Pow(Gamma, LearningRateSchedules.RequireEpoch(epoch));
}
