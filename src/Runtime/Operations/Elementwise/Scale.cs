using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>x * factor for a constant factor (e.g. a task's loss weight); same shape.</summary>
    public static Tensor Scale(Tensor x, float factor)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor y = Tensor.CreateLike(x, clear: false);
        TensorPrimitives.Multiply(x.Data, factor, y.Data);
        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new ScaleNode(x, factor));
        }

        return y;
    }

    private sealed class ScaleNode(Tensor x, float factor) : BackwardNode("Scale")
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        public override void Backward(Tensor y)
        {
            Span<float> dx = x.Grad;
            TensorPrimitives.MultiplyAdd(y.Grad, factor, dx, dx);
        }
    }
}
