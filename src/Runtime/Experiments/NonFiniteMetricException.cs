using System;
using System.Globalization;

namespace PleGen.Runtime.Experiments;

/// <summary>A trained model's test metric is NaN or infinite: the model diverged, and its run is a failure, not a result.</summary>
public sealed class NonFiniteMetricException : ArithmeticException
{
    /// <summary>Creates the exception for <paramref name="task"/>'s metric <paramref name="value"/>.</summary>
    public NonFiniteMetricException(string task, double value)
        : base(string.Create(CultureInfo.InvariantCulture, $"the test metric of task '{task}' is {value}: the model diverged; try a lower learning rate"))
    {
        Task = task;
        Value = value;
    }

    /// <summary>The task whose metric is not finite.</summary>
    public string Task { get; }

    /// <summary>The metric's value.</summary>
    public double Value { get; }
}
