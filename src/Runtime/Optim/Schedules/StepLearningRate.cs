using System;

namespace PleGen.Runtime;

/// <summary>torch.optim.lr_scheduler.StepLR stepped per epoch: lr0 * gamma^floor(epoch / step_size).</summary>
public sealed class StepLearningRate : ILearningRateSchedule
{
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

    public int StepSize { get; }

    public double Gamma { get; }

    public double LearningRate(int epoch, double initialLearningRate)
        => initialLearningRate * Math.Pow(Gamma, LearningRateSchedules.RequireEpoch(epoch) / StepSize);
}
