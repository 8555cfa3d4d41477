using System;
using System.Collections.Generic;

namespace PleGen.Runtime;

/// <summary>
/// Adam as torch.optim.Adam (1.13, single-tensor path), with L2 weight decay added to the gradient and optional
/// AMSGrad; <see cref="AdamW"/> decouples the decay. Update order and bias corrections follow PyTorch:
/// m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
/// </summary>
public class Adam : Optimizer
{
    public Adam(IEnumerable<NamedTensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0, bool amsGrad = false)
        : base(parameters, learningRate)
    {
        RequireInRange(beta1, 0, 1 - 1e-12, nameof(beta1));
        RequireInRange(beta2, 0, 1 - 1e-12, nameof(beta2));
        RequireInRange(epsilon, 0, double.MaxValue, nameof(epsilon));
        RequireInRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        AmsGrad = amsGrad;
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    public double WeightDecay { get; }

    public bool AmsGrad { get; }

    /// <summary>True for AdamW: decay multiplies the parameter instead of joining the gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    protected override void Update(NamedTensor parameter, Span<float> value, Span<float> gradient)
    {
        Span<float> m = StateOf("exp_avg", parameter);
        Span<float> v = StateOf("exp_avg_sq", parameter);
        Span<float> vMax = AmsGrad ? StateOf("max_exp_avg_sq", parameter) : Span<float>.Empty;
        int step = StepCount;
        float b1 = (float)Beta1, b2 = (float)Beta2, oneMinusB1 = (float)(1 - Beta1), oneMinusB2 = (float)(1 - Beta2);
        float wd = (float)WeightDecay;
        double biasCorrection1 = 1 - Math.Pow(Beta1, step);
        double biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, step));
        float stepSize = (float)(LearningRate / biasCorrection1);
        float correction = (float)biasCorrection2Sqrt;
        float eps = (float)Epsilon;
        float decay = (float)(1 - (LearningRate * WeightDecay));

        for (int i = 0; i < value.Length; i++)
        {
            float g = gradient[i];
            if (wd != 0)
            {
                if (DecoupledWeightDecay)
                {
                    value[i] *= decay;
                }
                else
                {
                    g += wd * value[i];
                }
            }

            m[i] = (m[i] * b1) + (g * oneMinusB1);
            v[i] = (v[i] * b2) + (g * g * oneMinusB2);
            float second = v[i];
            if (AmsGrad)
            {
                vMax[i] = MathF.Max(vMax[i], v[i]);
                second = vMax[i];
            }

            float denominator = (MathF.Sqrt(second) / correction) + eps;
            value[i] -= stepSize * (m[i] / denominator);
        }
    }
}

/// <summary>AdamW as torch.optim.AdamW: p *= 1 - lr * weight_decay, then the Adam step without L2 (default decay 0.01).</summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<NamedTensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01, bool amsGrad = false)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay, amsGrad)
    {
    }

    protected override bool DecoupledWeightDecay => true;
}
