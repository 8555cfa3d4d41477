using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Tensors;

public sealed class TensorTests
{
    [Fact]
    public void A_tensor_wraps_the_callers_array_without_copying()
    {
        var values = new float[] { 1, 2, 3, 4, 5, 6 };
        var t = new Tensor(new[] { 2, 3 }, values);
        Assert.Equal(new[] { 2, 3 }, t.Shape);
        Assert.Equal(6, t.Length);
        Assert.Equal(2, t.Rank);
        values[4] = 50f;
        Assert.Equal(50f, t.Data[4]);
        Assert.False(t.RequiresGrad);
        Assert.False(t.HasGrad);
    }

    [Fact]
    public void A_short_buffer_is_rejected_naming_shape_and_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new Tensor(new[] { 2, 3 }, new float[5]));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("6 values", error.Message);
        Assert.Contains("5", error.Message);
    }

    [Fact]
    public void A_negative_dimension_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, -1));
        Assert.Contains("[2, -1]", error.Message);
    }

    [Fact]
    public void Factories_copy_their_input_and_own_their_values()
    {
        var source = new float[] { 1, 2, 3, 4 };
        Tensor t = Tensor.FromArray(source, 2, 2);
        source[0] = 99f;
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, t.ToArray());
        Assert.Equal(new[] { 5f, 6f }, Tensor.FromSpan(new[] { 5f, 6f }, 2).ToArray());
        Assert.Equal(new float[6], Tensor.Zeros(2, 3).ToArray());
        Assert.Equal(new[] { 7f, 7f }, Tensor.Full(7f, 2).ToArray());
        Tensor scalar = Tensor.Scalar(2.5f);
        Assert.Equal(0, scalar.Rank);
        Assert.Equal(2.5f, scalar.Item());
    }

    [Fact]
    public void FromArray_with_the_wrong_count_names_the_shape_and_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new float[5], 2, 3));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("6", error.Message);
        Assert.Contains("5", error.Message);
    }

    [Fact]
    public void Item_needs_exactly_one_element()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2).Item());
        Assert.Contains("[2]", error.Message);
    }

    [Fact]
    public void Size_counts_negative_dimensions_from_the_end_and_checks_the_range()
    {
        Tensor t = Tensor.Zeros(2, 3, 4);
        Assert.Equal(4, t.Size(-1));
        Assert.Equal(2, t.Size(0));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => t.Size(3));
        Assert.Contains("[2, 3, 4]", error.Message);
    }

    [Fact]
    public void The_gradient_is_allocated_zeroed_on_first_use_and_ZeroGrad_keeps_it()
    {
        var t = new Tensor(new[] { 3 }, new float[3], requiresGrad: true);
        Assert.False(t.HasGrad);
        t.ZeroGrad();                                   // nothing to clear, nothing allocated
        Assert.False(t.HasGrad);
        Assert.Equal(new float[3], t.Grad.ToArray());
        Assert.True(t.HasGrad);
        t.Grad[1] = 4f;
        t.ZeroGrad();
        Assert.Equal(new float[3], t.Grad.ToArray());
    }

    [Fact]
    public void Detach_copies_values_out_of_the_graph()
    {
        var t = new Tensor(new[] { 2 }, new[] { 1f, 2f }, requiresGrad: true);
        Tensor d = t.Detach();
        d.Data[0] = 9f;
        Assert.Equal(1f, t.Data[0]);
        Assert.False(d.RequiresGrad);
    }

    [Fact]
    public void Reshape_is_a_view_sharing_values()
    {
        var t = new Tensor(new[] { 2, 3 }, new float[] { 1, 2, 3, 4, 5, 6 });
        Tensor v = Ops.Reshape(t, 3, -1);
        Assert.Equal(new[] { 3, 2 }, v.Shape);
        Assert.True(v.IsView);
        v.Data[5] = 60f;
        Assert.Equal(60f, t.Data[5]);
    }

    [Fact]
    public void Reshape_to_a_different_count_names_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.Reshape(Tensor.Zeros(2, 3), 4, 2));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("[4, 2]", error.Message);
        Assert.Throws<ArgumentException>(() => Ops.Reshape(Tensor.Zeros(2, 3), -1, 4));
        Assert.Throws<ArgumentException>(() => Ops.Reshape(Tensor.Zeros(2, 3), -1, -1));
    }

    [Fact]
    public void A_slice_of_leading_rows_is_a_view_and_other_slices_are_copies()
    {
        var t = new Tensor(new[] { 3, 2 }, new float[] { 1, 2, 3, 4, 5, 6 });
        Tensor rows = Ops.Slice(t, 0, 1, 2);
        Assert.True(rows.IsView);
        Assert.Equal(new[] { 3f, 4f, 5f, 6f }, rows.ToArray());

        Tensor column = Ops.Slice(t, 1, 1, 1);
        Assert.False(column.IsView);
        Assert.Equal(new[] { 2f, 4f, 6f }, column.ToArray());
    }

    [Fact]
    public void Select_shares_values_and_gradient_with_the_bank()
    {
        var bank = new Tensor(new[] { 3, 2, 2 }, new float[] { 0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23 }, requiresGrad: true);
        Tensor expert1 = bank.Select(1);
        Assert.Equal(new[] { 2, 2 }, expert1.Shape);
        Assert.Equal(new[] { 10f, 11f, 12f, 13f }, expert1.ToArray());
        Assert.True(expert1.RequiresGrad);

        expert1.Data[0] = 99f;
        Assert.Equal(99f, bank.Data[4]);

        Ops.Sum(Ops.ExpertBank(new Tensor(new[] { 1, 2 }, new[] { 1f, 1f }), bank)).Backward();
        Assert.True(expert1.HasGrad);
        Assert.Equal(bank.Grad.Slice(4, 4).ToArray(), expert1.Grad.ToArray());

        expert1.ZeroGrad();
        Assert.Equal(new float[4], bank.Grad.Slice(4, 4).ToArray());
        Assert.NotEqual(0f, bank.Grad[0]);
    }

    [Fact]
    public void Select_checks_its_index()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Select(2));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Throws<InvalidOperationException>(() => Tensor.Scalar(1f).Select(0));
    }

    [Fact]
    public void A_view_takes_RequiresGrad_from_the_tensor_it_views()
    {
        var t = new Tensor(new[] { 2, 2 }, new float[4]);
        Tensor row = t.Select(0);
        Assert.False(row.RequiresGrad);
        t.RequiresGrad = true;
        Assert.True(row.RequiresGrad);
        var error = Assert.Throws<InvalidOperationException>(() => row.RequiresGrad = false);
        Assert.Contains("view", error.Message);
    }
}
