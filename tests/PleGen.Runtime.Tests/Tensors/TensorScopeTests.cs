using System;
using PleGen.Runtime.Memory;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Tensors;

public sealed class TensorScopeTests
{
    /// <summary>A small MLP with BCE, the shape of a training step: parameters live outside the scope.</summary>
    private sealed class SmallMlp
    {
        private readonly Tensor _w1, _b1, _w2, _b2, _x, _y, _mask;

        public SmallMlp()
        {
            var random = new RandomSource(1);
            Tensor Param(params int[] shape)
            {
                var values = new float[ShapeUtil.Product(shape)];
                random.FillUniform(values, -0.1f, 0.1f);
                return new Tensor(shape, values, requiresGrad: true);
            }

            _w1 = Param(16, 8);
            _b1 = Param(16);
            _w2 = Param(1, 16);
            _b2 = Param(1);
            var x = new float[32 * 8];
            random.FillUniform(x, -1f, 1f);
            _x = new Tensor(new[] { 32, 8 }, x);
            var y = new float[32];
            var mask = new float[32];
            for (int i = 0; i < 32; i++)
            {
                y[i] = i % 3 == 0 ? 1f : 0f;
                mask[i] = i % 4 == 0 ? 0f : 1f;
            }

            _y = new Tensor(new[] { 32 }, y);
            _mask = new Tensor(new[] { 32 }, mask);
        }

        public Tensor[] Parameters => new[] { _w1, _b1, _w2, _b2 };

        public void Step(BufferPool pool)
        {
            using var scope = new TensorScope(pool);
            Tensor hidden = Ops.Relu(Ops.Linear(_x, _w1, _b1));
            Tensor logits = Ops.Linear(hidden, _w2, _b2);
            LossFunctions.BinaryCrossEntropyWithLogits(logits, _y, _mask).Backward();
            foreach (Tensor p in Parameters)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(p.Grad, -0.1f, p.Data, p.Data);
                p.ZeroGrad();
            }
        }
    }

    [Fact]
    public void Steady_state_training_steps_allocate_no_new_tensor_buffers()
    {
        var mlp = new SmallMlp();
        var pool = new BufferPool();
        mlp.Step(pool);
        mlp.Step(pool);
        long afterWarmUp = pool.Allocations;
        for (int i = 0; i < 5; i++)
        {
            mlp.Step(pool);
        }

        Assert.True(afterWarmUp > 0);
        Assert.Equal(afterWarmUp, pool.Allocations);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Steady_state_steps_allocate_only_small_objects_on_the_heap()
    {
        var mlp = new SmallMlp();
        var pool = new BufferPool();
        for (int i = 0; i < 3; i++)
        {
            mlp.Step(pool);
        }

        const int steps = 10;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++)
        {
            mlp.Step(pool);
        }

        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / steps;

        // Tensor headers and graph nodes only (about 1 KB); one step's buffers would be 32*16 floats = 2 KB alone per tensor.
        Assert.True(perStep < 4096, $"a steady-state step allocated {perStep} bytes on the heap");
    }

    [Fact]
    public void A_tensor_used_after_its_scope_ended_throws_instead_of_reading_reused_memory()
    {
        var pool = new BufferPool();
        Tensor escaped, view;
        using (new TensorScope(pool))
        {
            escaped = Ops.Scale(new Tensor(new[] { 2 }, new[] { 1f, 2f }), 2f);
            view = Ops.Reshape(escaped, 2, 1);
            Assert.Equal(new[] { 2f, 4f }, escaped.ToArray());
        }

        var error = Assert.Throws<ObjectDisposedException>(() => escaped.ToArray());
        Assert.Contains("TensorScope", error.Message);
        Assert.Throws<ObjectDisposedException>(() => view.ToArray());
        Assert.Throws<ObjectDisposedException>(() => escaped.Grad.ToArray());
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
            _ = Ops.Scale(w, 5f);                           // recorded, never back-propagated
        }

        Ops.Scale(w, 3f).Backward();
        Assert.Equal(3f, w.Grad[0]);
    }

    [Fact]
    public void Parameter_gradients_are_never_pooled()
    {
        var pool = new BufferPool();
        var w = new Tensor(new[] { 2 }, new[] { 1f, 2f }, requiresGrad: true);
        using (new TensorScope(pool))
        {
            Ops.Sum(Ops.Scale(w, 2f)).Backward();
        }

        Assert.Equal(new[] { 2f, 2f }, w.Grad.ToArray());   // still readable after the scope
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public void Buffers_return_to_the_pool_and_are_reused_by_the_next_scope()
    {
        var pool = new BufferPool();
        var x = new Tensor(new[] { 4 }, new[] { 1f, 2f, 3f, 4f });
        using (new TensorScope(pool))
        {
            _ = Ops.Relu(x);
            Assert.Equal(1, pool.Outstanding);
        }

        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(1, pool.Allocations);
        using (new TensorScope(pool))
        {
            Assert.Equal(new[] { 1f, 2f, 3f, 4f }, Ops.Relu(x).ToArray());
        }

        Assert.Equal(1, pool.Allocations);
        Assert.Equal(16, pool.AllocatedBytes);
    }

    [Fact]
    public void Scopes_nest_and_must_end_innermost_first()
    {
        var pool = new BufferPool();
        var outer = new TensorScope(pool);
        var inner = new TensorScope(pool);
        Assert.Same(inner, TensorScope.Current);
        var error = Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        Assert.Contains("innermost first", error.Message);
        inner.Dispose();
        Assert.Same(outer, TensorScope.Current);
        outer.Dispose();
        Assert.Null(TensorScope.Current);
    }
}
