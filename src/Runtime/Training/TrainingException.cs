using System;

namespace PleGen.Runtime.Training;

/// <summary>
/// Training stopped because something failed (the <see cref="Exception.InnerException"/>): a step, a validation, the
/// progress callback, the learning-rate schedule or the best checkpoint. Fit has left the model in a defined state, and the
/// message says which: evaluation mode, with the best parameters so far restored when an epoch had been validated
/// (<see cref="BestParametersRestored"/>), else with the parameters the failure left. <see cref="History"/> holds the epochs
/// that completed.
/// </summary>
public sealed class TrainingException : Exception
{
    /// <summary>A failure during <c>Fit</c>; the model is left in evaluation mode with the best parameters so far when <paramref name="bestParametersRestored"/>.</summary>
    public TrainingException(string message, Exception inner, TrainingHistory history, bool bestParametersRestored)
        : base(message, inner)
    {
        History = history;
        BestParametersRestored = bestParametersRestored;
    }

    /// <summary>The completed epochs, and the best of them (BestEpoch -1 when none was validated).</summary>
    public TrainingHistory History { get; }

    /// <summary>Whether the model holds the best epoch's parameters (false: those the failure left).</summary>
    public bool BestParametersRestored { get; }
}
