using System;

namespace PleGen.Runtime.Optim;

/// <summary>Argument checks shared by the schedules.</summary>
internal static class LearningRateSchedules
{
    public static int RequireEpoch(int epoch)
        => epoch >= 0 ? epoch : throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "Epochs count from 0.");

    public static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");
        }
    }
}
