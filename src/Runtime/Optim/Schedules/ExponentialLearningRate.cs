using System;

namespace PleGen.Runtime.Optim;

/// <summary>torch.optim.lr_scheduler.ExponentialLR stepped per epoch: lr0 * gamma^epoch.</summary>
public sealed class ExponentialLearningRate : ILearningRateSchedule
{
    /// <summary>Multiplies the rate by <paramref name="gamma"/> every epoch (torch ExponentialLR).</summary>
    public ExponentialLearningRate(double gamma)
    {
        LearningRateSchedules.RequireFinite(gamma, nameof(gamma));
        Gamma = gamma;
    }

    /// <summary>The factor per epoch.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public double LearningRate(int epoch, double initialLearningRate)
        => initialLearningRate * Math.Pow(Gamma, LearningRateSchedules.RequireEpoch(epoch));
}
