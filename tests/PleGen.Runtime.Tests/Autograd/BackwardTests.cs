using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.AutogradTests;

public sealed class BackwardTests
{
    private static Tensor Leaf(params float[] values) => new(new[] { values.Length }, values, requiresGrad: true);

    [Fact]
    public void Gradients_accumulate_across_backward_calls_until_zeroed()
    {
        Tensor x = Leaf(1f, 2f, 3f);
        Ops.Sum(Ops.Mul(x, x)).Backward();                      // d/dx sum(x^2) = 2x
        Assert.Equal(new[] { 2f, 4f, 6f }, x.Grad.ToArray());

        Ops.Sum(Ops.Scale(x, 3f)).Backward();                   // + 3
        Assert.Equal(new[] { 5f, 7f, 9f }, x.Grad.ToArray());

        x.ZeroGrad();
        Assert.Equal(new[] { 0f, 0f, 0f }, x.Grad.ToArray());
        Ops.Sum(x).Backward();
        Assert.Equal(new[] { 1f, 1f, 1f }, x.Grad.ToArray());
    }

    [Fact]
    public void Two_graphs_built_before_either_backward_each_contribute()
    {
        Tensor x = Leaf(1f, 2f);
        Tensor first = Ops.Sum(Ops.Scale(x, 2f));
        Tensor second = Ops.Sum(Ops.Mul(x, x));

        first.Backward();                                       // 2
        Assert.Equal(new[] { 2f, 2f }, x.Grad.ToArray());
        second.Backward();                                      // + 2x
        Assert.Equal(new[] { 4f, 6f }, x.Grad.ToArray());
    }

    [Fact]
    public void Backward_runs_only_the_graph_of_its_root()
    {
        Tensor x = Leaf(1f), unrelated = Leaf(5f);
        Tensor pending = Ops.Scale(unrelated, 4f);
        Ops.Scale(x, 3f).Backward();

        Assert.Equal(3f, x.Grad[0]);
        Assert.False(unrelated.HasGrad);
        pending.Backward();
        Assert.Equal(4f, unrelated.Grad[0]);
    }

    [Fact]
    public void A_tensor_used_on_several_paths_receives_every_contribution()
    {
        Tensor x = Leaf(2f);
        Tensor doubled = Ops.Add(x, x);                         // 2x
        Tensor y = Ops.Add(Ops.Mul(doubled, x), Ops.Tanh(doubled));   // 2x^2 + tanh(2x)
        y.Backward();
        float expected = (4f * 2f) + (2f * (1f - (MathF.Tanh(4f) * MathF.Tanh(4f))));
        Assert.Equal(expected, x.Grad[0], 5);
    }

    [Fact]
    public void Backward_takes_an_explicit_gradient_for_a_non_scalar()
    {
        Tensor x = Leaf(1f, 2f);
        Tensor y = Ops.Scale(x, 2f);
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("[2]", error.Message);

        y.Backward(new[] { 1f, 10f });
        Assert.Equal(new[] { 2f, 20f }, x.Grad.ToArray());
    }

    [Fact]
    public void An_explicit_gradient_of_the_wrong_length_is_rejected()
    {
        Tensor y = Ops.Scale(Leaf(1f, 2f), 2f);
        var error = Assert.Throws<ArgumentException>(() => y.Backward(new[] { 1f, 2f, 3f }));
        Assert.Contains("3 values", error.Message);
        Assert.Contains("[2]", error.Message);
    }

    [Fact]
    public void Backward_on_a_leaf_accumulates_the_seed_into_its_gradient()
    {
        Tensor x = Leaf(1f, 2f);
        x.Backward(new[] { 3f, 4f });
        x.Backward(new[] { 1f, 1f });
        Assert.Equal(new[] { 4f, 5f }, x.Grad.ToArray());
    }

    [Fact]
    public void A_second_backward_through_a_freed_graph_is_reported()
    {
        Tensor x = Leaf(1f, 2f);
        Tensor hidden = Ops.Tanh(x);
        Ops.Sum(hidden).Backward();
        float[] afterFirst = x.Grad.ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => Ops.Sum(Ops.Scale(hidden, 2f)).Backward());
        Assert.Contains("Tanh", error.Message);
        Assert.Contains("already used and freed", error.Message);
        Assert.Equal(afterFirst, x.Grad.ToArray());             // nothing was added on the way to the error
    }

    [Fact]
    public void Backward_on_a_tensor_that_needs_no_gradient_is_rejected()
    {
        Tensor constant = new(new[] { 2 }, new[] { 1f, 2f });
        Tensor y = Ops.Sum(Ops.Mul(constant, constant));
        Assert.False(y.RequiresGrad);
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("does not require a gradient", error.Message);
    }

    [Fact]
    public void Only_inputs_that_require_gradients_receive_them()
    {
        Tensor w = Leaf(2f, 3f);
        Tensor constant = new(new[] { 2 }, new[] { 5f, 7f });
        Ops.Sum(Ops.Mul(w, constant)).Backward();
        Assert.Equal(new[] { 5f, 7f }, w.Grad.ToArray());
        Assert.False(constant.HasGrad);
    }

    [Fact]
    public void Gradients_flow_through_views_into_the_tensor_they_view()
    {
        var w = new Tensor(new[] { 2, 3 }, new float[] { 1, 2, 3, 4, 5, 6 }, requiresGrad: true);
        Tensor row1 = Ops.Slice(w, 0, 1, 1);                    // a view of [4, 5, 6]
        Tensor flat = Ops.Reshape(w, 6);                        // a view of everything
        Ops.Add(Ops.Sum(Ops.Scale(row1, 2f)), Ops.Sum(flat)).Backward();
        Assert.Equal(new[] { 1f, 1f, 1f, 3f, 3f, 3f }, w.Grad.ToArray());
    }

    [Fact]
    public void Gradients_flow_through_views_of_intermediate_results()
    {
        Tensor x = Leaf(1f, 2f, 3f, 4f);
        Tensor doubled = Ops.Scale(x, 2f);
        Tensor matrix = Ops.Reshape(doubled, 2, 2);
        Ops.Sum(Ops.Mul(matrix, matrix)).Backward();            // sum (2x)^2 -> 8x
        Assert.Equal(new[] { 8f, 16f, 24f, 32f }, x.Grad.ToArray());
    }
}
