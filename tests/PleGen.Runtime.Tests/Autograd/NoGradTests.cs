using PleGen.Runtime.Gradients;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.AutogradTests;

public sealed class NoGradTests
{
    private static Tensor Parameter(params int[] shape)
    {
        var values = new float[ShapeUtil.Product(shape)];
        new RandomSource(3).FillUniform(values, -1f, 1f);
        return new Tensor(shape, values, requiresGrad: true);
    }

    [Fact]
    public void Inference_records_no_graph_node_and_results_need_no_gradient()
    {
        Tensor x = Parameter(4, 3), w = Parameter(2, 3), b = Parameter(2), gate = Parameter(4, 2);
        Tensor bank = Parameter(4, 2, 2);
        long before = Tape.RecordedOnThisThread;
        Tensor loss;
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsEnabled);
            Tensor hidden = Ops.Relu(Ops.Linear(x, w, b));
            Tensor mixed = Ops.GateMix(Ops.Softmax(gate), bank);
            loss = Ops.Add(Ops.Sum(hidden), Ops.Mean(mixed));
        }

        Assert.Equal(before, Tape.RecordedOnThisThread);
        Assert.False(loss.RequiresGrad);
        Assert.Null(loss.GradFn);
        Assert.True(Autograd.IsEnabled);
    }

    [Fact]
    public void Recording_resumes_after_the_scope_and_the_same_ops_record_again()
    {
        Tensor x = Parameter(3);
        long before = Tape.RecordedOnThisThread;
        using (Autograd.NoGrad())
        {
            _ = Ops.Tanh(x);
        }

        Tensor y = Ops.Sum(Ops.Tanh(x));
        Assert.Equal(before + 2, Tape.RecordedOnThisThread);
        y.Backward();
        Assert.True(x.HasGrad);
    }

    [Fact]
    public void Nested_scopes_restore_recording_only_when_the_outermost_ends()
    {
        using (Autograd.NoGrad())
        {
            using (Autograd.NoGrad())
            {
                Assert.False(Autograd.IsEnabled);
            }

            Assert.False(Autograd.IsEnabled);
        }

        Assert.True(Autograd.IsEnabled);
    }

    [Fact]
    public void Disposing_a_scope_twice_changes_nothing()
    {
        NoGradScope scope = Autograd.NoGrad();
        scope.Dispose();
        scope.Dispose();
        Assert.True(Autograd.IsEnabled);
        default(NoGradScope).Dispose();
        Assert.True(Autograd.IsEnabled);
    }
}
