using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Optim;

/// <summary>
/// Base of the optimizers, with torch.optim's semantics: a fixed list of named parameters, a settable learning
/// rate, and per-parameter state created the first time a parameter has a gradient (PyTorch skips parameters
/// whose grad is None, so a parameter's step count starts with its own first gradient). State is exposed as named
/// tensors (<c>exp_avg.{parameter}</c>, <c>step.{parameter}</c>, ...) for checkpoints. After each parameter's first
/// step, <see cref="Step"/> allocates nothing.
/// </summary>
public abstract class Optimizer
{
    private readonly NamedTensor[] _parameters;
    private readonly ParameterState?[] _states;
    private readonly Dictionary<string, Tensor> _stateByName = new(StringComparer.Ordinal);
    private double _learningRate;

    /// <summary>An optimizer over <paramref name="parameters"/> (unique names, each tensor once) at <paramref name="learningRate"/>.</summary>
    protected Optimizer(IEnumerable<NamedTensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        if (_parameters.Length == 0)
        {
            throw new ArgumentException("An optimizer needs at least one parameter; pass the model's Parameters.", nameof(parameters));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var tensors = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (NamedTensor p in _parameters)
        {
            if (string.IsNullOrEmpty(p.Name) || p.Tensor is null)
            {
                throw new ArgumentException($"Every parameter needs a name and a tensor; got name '{p.Name}' with {(p.Tensor is null ? "no tensor" : "a tensor")}.", nameof(parameters));
            }

            if (!names.Add(p.Name))
            {
                throw new ArgumentException($"Parameter name '{p.Name}' appears twice; names must be unique because they key the optimizer state.", nameof(parameters));
            }

            if (!tensors.Add(p.Tensor))
            {
                throw new ArgumentException($"Parameter '{p.Name}' is a tensor already listed under another name; it would be updated twice per step.", nameof(parameters));
            }
        }

        _states = new ParameterState?[_parameters.Length];
        LearningRate = learningRate;
    }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<NamedTensor> Parameters => _parameters;

    /// <summary>The learning rate used by the next <see cref="Step"/>; schedules set it between steps.</summary>
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

    /// <summary>Number of <see cref="Step"/> calls (each parameter also counts its own steps, see <c>step.{name}</c>).</summary>
    public int StepCount { get; private set; }

    /// <summary>Optimizer state by name, e.g. <c>exp_avg.towers.income.0.weight</c>; live buffers, not copies.</summary>
    public IReadOnlyDictionary<string, Tensor> State => _stateByName;

    /// <summary>Updates every parameter that has a gradient, in order.</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < _parameters.Length; i++)
        {
            Tensor tensor = _parameters[i].Tensor;
            if (!tensor.HasGrad)
            {
                continue;
            }

            ParameterState state = _states[i] ??= CreateState(i);
            state.Advance();
            Update(state, tensor.Data, tensor.Grad);
        }
    }

    /// <summary>Zeroes every parameter's gradient (keeping the buffers, so the next backward allocates nothing).</summary>
    public void ZeroGrad()
    {
        foreach (NamedTensor p in _parameters)
        {
            p.Tensor.ZeroGrad();
        }
    }

    /// <summary>The state buffers each parameter gets, in the order <see cref="ParameterState.Buffer"/> indexes them.</summary>
    protected abstract IReadOnlyList<StateBuffer> StateBuffers { get; }

    /// <summary>Whether the per-parameter step count is part of the state, as in PyTorch's Adam and Adagrad (not SGD).</summary>
    protected virtual bool ExposesStepCount => true;

    /// <summary>Applies the update rule to one parameter; <paramref name="state"/> already counts this step.</summary>
    protected abstract void Update(ParameterState state, Span<float> value, ReadOnlySpan<float> gradient);

    /// <summary>Creates every parameter's state now instead of at its first gradient (PyTorch's Adagrad does this).</summary>
    protected void CreateAllStates()
    {
        for (int i = 0; i < _parameters.Length; i++)
        {
            _states[i] ??= CreateState(i);
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and at least <paramref name="low"/> (as PyTorch checks its hyper-parameters).</summary>
    protected static void RequireAtLeast(double value, double low, string name)
    {
        if (!(value >= low) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= {low}, but is {value}.");
        }
    }

    /// <summary>Throws unless 0 &lt;= <paramref name="value"/> &lt; 1 (Adam's betas).</summary>
    protected static void RequireFraction(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1), but is {value}.");
        }
    }

    private ParameterState CreateState(int index)
    {
        NamedTensor parameter = _parameters[index];
        IReadOnlyList<StateBuffer> kinds = StateBuffers;
        var buffers = new Tensor[kinds.Count];
        for (int k = 0; k < buffers.Length; k++)
        {
            var values = new float[parameter.Tensor.Length];
            if (kinds[k].Initial != 0f)
            {
                values.AsSpan().Fill(kinds[k].Initial);
            }

            buffers[k] = new Tensor(parameter.Tensor.Shape, values);
            _stateByName.Add(kinds[k].Kind + "." + parameter.Name, buffers[k]);
        }

        Tensor? stepCount = null;
        if (ExposesStepCount)
        {
            // A 0-dim float tensor, as PyTorch 1.13 keeps state['step'].
            stepCount = new Tensor([], new float[1]);
            _stateByName.Add("step." + parameter.Name, stepCount);
        }

        return new ParameterState(parameter.Name, buffers, stepCount);
    }
}
