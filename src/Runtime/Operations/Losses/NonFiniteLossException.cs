using System;

namespace PleGen.Runtime.Operations;

/// <summary>A loss came out NaN or infinite: names the loss, the task and the first offending sample.</summary>
public sealed class NonFiniteLossException : ArithmeticException
{
    /// <summary>Creates the exception; <paramref name="sample"/> is the batch index of the first offending sample.</summary>
    public NonFiniteLossException(string message, string loss, string task, int sample)
        : base(message)
    {
        Loss = loss;
        Task = task;
        Sample = sample;
    }

    /// <summary>The loss function (e.g. BinaryCrossEntropyWithLogits).</summary>
    public string Loss { get; }

    /// <summary>The task whose loss is not finite.</summary>
    public string Task { get; }

    /// <summary>Index in the batch of the first sample whose term is not finite.</summary>
    public int Sample { get; }
}
