using PleGen.Runtime.Operations;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

/// <summary>The layouts of the expert and mixing ops, spelled out on numbers small enough to check by hand.</summary>
public sealed class ExpertOpsTests
{
    [Fact]
    public void ExpertBank_puts_expert_e_of_sample_b_at_b_e()
    {
        // Two experts with 1 output each over 2 inputs: expert 0 sums, expert 1 takes the difference, biases 10 and 20.
        var x = new Tensor(new[] { 2, 2 }, new[] { 1f, 2f, 3f, 5f });
        var w = new Tensor(new[] { 2, 1, 2 }, new[] { 1f, 1f, 1f, -1f });
        var b = new Tensor(new[] { 2, 1 }, new[] { 10f, 20f });
        Tensor y = Ops.ExpertBank(x, w, b);
        Assert.Equal(new[] { 2, 2, 1 }, y.Shape);
        Assert.Equal(new[] { 13f, 19f, 18f, 18f }, y.ToArray());
    }

    [Fact]
    public void ExpertBank_with_per_expert_input_gives_each_expert_its_own_slice()
    {
        // input [1 sample, 2 experts, 2]; expert 0 reads (1, 2), expert 1 reads (3, 4).
        var x = new Tensor(new[] { 1, 2, 2 }, new[] { 1f, 2f, 3f, 4f });
        var w = new Tensor(new[] { 2, 1, 2 }, new[] { 1f, 0f, 0f, 1f });   // expert 0 takes the first, expert 1 the second
        Assert.Equal(new[] { 1f, 4f }, Ops.ExpertBank(x, w).ToArray());
    }

    [Fact]
    public void GateMix_weighs_the_banks_experts_in_order_without_a_copy()
    {
        // One sample; own bank: experts (1, 0) and (0, 1); shared bank: expert (10, 10).
        var gate = new Tensor(new[] { 1, 3 }, new[] { 0.5f, 0.25f, 0.25f });
        var own = new Tensor(new[] { 1, 2, 2 }, new[] { 1f, 0f, 0f, 1f });
        var shared = new Tensor(new[] { 1, 1, 2 }, new[] { 10f, 10f });
        Assert.Equal(new[] { 3f, 2.75f }, Ops.GateMix(gate, own, shared).ToArray());
    }

    [Fact]
    public void SubspaceMix_numbers_subspace_r_of_column_j_as_j_times_subspaces_plus_r()
    {
        // Two columns of width 4, two subspaces of 2 units each: column 0 = (1, 2 | 3, 4), column 1 = (10, 20 | 30, 40).
        var a = new Tensor(new[] { 1, 4 }, new[] { 1f, 2f, 3f, 4f });
        var b = new Tensor(new[] { 1, 4 }, new[] { 10f, 20f, 30f, 40f });
        var alpha = new Tensor(new[] { 4, 4 }, new float[16]);
        alpha.Data[(2 * 4) + 3] = 1f;   // task 1's subspace 0 = column 1's subspace 1
        alpha.Data[(3 * 4) + 0] = 0.5f; // task 1's subspace 1 = half column 0's subspace 0 ...
        alpha.Data[(3 * 4) + 2] = 0.1f; // ... plus a tenth of column 1's subspace 0
        Assert.Equal(new[] { 30f, 40f, 1.5f, 3f }, Ops.SubspaceMix(alpha, 1, 2, a, b).ToArray());
        Assert.Equal(new[] { 0f, 0f, 0f, 0f }, Ops.SubspaceMix(alpha, 0, 2, a, b).ToArray());
    }

    [Fact]
    public void SubspaceMix_with_one_subspace_is_a_cross_stitch_row()
    {
        var a = new Tensor(new[] { 2, 3 }, new[] { 1f, 2f, 3f, 4f, 5f, 6f });
        var b = new Tensor(new[] { 2, 3 }, new[] { -1f, 0.5f, 2f, 7f, -3f, 1f });
        var alpha = new Tensor(new[] { 2, 2 }, new[] { 0.9f, 0.1f, 0.25f, 0.75f });
        Assert.Equal(Ops.CrossStitch(alpha, 1, a, b).ToArray(), Ops.SubspaceMix(alpha, 1, 1, a, b).ToArray());
    }

    [Fact]
    public void LayerMix_weighs_each_layer_output()
    {
        var first = new Tensor(new[] { 1, 2 }, new[] { 1f, 2f });
        var second = new Tensor(new[] { 1, 2 }, new[] { 10f, 20f });
        Assert.Equal(new[] { 3.5f, 7f }, Ops.LayerMix(new Tensor(new[] { 2 }, new[] { 0.5f, 0.3f }), first, second).ToArray());
    }

    [Fact]
    public void SubspaceOrthogonality_is_the_squared_frobenius_norm_of_the_subspace_products()
    {
        // W = [[1, 0], [1, 1]] in two subspaces of one row: W_0 W_1^T = [1], so the penalty is 1; rows (1, 0) and (0, 1) are orthogonal.
        Assert.Equal(1f, Ops.SubspaceOrthogonality(2, new Tensor(new[] { 2, 2 }, new[] { 1f, 0f, 1f, 1f })).Item());
        Assert.Equal(0f, Ops.SubspaceOrthogonality(2, new Tensor(new[] { 2, 2 }, new[] { 1f, 0f, 0f, 1f })).Item());

        // Three subspaces of one row, rows (1, 2), (3, 4), (0, 1): pairs 11^2 + 2^2 + 4^2 = 141; one subspace has no pair.
        var w = new Tensor(new[] { 3, 2 }, new[] { 1f, 2f, 3f, 4f, 0f, 1f });
        Assert.Equal(141f, Ops.SubspaceOrthogonality(3, w).Item());
        Assert.Equal(0f, Ops.SubspaceOrthogonality(1, w).Item());
        Assert.Equal(282f, Ops.SubspaceOrthogonality(3, w, w).Item());
    }
}
