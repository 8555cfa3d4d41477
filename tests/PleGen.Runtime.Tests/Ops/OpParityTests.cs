using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

/// <summary>
/// Every op's output and input gradients against PyTorch 1.13 (see <see cref="OpFixture"/> for the tolerance):
/// the engine runs each fixture case, back-propagates PyTorch's upstream gradient, and compares.
/// </summary>
public sealed class OpParityTests
{
    /// <summary>How the engine computes each fixture case, by the case's name.</summary>
    private static readonly Dictionary<string, Func<OpFixture, Tensor>> Engine = new(StringComparer.Ordinal)
    {
        ["matmul_nn"] = f => Ops.MatMul(f.Inputs["a"], f.Inputs["b"]),
        ["matmul_nt"] = f => Ops.MatMul(f.Inputs["a"], f.Inputs["b"], transposeB: true),
        ["matmul_tn"] = f => Ops.MatMul(f.Inputs["a"], f.Inputs["b"], transposeA: true),
        ["matmul_tt"] = f => Ops.MatMul(f.Inputs["a"], f.Inputs["b"], transposeA: true, transposeB: true),
        ["batched_matmul_nn"] = f => Ops.BatchedMatMul(f.Inputs["a"], f.Inputs["b"]),
        ["batched_matmul_nt"] = f => Ops.BatchedMatMul(f.Inputs["a"], f.Inputs["b"], transposeB: true),
        ["batched_matmul_tn"] = f => Ops.BatchedMatMul(f.Inputs["a"], f.Inputs["b"], transposeA: true),
        ["batched_matmul_tt"] = f => Ops.BatchedMatMul(f.Inputs["a"], f.Inputs["b"], transposeA: true, transposeB: true),
        ["linear"] = f => Ops.Linear(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"]),
        ["linear_no_bias"] = f => Ops.Linear(f.Inputs["x"], f.Inputs["weight"]),
        ["linear_3d_input"] = f => Ops.Linear(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"]),
        ["linear_relu"] = f => Ops.Linear(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"], Activation.Relu),
        ["linear_tanh"] = f => Ops.Linear(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"], Activation.Tanh),
        ["linear_sigmoid"] = f => Ops.Linear(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"], Activation.Sigmoid),

        ["relu"] = f => Ops.Relu(f.Inputs["x"]),
        ["sigmoid"] = f => Ops.Sigmoid(f.Inputs["x"]),
        ["tanh"] = f => Ops.Tanh(f.Inputs["x"]),
        ["softmax"] = f => Ops.Softmax(f.Inputs["x"]),
        ["softmax_3d"] = f => Ops.Softmax(f.Inputs["x"]),
        ["softmax_wide_rows"] = f => Ops.Softmax(f.Inputs["x"]),
        ["softmax_large_logits"] = f => Ops.Softmax(f.Inputs["x"]),

        ["add_same_shape"] = f => Ops.Add(f.Inputs["a"], f.Inputs["b"]),
        ["sub_same_shape"] = f => Ops.Sub(f.Inputs["a"], f.Inputs["b"]),
        ["mul_same_shape"] = f => Ops.Mul(f.Inputs["a"], f.Inputs["b"]),
        ["add_row"] = f => Ops.Add(f.Inputs["a"], f.Inputs["b"]),
        ["mul_row_3d"] = f => Ops.Mul(f.Inputs["a"], f.Inputs["b"]),
        ["sub_column"] = f => Ops.Sub(f.Inputs["a"], f.Inputs["b"]),
        ["mul_column"] = f => Ops.Mul(f.Inputs["a"], f.Inputs["b"]),
        ["add_scalar"] = f => Ops.Add(f.Inputs["a"], f.Inputs["b"]),
        ["mul_scalar"] = f => Ops.Mul(f.Inputs["a"], f.Inputs["b"]),
        ["scale"] = f => Ops.Scale(f.Inputs["x"], 0.75f),

        ["sum_all"] = f => Ops.Sum(f.Inputs["x"]),
        ["mean_all"] = f => Ops.Mean(f.Inputs["x"]),
        ["sum_dim0"] = f => Ops.Sum(f.Inputs["x"], 0),
        ["mean_dim1_3d"] = f => Ops.Mean(f.Inputs["x"], 1),
        ["sum_dim_last"] = f => Ops.Sum(f.Inputs["x"], -1),
        ["mean_dim_last"] = f => Ops.Mean(f.Inputs["x"], -1),

        ["concat_dim1"] = f => Ops.Concat(new[] { f.Inputs["a"], f.Inputs["b"] }, 1),
        ["concat_dim0"] = f => Ops.Concat(new[] { f.Inputs["a"], f.Inputs["b"] }, 0),
        ["concat_three_3d"] = f => Ops.Concat(new[] { f.Inputs["a"], f.Inputs["b"], f.Inputs["c"] }, 1),
        ["stack_dim1"] = f => Ops.Stack(new[] { f.Inputs["a"], f.Inputs["b"] }, 1),
        ["stack_dim0"] = f => Ops.Stack(new[] { f.Inputs["a"], f.Inputs["b"] }, 0),
        ["slice_dim0"] = f => Ops.Slice(f.Inputs["x"], 0, 1, 3),
        ["slice_dim1"] = f => Ops.Slice(f.Inputs["x"], 1, 1, 2),
        ["split_dim1_second"] = f => Ops.Split(f.Inputs["x"], 1, 1, 3, 1)[1],
        ["reshape"] = f => Ops.Reshape(f.Inputs["x"], 2, 6),
        ["reshape_inferred"] = f => Ops.Reshape(f.Inputs["x"], -1, 4),

        ["embedding"] = f => Ops.Embedding(f.Inputs["weight"], f.Ids.Select(id => (int)id).ToArray(), "item"),
        ["embedding_single_row"] = f => Ops.Embedding(f.Inputs["weight"], f.Ids, "item"),

        ["expert_bank_shared"] = f => Ops.ExpertBank(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"]),
        ["expert_bank_shared_no_bias"] = f => Ops.ExpertBank(f.Inputs["x"], f.Inputs["weight"]),
        ["expert_bank_per_expert"] = f => Ops.ExpertBank(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"]),
        ["expert_bank_shared_relu"] = f => Ops.ExpertBank(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"], Activation.Relu),
        ["expert_bank_per_expert_tanh"] = f => Ops.ExpertBank(f.Inputs["x"], f.Inputs["weight"], f.Inputs["bias"], Activation.Tanh),
        ["gate_mix_one_bank"] = f => Ops.GateMix(f.Inputs["gate"], f.Inputs["bank"]),
        ["gate_mix_own_and_shared"] = f => Ops.GateMix(f.Inputs["gate"], f.Inputs["own"], f.Inputs["shared"]),
        ["gate_mix_wide_rows"] = f => Ops.GateMix(f.Inputs["gate"], f.Inputs["own"], f.Inputs["shared"]),
        ["gate_mix_softmax_gate"] = f => Ops.GateMix(Ops.Softmax(f.Inputs["logits"]), f.Inputs["own"], f.Inputs["shared"]),

        ["bce_unmasked"] = f => LossFunctions.BinaryCrossEntropyWithLogits(f.Inputs["logits"], f.Constants["targets"]),
        ["bce_masked"] = f => LossFunctions.BinaryCrossEntropyWithLogits(f.Inputs["logits"], f.Constants["targets"], f.Constants["mask"]),
        ["bce_column_logits"] = f => LossFunctions.BinaryCrossEntropyWithLogits(f.Inputs["logits"], f.Constants["targets"], f.Constants["mask"]),
        ["bce_soft_targets"] = f => LossFunctions.BinaryCrossEntropyWithLogits(f.Inputs["logits"], f.Constants["targets"]),
        ["bce_extreme_logits"] = f => LossFunctions.BinaryCrossEntropyWithLogits(f.Inputs["logits"], f.Constants["targets"]),
        ["bce_empty_mask"] = f => LossFunctions.BinaryCrossEntropyWithLogits(f.Inputs["logits"], f.Constants["targets"], f.Constants["mask"]),
        ["mse_unmasked"] = f => LossFunctions.MeanSquaredError(f.Inputs["predictions"], f.Constants["targets"]),
        ["mse_masked"] = f => LossFunctions.MeanSquaredError(f.Inputs["predictions"], f.Constants["targets"], f.Constants["mask"]),
        ["mse_empty_mask"] = f => LossFunctions.MeanSquaredError(f.Inputs["predictions"], f.Constants["targets"], f.Constants["mask"]),
    };

    public static IEnumerable<object[]> Cases() => OpFixture.CaseNames().Select(c => new object[] { c.File, c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_gradients_match_pytorch(string file, string name)
    {
        OpFixture fixture = OpFixture.Read(file, name);
        Assert.True(Engine.TryGetValue(name, out Func<OpFixture, Tensor>? run), $"{file} has case '{name}' but the test has no engine mapping for it; add one.");

        Tensor output = run!(fixture);
        fixture.AssertOutput(output);
        output.Backward(fixture.Upstream);
        fixture.AssertGradients();
    }

    [Fact]
    public void Every_mapped_case_has_a_fixture()
    {
        var inFiles = OpFixture.CaseNames().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        string[] missing = Engine.Keys.Where(k => !inFiles.Contains(k)).ToArray();
        Assert.True(missing.Length == 0, "Cases mapped here but absent from tests/fixtures/ops (rerun make_op_fixtures.py): " + string.Join(", ", missing));
    }
}
