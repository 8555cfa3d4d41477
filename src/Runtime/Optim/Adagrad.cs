using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PleGen.Runtime.Optim;

/// <summary>
/// Adagrad as torch.optim.Adagrad (1.13): g += wd p; clr = lr / (1 + (t - 1) lr_decay) at the parameter's own
/// step t; sum += g^2; p -= clr g / (sqrt(sum) + eps). As in PyTorch, every parameter's state (the sum, starting
/// at initial_accumulator_value) exists from construction.
/// </summary>
public sealed class Adagrad : Optimizer
{
    private readonly StateBuffer[] _stateBuffers;

    /// <summary>Adagrad over <paramref name="parameters"/> with PyTorch's defaults (lr 1e-2, no decay, accumulator 0, eps 1e-10).</summary>
    public Adagrad(IEnumerable<NamedTensor> parameters, double learningRate = 1e-2, double learningRateDecay = 0, double weightDecay = 0, double initialAccumulatorValue = 0, double epsilon = 1e-10)
        : base(parameters, learningRate)
    {
        RequireAtLeast(learningRateDecay, 0, nameof(learningRateDecay));
        RequireAtLeast(weightDecay, 0, nameof(weightDecay));
        RequireAtLeast(initialAccumulatorValue, 0, nameof(initialAccumulatorValue));
        RequireAtLeast(epsilon, 0, nameof(epsilon));
        LearningRateDecay = learningRateDecay;
        WeightDecay = weightDecay;
        InitialAccumulatorValue = initialAccumulatorValue;
        Epsilon = epsilon;
        _stateBuffers = [new("sum", (float)initialAccumulatorValue)];
        CreateAllStates();
    }

    /// <summary>lr / (1 + (t - 1) lr_decay) at the parameter's step t.</summary>
    public double LearningRateDecay { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>Starting value of the sum of squared gradients.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<StateBuffer> StateBuffers => _stateBuffers;

    /// <inheritdoc />
    protected override void Update(ParameterState state, Span<float> value, ReadOnlySpan<float> gradient)
    {
        float negativeRate = (float)-(LearningRate / (1 + ((state.Steps - 1) * LearningRateDecay)));
        FusedUpdate.Apply(new AdagradRule((float)WeightDecay, (float)Epsilon, negativeRate), value, gradient, state.Buffer(0));
    }

    /// <summary>Per element, in PyTorch's order: g += wd p; sum += g g; p += -clr g / (sqrt(sum) + eps).</summary>
    private readonly struct AdagradRule(float weightDecay, float epsilon, float negativeRate) : IFusedUpdateRule
    {
        private readonly bool _l2 = weightDecay != 0f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Update(Vector<float> value, Vector<float> gradient, ref Vector<float> sum, ref Vector<float> unused1, ref Vector<float> unused2)
        {
            if (_l2)
            {
                gradient += value * weightDecay;
            }

            sum += gradient * gradient;
            return value + (negativeRate * (gradient / (Vector.SquareRoot(sum) + new Vector<float>(epsilon))));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Update(float value, float gradient, ref float sum, ref float unused1, ref float unused2)
        {
            if (_l2)
            {
                gradient += value * weightDecay;
            }

            sum += gradient * gradient;
            return value + (negativeRate * (gradient / (MathF.Sqrt(sum) + epsilon)));
        }
    }
}
