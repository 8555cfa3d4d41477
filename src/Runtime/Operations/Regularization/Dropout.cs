using System;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Runtime.Operations;

public static partial class Ops
{
    /// <summary>
    /// Inverted dropout as in PyTorch: in training, zeroes each element with probability <paramref name="p"/> and
    /// scales the others by 1 / (1 - p), so evaluation needs no rescaling; in evaluation (or with p = 0) returns
    /// <paramref name="x"/> itself. The mask comes from <paramref name="random"/> (one draw per element, in order),
    /// so a seeded stream gives the same masks on every run.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p, bool training, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(p >= 0f && p < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"Dropout: the probability must be in [0, 1), but it is {p}.");
        }

        if (!training || p == 0f)
        {
            return x;
        }

        ArgumentNullException.ThrowIfNull(random);
        float keptScale = 1f / (1f - p);
        Tensor mask = Tensor.CreateLike(x, clear: false);
        Span<float> md = mask.Data;
        for (int i = 0; i < md.Length; i++)
        {
            md[i] = random.NextFloat() < p ? 0f : keptScale;
        }

        Tensor y = Tensor.CreateLike(x, clear: false);
        TensorPrimitives.Multiply(x.Data, md, y.Data);
        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new DropoutNode(x, mask));
        }

        return y;
    }

    /// <summary>dx += dy * mask (the mask already holds 0 or 1 / (1 - p)).</summary>
    private sealed class DropoutNode(Tensor x, Tensor mask) : BackwardNode("Dropout")
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        public override void Backward(Tensor y)
        {
            Span<float> dx = x.Grad;
            TensorPrimitives.MultiplyAdd(y.Grad, mask.Data, dx, dx);
        }
    }
}
