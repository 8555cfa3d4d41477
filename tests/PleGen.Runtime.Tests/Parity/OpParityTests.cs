using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Parity;

/// <summary>Outputs and gradients of every op against PyTorch 1.13 (fixtures/ops.json), within 1e-5 relative.</summary>
public sealed class OpParityTests
{
    public static IEnumerable<object[]> Cases() => Fixture.CaseNames("ops.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name)
    {
        JsonElement c = Fixture.Case("ops.json", name);
        var inputs = c.GetProperty("inputs").EnumerateObject().ToDictionary(p => p.Name, p => Fixture.Tensor(p.Value, requiresGrad: true));
        JsonElement constants = c.GetProperty("constants");
        Tensor Const(string key) => Fixture.Tensor(constants.GetProperty(key));

        Tensor output = name switch
        {
            "linear" => Ops.Linear(inputs["x"], inputs["weight"], inputs["bias"]),
            "matmul_nn" => Ops.MatMul(inputs["a"], inputs["b"]),
            "matmul_nt" => Ops.MatMul(inputs["a"], inputs["b"], transposeB: true),
            "matmul_tn" => Ops.MatMul(inputs["a"], inputs["b"], transposeA: true),
            "matmul_tt" => Ops.MatMul(inputs["a"], inputs["b"], transposeA: true, transposeB: true),
            "batched_matmul" => Ops.BatchedMatMul(inputs["a"], inputs["b"]),
            "softmax" => Ops.Softmax(inputs["x"]),
            "sigmoid" => Ops.Sigmoid(inputs["x"]),
            "tanh" => Ops.Tanh(inputs["x"]),
            "relu" => Ops.Relu(inputs["x"]),
            "embedding" => Ops.Embedding(inputs["weight"], Const("ids").ToArray().Select(v => (int)v).ToArray()),
            "expert_bank_shared" => Ops.ExpertBank(inputs["x"], inputs["weight"], inputs["bias"]),
            "expert_bank_per_expert" => Ops.ExpertBank(inputs["h"], inputs["weight"], inputs["bias"]),
            "gate_mix" => Ops.GateMix(inputs["gate"], inputs["own"], inputs["shared"]),
            "bce_masked" or "bce_unmasked" or "bce_extreme_logits" or "bce_empty_mask" =>
                Losses.BinaryCrossEntropyWithLogits(inputs["logits"], Const("targets"), Const("mask")),
            "mse_masked" => Losses.MeanSquaredError(inputs["predictions"], Const("targets"), Const("mask")),
            _ => throw new InvalidOperationException($"No engine mapping for fixture case '{name}'; add one."),
        };

        Fixture.AssertClose(name + " output", c.GetProperty("output"), output.Data, output.Shape);
        if (output.RequiresGrad)
        {
            output.Backward(Fixture.Tensor(c.GetProperty("upstream")).Data);
        }

        foreach (JsonProperty grad in c.GetProperty("grads").EnumerateObject())
        {
            Fixture.AssertClose($"{name} d/d{grad.Name}", grad.Value, inputs[grad.Name].Grad);
        }
    }
}
