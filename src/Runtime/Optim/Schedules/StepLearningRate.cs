using System;

namespace PleGen.Runtime.Optim;

/// <summary>torch.optim.lr_scheduler.StepLR stepped per epoch: lr0 * gamma^floor(epoch / step_size).</summary>
public sealed class StepLearningRate : ILearningRateSchedule
{
    /// <summary>Multiplies the rate by <paramref name="gamma"/> every <paramref name="stepSize"/> epochs (torch StepLR).</summary>
    public StepLearningRate(int stepSize, double gamma = 0.1)
    {
        if (stepSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "The step size must be at least 1 epoch.");
        }

        LearningRateSchedules.RequireFinite(gamma, nameof(gamma));
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Epochs between two decays.</summary>
    public int StepSize { get; }

    /// <summary>The factor per decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public double LearningRate(int epoch, double initialLearningRate)
        => initialLearningRate * Math.Pow(Gamma, LearningRateSchedules.RequireEpoch(epoch) / StepSize);
}
