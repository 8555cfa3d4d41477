using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PleGen.Runtime.Optim;

/// <summary>
/// Stochastic gradient descent as torch.optim.SGD (1.13): d = g + wd p; with momentum, buf = d on the parameter's
/// first step and buf = momentum buf + (1 - dampening) d afterwards, then d = d + momentum buf (Nesterov) or
/// d = buf; finally p -= lr d.
/// </summary>
public sealed class Sgd : Optimizer
{
    private static readonly StateBuffer[] MomentumState = [new("momentum_buffer")];

    /// <summary>SGD over <paramref name="parameters"/>; momentum, dampening, weight decay and Nesterov as in torch.optim.SGD (all off by default).</summary>
    public Sgd(IEnumerable<NamedTensor> parameters, double learningRate, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        RequireAtLeast(momentum, 0, nameof(momentum));
        if (!double.IsFinite(dampening))
        {
            throw new ArgumentOutOfRangeException(nameof(dampening), dampening, "dampening must be a finite number.");
        }

        RequireAtLeast(weightDecay, 0, nameof(weightDecay));
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException($"Nesterov momentum requires momentum > 0 and dampening = 0 (as in PyTorch); got momentum {momentum}, dampening {dampening}.", nameof(nesterov));
        }

        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
    }

    /// <summary>Momentum factor (0: plain SGD).</summary>
    public double Momentum { get; }

    /// <summary>Dampening of the momentum buffer's update.</summary>
    public double Dampening { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public double WeightDecay { get; }

    /// <summary>Nesterov momentum (needs momentum &gt; 0 and dampening 0).</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<StateBuffer> StateBuffers => Momentum != 0 ? MomentumState : [];

    // PyTorch's SGD keeps no step count.
    /// <inheritdoc />
    protected override bool ExposesStepCount => false;

    /// <inheritdoc />
    protected override void Update(ParameterState state, Span<float> value, ReadOnlySpan<float> gradient)
    {
        var rule = new SgdRule((float)WeightDecay, (float)Momentum, (float)(1 - Dampening), (float)-LearningRate, Nesterov, Momentum != 0, firstStep: state.Steps == 1);
        FusedUpdate.Apply(rule, value, gradient, Momentum != 0 ? state.Buffer(0) : default);
    }

    /// <summary>
    /// Per element, in PyTorch's order: d = g + wd p; buf = d (first step) or momentum buf + (1 - dampening) d;
    /// d = d + momentum buf (Nesterov) or buf; p += -lr d.
    /// </summary>
    private readonly struct SgdRule(float weightDecay, float momentum, float oneMinusDampening, float negativeRate, bool nesterov, bool hasMomentum, bool firstStep)
        : IFusedUpdateRule
    {
        private readonly bool _l2 = weightDecay != 0f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Update(Vector<float> value, Vector<float> gradient, ref Vector<float> buffer, ref Vector<float> unused1, ref Vector<float> unused2)
        {
            Vector<float> d = _l2 ? gradient + (value * weightDecay) : gradient;
            if (hasMomentum)
            {
                buffer = firstStep ? d : (buffer * momentum) + (d * oneMinusDampening);
                d = nesterov ? d + (buffer * momentum) : buffer;
            }

            return value + (d * negativeRate);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Update(float value, float gradient, ref float buffer, ref float unused1, ref float unused2)
        {
            float d = _l2 ? gradient + (value * weightDecay) : gradient;
            if (hasMomentum)
            {
                buffer = firstStep ? d : (buffer * momentum) + (d * oneMinusDampening);
                d = nesterov ? d + (buffer * momentum) : buffer;
            }

            return value + (d * negativeRate);
        }
    }
}
