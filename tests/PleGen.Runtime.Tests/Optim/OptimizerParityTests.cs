using System.Linq;
using System.Text.Json;
using System;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Optim;

/// <summary>
/// Three steps of every optimizer configuration against torch.optim 1.13 (fixtures/optim/optimizers.json): two
/// parameters, the second without a gradient at step 1 (PyTorch's grad None), the learning rate halved before
/// step 3; parameters after each step and the final state tensors by name.
/// </summary>
public sealed class OptimizerParityTests
{
    private const string File = "optim/optimizers.json";

    public static TheoryData<string> Cases() => ReferenceFixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Three_steps_match_pytorch(string name)
    {
        JsonElement c = ReferenceFixture.Case(File, name);
        Tensor a = ReferenceFixture.Tensor(c.GetProperty("initial").GetProperty("a"), requiresGrad: true);
        Tensor b = ReferenceFixture.Tensor(c.GetProperty("initial").GetProperty("b"), requiresGrad: true);
        Optimizer optimizer = Create(c.GetProperty("optimizer").GetString()!, c.GetProperty("resolved_options"), [new("a", a), new("b", b)]);

        JsonElement[] grads = [.. c.GetProperty("grads").EnumerateArray()];
        JsonElement[] expected = [.. c.GetProperty("after_each_step").EnumerateArray()];
        for (int step = 0; step < grads.Length; step++)
        {
            if (step == 2)
            {
                optimizer.LearningRate *= c.GetProperty("lr_factor_at_step_3").GetDouble();
            }

            ReferenceFixture.Floats(grads[step].GetProperty("a").GetProperty("values")).CopyTo(a.Grad);
            JsonElement gradB = grads[step].GetProperty("b");
            if (gradB.ValueKind != JsonValueKind.Null)
            {
                ReferenceFixture.Floats(gradB.GetProperty("values")).CopyTo(b.Grad);
            }

            Assert.Equal(gradB.ValueKind != JsonValueKind.Null, b.HasGrad);
            optimizer.Step();
            ReferenceFixture.AssertClose($"{name}: a after step {step + 1}", expected[step].GetProperty("a"), a);
            ReferenceFixture.AssertClose($"{name}: b after step {step + 1}", expected[step].GetProperty("b"), b);
        }

        JsonProperty[] state = [.. c.GetProperty("final_state").EnumerateObject()];
        Assert.Equal(state.Select(s => s.Name).Order(StringComparer.Ordinal), optimizer.State.Keys.Order(StringComparer.Ordinal));
        foreach (JsonProperty s in state)
        {
            ReferenceFixture.AssertClose($"{name}: state {s.Name}", s.Value, optimizer.State[s.Name]);
        }
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    [InlineData("adamw_default_decay")]
    [InlineData("adagrad")]
    public void Defaults_are_pytorchs(string name)
    {
        JsonElement c = ReferenceFixture.Case(File, name);
        JsonElement o = c.GetProperty("resolved_options");
        double lr = o.GetProperty("lr").GetDouble();
        NamedTensor[] p = [new("p", new Tensor([1], [0f]))];
        string kind = c.GetProperty("optimizer").GetString()!;
        switch (kind)
        {
            case "SGD":
                var sgd = new Sgd(p, lr);
                Assert.Equal((o.GetProperty("momentum").GetDouble(), o.GetProperty("dampening").GetDouble(), o.GetProperty("weight_decay").GetDouble(), o.GetProperty("nesterov").GetBoolean()),
                    (sgd.Momentum, sgd.Dampening, sgd.WeightDecay, sgd.Nesterov));
                break;
            case "Adam":
            case "AdamW":
                Adam adam = kind == "Adam" ? new Adam(p, lr) : new AdamW(p, lr);
                Assert.Equal((o.GetProperty("betas")[0].GetDouble(), o.GetProperty("betas")[1].GetDouble(), o.GetProperty("eps").GetDouble(), o.GetProperty("weight_decay").GetDouble(), o.GetProperty("amsgrad").GetBoolean()),
                    (adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay, adam.AmsGrad));
                break;
            default:
                var adagrad = new Adagrad(p, lr);
                Assert.Equal((o.GetProperty("lr_decay").GetDouble(), o.GetProperty("weight_decay").GetDouble(), o.GetProperty("initial_accumulator_value").GetDouble(), o.GetProperty("eps").GetDouble()),
                    (adagrad.LearningRateDecay, adagrad.WeightDecay, adagrad.InitialAccumulatorValue, adagrad.Epsilon));
                break;
        }
    }

    /// <summary>Builds our optimizer from every hyper-parameter PyTorch resolved (so none of our defaults is involved).</summary>
    private static Optimizer Create(string kind, JsonElement o, NamedTensor[] parameters)
    {
        double lr = o.GetProperty("lr").GetDouble();
        double Number(string key) => o.GetProperty(key).GetDouble();
        bool Flag(string key) => o.GetProperty(key).GetBoolean();
        Assert.False(Flag("maximize"));
        return kind switch
        {
            "SGD" => new Sgd(parameters, lr, Number("momentum"), Number("dampening"), Number("weight_decay"), Flag("nesterov")),
            "Adam" => new Adam(parameters, lr, o.GetProperty("betas")[0].GetDouble(), o.GetProperty("betas")[1].GetDouble(), Number("eps"), Number("weight_decay"), Flag("amsgrad")),
            "AdamW" => new AdamW(parameters, lr, o.GetProperty("betas")[0].GetDouble(), o.GetProperty("betas")[1].GetDouble(), Number("eps"), Number("weight_decay"), Flag("amsgrad")),
            "Adagrad" => new Adagrad(parameters, lr, Number("lr_decay"), Number("weight_decay"), Number("initial_accumulator_value"), Number("eps")),
            _ => throw new ArgumentException($"The fixture names optimizer '{kind}', which this test does not map."),
        };
    }
}
