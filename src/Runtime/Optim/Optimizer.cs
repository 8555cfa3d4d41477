using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Runtime;

/// <summary>
/// Base of the optimizers: a fixed list of named parameters, a settable learning rate, per-parameter state
/// allocated on the first step (so later steps allocate nothing) and exposed by name for checkpoints.
/// Parameters without a gradient are skipped, as PyTorch skips those whose grad is None.
/// </summary>
public abstract class Optimizer
{
    private readonly Dictionary<string, Tensor> _state = new(StringComparer.Ordinal);

    protected Optimizer(IEnumerable<NamedTensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("An optimizer needs at least one parameter.", nameof(parameters));
        }

        var duplicate = Parameters.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Parameter name '{duplicate.Key}' appears twice; names must be unique.", nameof(parameters));
        }

        LearningRate = learningRate;
    }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<NamedTensor> Parameters { get; }

    /// <summary>The learning rate used by the next <see cref="Step"/> (schedules set it).</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be a finite number >= 0.");
            }

            _learningRate = value;
        }
    }

    private double _learningRate;

    /// <summary>Number of steps taken.</summary>
    public int StepCount { get; private set; }

    /// <summary>Optimizer state by name, e.g. <c>exp_avg.towers.income.0.weight</c>.</summary>
    public IReadOnlyDictionary<string, Tensor> State => _state;

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        foreach (NamedTensor p in Parameters)
        {
            if (p.Tensor.HasGrad)
            {
                Update(p, p.Tensor.Data, p.Tensor.Grad);
            }
        }
    }

    /// <summary>Zeroes every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (NamedTensor p in Parameters)
        {
            p.Tensor.ZeroGrad();
        }
    }

    /// <summary>Applies the update rule to one parameter.</summary>
    protected abstract void Update(NamedTensor parameter, Span<float> value, Span<float> gradient);

    /// <summary>The named state buffer of a parameter, created (filled with <paramref name="initial"/>) on first use.</summary>
    protected Span<float> StateOf(string kind, NamedTensor parameter, float initial = 0f)
    {
        string key = kind + "." + parameter.Name;
        if (!_state.TryGetValue(key, out Tensor? buffer))
        {
            var values = new float[parameter.Tensor.Length];
            if (initial != 0f)
            {
                values.AsSpan().Fill(initial);
            }

            buffer = new Tensor(parameter.Tensor.Shape, values);
            _state[key] = buffer;
        }

        return buffer.Data;
    }

    /// <summary>Whether a state buffer exists yet (SGD's momentum starts from the first gradient).</summary>
    protected bool HasState(string kind, NamedTensor parameter) => _state.ContainsKey(kind + "." + parameter.Name);

    protected static void RequireInRange(double value, double low, double high, string name)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{low}, {high}].");
        }
    }
}
