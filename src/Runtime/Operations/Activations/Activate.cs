using System;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>max(0, x), element-wise; same shape.</summary>
    public static Tensor Relu(Tensor x) => Activate(x, Activation.Relu);

    /// <summary>1 / (1 + exp(-x)), element-wise; same shape.</summary>
    public static Tensor Sigmoid(Tensor x) => Activate(x, Activation.Sigmoid);

    /// <summary>Hyperbolic tangent, element-wise; same shape.</summary>
    public static Tensor Tanh(Tensor x) => Activate(x, Activation.Tanh);

    /// <summary>The given non-linearity, element-wise; same shape (what a hidden layer applies).</summary>
    public static Tensor Activate(Tensor x, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor y = Tensor.CreateLike(x, clear: false);
        ActivationMath.Forward(activation, x.Data, y.Data);
        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new ActivationNode(activation, x));
        }

        return y;
    }

    private sealed class ActivationNode(Activation activation, Tensor x) : BackwardNode(ActivationMath.Name(activation))
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        public override void Backward(Tensor y) => ActivationMath.AccumulateGradient(activation, y.Data, y.Grad, x.Grad);
    }
}
