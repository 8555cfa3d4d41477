using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

/// <summary>Bad input gets an exception that names the op, both shapes (or the value) and what to do.</summary>
public sealed class BadInputTests
{
    private static Tensor Z(params int[] shape) => Tensor.Zeros(shape);

    [Fact]
    public void MatMul_names_both_shapes_when_inner_dimensions_differ()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.MatMul(Z(32, 10), Z(11, 4)));
        Assert.Equal("MatMul: cannot multiply [32, 10] by [11, 4]: inner dimensions 10 and 11 differ.", error.Message);
    }

    [Fact]
    public void MatMul_describes_transposed_operands()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.MatMul(Z(10, 32), Z(11, 4), transposeA: true));
        Assert.Contains("[10, 32] (transposed: [32, 10])", error.Message);
        Assert.Contains("10 and 11", error.Message);
    }

    [Fact]
    public void MatMul_needs_matrices()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.MatMul(Z(2, 3, 4), Z(4, 5)));
        Assert.Contains("rank 2", error.Message);
        Assert.Contains("[2, 3, 4]", error.Message);
    }

    [Fact]
    public void BatchedMatMul_names_differing_batch_sizes_and_inner_dimensions()
    {
        var batch = Assert.Throws<ArgumentException>(() => Ops.BatchedMatMul(Z(2, 3, 4), Z(3, 4, 5)));
        Assert.Contains("batch sizes 2 and 3", batch.Message);
        var inner = Assert.Throws<ArgumentException>(() => Ops.BatchedMatMul(Z(2, 3, 4), Z(2, 5, 5)));
        Assert.Contains("[2, 3, 4]", inner.Message);
        Assert.Contains("[2, 5, 5]", inner.Message);
        Assert.Contains("4 and 5", inner.Message);
    }

    [Fact]
    public void Linear_names_input_weight_and_bias_shapes()
    {
        var input = Assert.Throws<ArgumentException>(() => Ops.Linear(Z(8, 5), Z(3, 4), Z(3)));
        Assert.Contains("[8, 5]", input.Message);
        Assert.Contains("[3, 4]", input.Message);
        var bias = Assert.Throws<ArgumentException>(() => Ops.Linear(Z(8, 4), Z(3, 4), Z(4)));
        Assert.Contains("bias must have shape [3]", bias.Message);
        Assert.Contains("[4]", bias.Message);
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 3 })]
    [InlineData(new[] { 3, 4 }, new[] { 4, 3 })]
    [InlineData(new[] { 3, 4 }, new[] { 2, 1 })]
    [InlineData(new[] { 4 }, new[] { 3, 4 })]
    public void Broadcast_mismatch_names_both_shapes(int[] left, int[] right)
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.Add(Z(left), Z(right)));
        Assert.Contains($"cannot broadcast {ShapeUtil.Format(right)} over {ShapeUtil.Format(left)}", error.Message);
        Assert.StartsWith("Add:", error.Message);
    }

    [Fact]
    public void Concat_names_the_part_and_dimension_that_differ()
    {
        var error = Assert.Throws<ArgumentException>(() => Ops.Concat(new[] { Z(3, 2), Z(4, 2) }, 1));
        Assert.Contains("[3, 2] and [4, 2] (part 1)", error.Message);
        Assert.Contains("dimension 0 differs (3 and 4)", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Concat(new[] { Z(3, 2) }, 2));
        Assert.Throws<ArgumentException>(() => Ops.Concat(ReadOnlySpan<Tensor>.Empty, 0));
    }

    [Fact]
    public void Stack_slice_and_split_check_their_arguments()
    {
        Assert.Contains("shapes differ", Assert.Throws<ArgumentException>(() => Ops.Stack(new[] { Z(2, 3), Z(3, 2) }, 0)).Message);
        Assert.Contains("[2, 5) is outside dimension 1 of [3, 4]", Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Slice(Z(3, 4), 1, 2, 3)).Message);
        Assert.Contains("add up to 5", Assert.Throws<ArgumentException>(() => Ops.Split(Z(3, 4), 1, 2, 3)).Message);
        Assert.Contains("dimension 2 is out of range for [3, 4]", Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Sum(Z(3, 4), 2)).Message);
    }

    [Fact]
    public void Softmax_needs_a_dimension()
        => Assert.Contains("scalar", Assert.Throws<ArgumentException>(() => Ops.Softmax(Tensor.Scalar(1f))).Message);

    [Fact]
    public void ExpertBank_names_the_shapes_it_expects()
    {
        var input = Assert.Throws<ArgumentException>(() => Ops.ExpertBank(Z(8, 5), Z(3, 2, 4)));
        Assert.Contains("[batch, 4]", input.Message);
        Assert.Contains("[batch, 3, 4]", input.Message);
        Assert.Contains("[8, 5]", input.Message);
        var bias = Assert.Throws<ArgumentException>(() => Ops.ExpertBank(Z(8, 4), Z(3, 2, 4), Z(2, 3)));
        Assert.Contains("[3, 2]", bias.Message);
        Assert.Contains("[2, 3]", bias.Message);
        Assert.Contains("rank 3", Assert.Throws<ArgumentException>(() => Ops.ExpertBank(Z(8, 4), Z(2, 4))).Message);
    }

    [Fact]
    public void GateMix_names_the_gate_and_bank_shapes()
    {
        var count = Assert.Throws<ArgumentException>(() => Ops.GateMix(Z(4, 4), Z(4, 2, 3), Z(4, 3, 3)));
        Assert.Contains("[4, 4] weighs 4 experts, but the 2 bank(s) hold 5", count.Message);
        var width = Assert.Throws<ArgumentException>(() => Ops.GateMix(Z(4, 5), Z(4, 2, 3), Z(4, 3, 2)));
        Assert.Contains("bank 1 is [4, 3, 2]", width.Message);
        Assert.Throws<ArgumentException>(() => Ops.GateMix(Z(4, 5)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(int.MaxValue)]
    public void Embedding_names_the_feature_id_position_and_cardinality(int id)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Embedding(Z(5, 2), new[] { 0, 3, id }, "education"));
        Assert.Contains($"Embedding 'education': id {id} at position 2 is outside [0, 5) (the cardinality is 5)", error.Message);
    }

    [Fact]
    public void Embedding_with_long_ids_beyond_int_range_is_rejected_without_overflow()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Embedding(Z(3, 2), new long[] { 1, 1L << 40 }, "user"));
        Assert.Contains($"id {1L << 40} at position 1", error.Message);
        Assert.Contains("'user'", error.Message);
    }

    [Fact]
    public void Dropout_rejects_probabilities_outside_zero_to_one()
    {
        var random = new RandomSource(1);
        Assert.Contains("[0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Dropout(Z(2), 1f, true, random)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Dropout(Z(2), -0.1f, true, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Dropout(Z(2), float.NaN, true, random));
    }

    [Fact]
    public void SubspaceMix_names_the_alpha_it_needs_and_widths_that_do_not_split()
    {
        var square = Assert.Throws<ArgumentException>(() => Ops.SubspaceMix(Z(2, 2), 0, 2, Z(3, 4), Z(3, 4)));
        Assert.Contains("[2 columns * 2 subspaces] square", square.Message);
        Assert.Contains("[2, 2]", square.Message);
        Assert.Contains("the task 3", Assert.Throws<ArgumentException>(() => Ops.SubspaceMix(Z(4, 4), 3, 2, Z(3, 4), Z(3, 4))).Message);
        Assert.Contains("width 3 does not split into 2 subspaces", Assert.Throws<ArgumentException>(() => Ops.SubspaceMix(Z(4, 4), 0, 2, Z(3, 3), Z(3, 3))).Message);
        Assert.Contains("column 1 is [3, 5]", Assert.Throws<ArgumentException>(() => Ops.SubspaceMix(Z(4, 4), 0, 2, Z(3, 4), Z(3, 5))).Message);
    }

    [Fact]
    public void LayerMix_needs_one_weight_per_layer_output()
    {
        Assert.Contains("beta [3] needs one weight per layer output, but 2 are given", Assert.Throws<ArgumentException>(() => Ops.LayerMix(Z(3), Z(2, 4), Z(2, 4))).Message);
        Assert.Contains("rank 1", Assert.Throws<ArgumentException>(() => Ops.LayerMix(Z(1, 2), Z(2, 4), Z(2, 4))).Message);
    }

    [Fact]
    public void SubspaceOrthogonality_refuses_units_that_do_not_split()
    {
        Assert.Contains("has 5 units, which do not split into 2 subspaces", Assert.Throws<ArgumentException>(() => Ops.SubspaceOrthogonality(2, Z(4, 3), Z(5, 3))).Message);
        Assert.Contains("at least one subspace", Assert.Throws<ArgumentException>(() => Ops.SubspaceOrthogonality(0, Z(4, 3))).Message);
    }
}
