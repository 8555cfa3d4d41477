using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PleGen.Runtime.Optim;

/// <summary>
/// Adam as torch.optim.Adam (1.13), with L2 weight decay added to the gradient and optional AMSGrad;
/// <see cref="AdamW"/> decouples the decay. Per parameter, at its own step t:
/// m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; (AMSGrad: v_max = max(v_max, v), used instead of v);
/// p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
/// </summary>
public class Adam : Optimizer
{
    private static readonly StateBuffer[] MomentState = [new("exp_avg"), new("exp_avg_sq")];
    private static readonly StateBuffer[] AmsGradState = [new("exp_avg"), new("exp_avg_sq"), new("max_exp_avg_sq")];

    /// <summary>Adam over <paramref name="parameters"/> with PyTorch's defaults (lr 1e-3, betas 0.9 and 0.999, eps 1e-8, no weight decay).</summary>
    public Adam(IEnumerable<NamedTensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0, bool amsGrad = false)
        : base(parameters, learningRate)
    {
        RequireFraction(beta1, nameof(beta1));
        RequireFraction(beta2, nameof(beta2));
        RequireAtLeast(epsilon, 0, nameof(epsilon));
        RequireAtLeast(weightDecay, 0, nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        AmsGrad = amsGrad;
    }

    /// <summary>Decay of the first-moment average (PyTorch betas[0]).</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second-moment average (PyTorch betas[1]).</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Epsilon { get; }

    /// <summary>L2 penalty added to the gradient (Adam) or decoupled decay of the parameter (AdamW).</summary>
    public double WeightDecay { get; }

    /// <summary>Uses the running maximum of the second moment (AMSGrad).</summary>
    public bool AmsGrad { get; }

    /// <summary>True for AdamW: the decay multiplies the parameter instead of joining the gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    /// <inheritdoc />
    protected override IReadOnlyList<StateBuffer> StateBuffers => AmsGrad ? AmsGradState : MomentState;

    /// <inheritdoc />
    protected override void Update(ParameterState state, Span<float> value, ReadOnlySpan<float> gradient)
    {
        // Bias corrections in double from the parameter's own step, as PyTorch computes them in Python.
        int step = state.Steps;
        bool decoupled = DecoupledWeightDecay;
        var rule = new AdamRule(
            l2Penalty: decoupled ? 0f : (float)WeightDecay,
            decayFactor: decoupled ? (float)(1 - (LearningRate * WeightDecay)) : 1f,
            (float)Beta1, (float)(1 - Beta1), (float)Beta2, (float)(1 - Beta2),
            secondMomentCorrection: (float)Math.Sqrt(1 - Math.Pow(Beta2, step)),
            (float)Epsilon,
            negativeStepSize: (float)-(LearningRate / (1 - Math.Pow(Beta1, step))),
            AmsGrad);
        FusedUpdate.Apply(rule, value, gradient, state.Buffer(0), state.Buffer(1), AmsGrad ? state.Buffer(2) : default);
    }

    /// <summary>
    /// Per element, in PyTorch's order: g += wd p (L2); p *= 1 - lr wd (decoupled); m = b1 m + (1 - b1) g;
    /// v = b2 v + (1 - b2) g g; v_max = max(v_max, v) (AMSGrad); p += -step_size m / (sqrt(v) / c2 + eps).
    /// </summary>
    private readonly struct AdamRule : IFusedUpdateRule
    {
        private readonly float _l2Penalty, _decayFactor, _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _correction, _epsilon, _negativeStep;
        private readonly bool _l2, _decay, _amsGrad;

        // 1 - beta comes in computed in double, as PyTorch computes it in Python (1f - 0.999f is off by 5e-5 relative).
        public AdamRule(float l2Penalty, float decayFactor, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float secondMomentCorrection, float epsilon, float negativeStepSize, bool amsGrad)
        {
            (_l2Penalty, _decayFactor, _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2) = (l2Penalty, decayFactor, beta1, oneMinusBeta1, beta2, oneMinusBeta2);
            (_correction, _epsilon, _negativeStep) = (secondMomentCorrection, epsilon, negativeStepSize);
            (_l2, _decay, _amsGrad) = (l2Penalty != 0f, decayFactor != 1f, amsGrad);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Update(Vector<float> value, Vector<float> gradient, ref Vector<float> m, ref Vector<float> v, ref Vector<float> vMax)
        {
            if (_l2)
            {
                gradient += value * _l2Penalty;
            }

            if (_decay)
            {
                value *= _decayFactor;
            }

            m = (m * _beta1) + (gradient * _oneMinusBeta1);
            v = (v * _beta2) + (_oneMinusBeta2 * gradient * gradient);
            Vector<float> second = v;
            if (_amsGrad)
            {
                second = vMax = Vector.Max(vMax, v);
            }

            return value + (_negativeStep * (m / ((Vector.SquareRoot(second) / _correction) + new Vector<float>(_epsilon))));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float Update(float value, float gradient, ref float m, ref float v, ref float vMax)
        {
            if (_l2)
            {
                gradient += value * _l2Penalty;
            }

            if (_decay)
            {
                value *= _decayFactor;
            }

            m = (m * _beta1) + (gradient * _oneMinusBeta1);
            v = (v * _beta2) + (_oneMinusBeta2 * gradient * gradient);
            float second = v;
            if (_amsGrad)
            {
                second = vMax = MathF.Max(vMax, v);
            }

            return value + (_negativeStep * (m / ((MathF.Sqrt(second) / _correction) + _epsilon)));
        }
    }
}
