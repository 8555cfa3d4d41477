using PleGen.Runtime.Operations;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

/// <summary>The layouts of the two PLE ops, spelled out on numbers small enough to check by hand.</summary>
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
}
