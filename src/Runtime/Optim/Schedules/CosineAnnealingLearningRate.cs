using System;

namespace PleGen.Runtime.Optim;

/// <summary>
/// torch.optim.lr_scheduler.CosineAnnealingLR stepped per epoch, in closed form:
/// eta_min + (lr0 - eta_min) (1 + cos(pi epoch / T_max)) / 2. Like PyTorch's, the curve rises again after T_max
/// (period 2 T_max); PyTorch's recursive update gives the same values up to rounding.
/// </summary>
public sealed class CosineAnnealingLearningRate : ILearningRateSchedule
{
    /// <summary>Anneals from the initial rate to <paramref name="minimum"/> over <paramref name="maxEpochs"/> epochs (torch CosineAnnealingLR, T_max = maxEpochs).</summary>
    public CosineAnnealingLearningRate(int maxEpochs, double minimum = 0)
    {
        if (maxEpochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpochs), maxEpochs, "T_max must be at least 1 epoch.");
        }

        LearningRateSchedules.RequireFinite(minimum, nameof(minimum));
        MaxEpochs = maxEpochs;
        Minimum = minimum;
    }

    /// <summary>T_max: epochs from the initial rate down to <see cref="Minimum"/>.</summary>
    public int MaxEpochs { get; }

    /// <summary>eta_min.</summary>
    public double Minimum { get; }

    /// <inheritdoc />
    public double LearningRate(int epoch, double initialLearningRate)
        => Minimum + ((initialLearningRate - Minimum) * (1 + Math.Cos(Math.PI * LearningRateSchedules.RequireEpoch(epoch) / MaxEpochs)) / 2);
}
