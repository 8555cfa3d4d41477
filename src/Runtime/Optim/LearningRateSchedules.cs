using System;

namespace PleGen.Runtime;

/// <summary>A learning-rate schedule: the trainer sets the optimizer's rate from it at the start of every epoch.</summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for 0-based <paramref name="epoch"/>, given the initial rate.</summary>
    double LearningRate(int epoch, double initialLearningRate);
}

/// <summary>torch.optim.lr_scheduler.StepLR: lr0 * gamma^floor(epoch / stepSize).</summary>
public sealed class StepLearningRate : ILearningRateSchedule
{
    public StepLearningRate(int stepSize, double gamma = 0.1)
    {
        if (stepSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "The step size must be at least 1 epoch.");
        }

        StepSize = stepSize;
        Gamma = gamma;
    }

    public int StepSize { get; }

    public double Gamma { get; }

    public double LearningRate(int epoch, double initialLearningRate) => initialLearningRate * Math.Pow(Gamma, epoch / StepSize);
}

/// <summary>torch.optim.lr_scheduler.ExponentialLR: lr0 * gamma^epoch.</summary>
public sealed class ExponentialLearningRate : ILearningRateSchedule
{
    public ExponentialLearningRate(double gamma) => Gamma = gamma;

    public double Gamma { get; }

    public double LearningRate(int epoch, double initialLearningRate) => initialLearningRate * Math.Pow(Gamma, epoch);
}

/// <summary>torch.optim.lr_scheduler.CosineAnnealingLR (closed form): eta_min + (lr0 - eta_min)(1 + cos(pi t / T_max)) / 2.</summary>
public sealed class CosineAnnealingLearningRate : ILearningRateSchedule
{
    public CosineAnnealingLearningRate(int maxEpochs, double minimum = 0)
    {
        if (maxEpochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpochs), maxEpochs, "T_max must be at least 1 epoch.");
        }

        MaxEpochs = maxEpochs;
        Minimum = minimum;
    }

    public int MaxEpochs { get; }

    public double Minimum { get; }

    public double LearningRate(int epoch, double initialLearningRate)
        => Minimum + ((initialLearningRate - Minimum) * (1 + Math.Cos(Math.PI * epoch / MaxEpochs)) / 2);
}
