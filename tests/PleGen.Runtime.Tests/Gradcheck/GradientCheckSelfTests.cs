using System;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Tensors;
using Xunit.Sdk;
using Xunit;

namespace PleGen.Runtime.Tests.Gradcheck;

/// <summary>The checker itself: it must reject a backward pass that is wrong, or it proves nothing.</summary>
public sealed class GradientCheckSelfTests
{
    [Fact]
    public void A_backward_with_a_wrong_factor_is_caught()
    {
        var error = Assert.Throws<XunitException>(() => GradientCheck.Check("x^2 with a wrong backward", t => Square(t[0], factor: 1f), GradientCheck.Random(1, 3)));
        Assert.Contains("finite differences", error.Message);
    }

    [Fact]
    public void The_same_op_with_the_right_backward_passes()
        => GradientCheck.Check("x^2", t => Square(t[0], factor: 2f), GradientCheck.Random(1, 3));

    [Fact]
    public void An_op_that_records_no_backward_step_is_caught()
    {
        var error = Assert.Throws<XunitException>(() => GradientCheck.Check("detached", t => t[0].Detach(), GradientCheck.Random(2, 3)));
        Assert.Contains("recorded no backward step", error.Message);
    }

    /// <summary>y = x^2 whose backward multiplies by <paramref name="factor"/> x (correct only for factor 2).</summary>
    private static Tensor Square(Tensor x, float factor)
    {
        Tensor y = Tensor.CreateLike(x, clear: false);
        System.Numerics.Tensors.TensorPrimitives.Multiply(x.Data, x.Data, y.Data);
        if (GradientMode.ShouldRecord(x))
        {
            Tape.Record(y, new SquareNode(x, factor));
        }

        return y;
    }

    private sealed class SquareNode(Tensor x, float factor) : BackwardNode("Square")
    {
        public override int InputCount => 1;

        public override Tensor? InputAt(int index) => x;

        public override void Backward(Tensor output)
        {
            Span<float> dx = x.Grad;
            ReadOnlySpan<float> dy = output.Grad, xs = x.Data;
            for (int i = 0; i < dx.Length; i++)
            {
                dx[i] += factor * xs[i] * dy[i];
            }
        }
    }
}
