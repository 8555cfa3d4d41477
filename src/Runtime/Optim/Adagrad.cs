using System;
using System.Collections.Generic;

namespace PleGen.Runtime;

/// <summary>
/// Adagrad as torch.optim.Adagrad: clr = lr / (1 + (t - 1) lr_decay); sum += g^2; p -= clr g / (sqrt(sum) + eps),
/// with L2 weight decay added to the gradient.
/// </summary>
public sealed class Adagrad : Optimizer
{
    public Adagrad(IEnumerable<NamedTensor> parameters, double learningRate = 1e-2, double learningRateDecay = 0, double weightDecay = 0, double initialAccumulatorValue = 0, double epsilon = 1e-10)
        : base(parameters, learningRate)
    {
        RequireInRange(learningRateDecay, 0, double.MaxValue, nameof(learningRateDecay));
        RequireInRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        RequireInRange(initialAccumulatorValue, 0, double.MaxValue, nameof(initialAccumulatorValue));
        LearningRateDecay = learningRateDecay;
        WeightDecay = weightDecay;
        InitialAccumulatorValue = initialAccumulatorValue;
        Epsilon = epsilon;
    }

    public double LearningRateDecay { get; }

    public double WeightDecay { get; }

    public double InitialAccumulatorValue { get; }

    public double Epsilon { get; }

    protected override void Update(NamedTensor parameter, Span<float> value, Span<float> gradient)
    {
        Span<float> sum = StateOf("sum", parameter, (float)InitialAccumulatorValue);
        float clr = (float)(LearningRate / (1 + ((StepCount - 1) * LearningRateDecay)));
        float wd = (float)WeightDecay, eps = (float)Epsilon;
        for (int i = 0; i < value.Length; i++)
        {
            float g = wd != 0 ? gradient[i] + (wd * value[i]) : gradient[i];
            sum[i] += g * g;
            value[i] -= clr * (g / (MathF.Sqrt(sum[i]) + eps));
        }
    }
}
