using System;

namespace PleGen.Runtime.Optim;

/// <summary>One parameter's optimizer state: its own step count and its buffers (allocated once).</summary>
public sealed class ParameterState
{
    private readonly Tensor[] _buffers;
    private readonly Tensor? _stepCount;

    internal ParameterState(string parameterName, Tensor[] buffers, Tensor? stepCount)
    {
        ParameterName = parameterName;
        _buffers = buffers;
        _stepCount = stepCount;
    }

    /// <summary>The parameter this state belongs to.</summary>
    public string ParameterName { get; }

    /// <summary>Steps this parameter has taken, counting the current one (1 on its first update).</summary>
    public int Steps { get; private set; }

    /// <summary>Buffer <paramref name="index"/> in the order of the optimizer's state buffers.</summary>
    public Span<float> Buffer(int index) => _buffers[index].Data;

    internal void Advance()
    {
        Steps++;
        if (_stepCount is not null)
        {
            _stepCount.Data[0] = Steps;
        }
    }
}
