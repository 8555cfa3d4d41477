using System;
using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Differentiation;

public sealed class TensorScopeTests
{
    [Fact]
    public void Steady_state_training_steps_allocate_no_new_tensor_buffers()
    {
        var random = new RandomSource(1);
        Tensor Param(params int[] shape)
        {
            var values = new float[ShapeUtil.Product(shape)];
            random.FillUniform(values, -0.1f, 0.1f);
            return new Tensor(shape, values, requiresGrad: true);
        }

        Tensor w1 = Param(16, 8), b1 = Param(16), w2 = Param(1, 16), b2 = Param(1);
        var x = new Tensor(new[] { 32, 8 }, new float[32 * 8]);
        var y = new Tensor(new[] { 32 }, new float[32]);
        var pool = new BufferPool();

        void Step()
        {
            using var scope = new TensorScope(pool);
            Tensor hidden = Ops.Relu(Ops.Linear(x, w1, b1));
            Tensor logits = Ops.Linear(hidden, w2, b2);
            Losses.BinaryCrossEntropyWithLogits(logits, y).Backward();
        }

        Step();
        long afterWarmUp = pool.Allocations;
        for (int i = 0; i < 5; i++)
        {
            Step();
        }

        Assert.True(afterWarmUp > 0);
        Assert.Equal(afterWarmUp, pool.Allocations);
    }

    [Fact]
    public void A_tensor_used_after_its_scope_ended_throws_instead_of_reading_reused_memory()
    {
        var pool = new BufferPool();
        Tensor escaped;
        using (new TensorScope(pool))
        {
            escaped = Ops.Scale(new Tensor(new[] { 2 }, new[] { 1f, 2f }), 2f);
            Assert.Equal(new[] { 2f, 4f }, escaped.ToArray());
        }

        var error = Assert.Throws<ObjectDisposedException>(() => escaped.Data.ToArray());
        Assert.Contains("TensorScope", error.Message);
    }

    [Fact]
    public void Detach_copies_a_result_out_of_its_scope()
    {
        Tensor kept;
        using (new TensorScope(new BufferPool()))
        {
            kept = Ops.Scale(new Tensor(new[] { 2 }, new[] { 1f, 2f }), 3f).Detach();
        }

        Assert.Equal(new[] { 3f, 6f }, kept.ToArray());
    }

    [Fact]
    public void Ending_a_scope_drops_the_graph_recorded_in_it()
    {
        var w = new Tensor(new[] { 1 }, new[] { 2f }, requiresGrad: true);
        using (new TensorScope(new BufferPool()))
        {
            _ = Ops.Scale(w, 5f);                       // recorded, never back-propagated
        }

        Tensor y = Ops.Scale(w, 3f);
        y.Backward();
        Assert.Equal(3f, w.Grad[0]);                    // the abandoned graph contributed nothing
    }
}
