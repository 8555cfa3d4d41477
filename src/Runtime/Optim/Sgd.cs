using System;
using System.Collections.Generic;
using System.Numerics.Tensors;

namespace PleGen.Runtime;

/// <summary>Stochastic gradient descent as torch.optim.SGD (momentum, dampening, Nesterov, L2 weight decay).</summary>
public sealed class Sgd : Optimizer
{
    public Sgd(IEnumerable<NamedTensor> parameters, double learningRate, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        RequireInRange(momentum, 0, double.MaxValue, nameof(momentum));
        RequireInRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires momentum > 0 and dampening = 0 (as in PyTorch).");
        }

        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
    }

    public double Momentum { get; }

    public double Dampening { get; }

    public double WeightDecay { get; }

    public bool Nesterov { get; }

    protected override void Update(NamedTensor parameter, Span<float> value, Span<float> gradient)
    {
        // d_p = grad + wd * p, computed in a scratch of the state (the gradient itself is left untouched).
        Span<float> d = StateOf("d_p", parameter);
        gradient.CopyTo(d);
        if (WeightDecay != 0)
        {
            TensorPrimitives.MultiplyAdd(value, (float)WeightDecay, d, d);
        }

        if (Momentum != 0)
        {
            bool first = !HasState("momentum_buffer", parameter);
            Span<float> buffer = StateOf("momentum_buffer", parameter);
            if (first)
            {
                d.CopyTo(buffer);
            }
            else
            {
                // buf = momentum * buf + (1 - dampening) * d_p
                TensorPrimitives.Multiply(buffer, (float)Momentum, buffer);
                TensorPrimitives.MultiplyAdd(d, (float)(1 - Dampening), buffer, buffer);
            }

            if (Nesterov)
            {
                TensorPrimitives.MultiplyAdd(buffer, (float)Momentum, d, d);
            }
            else
            {
                buffer.CopyTo(d);
            }
        }

        TensorPrimitives.MultiplyAdd(d, (float)-LearningRate, value, value);
    }
}
