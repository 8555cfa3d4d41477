using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PleGen.Runtime;
using PleGen.Runtime.Tests.Parity;
using Xunit;

namespace PleGen.Runtime.Tests.Optim;

/// <summary>Three steps of every optimizer and each schedule's rates against torch.optim 1.13 (fixtures/optim.json).</summary>
public sealed class OptimizerParityTests
{
    public static IEnumerable<object[]> Cases()
        => Fixture.Load("optim.json").GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Three_steps_match_pytorch(string name)
    {
        JsonElement c = Fixture.Load("optim.json").GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        Tensor p = Fixture.Tensor(c.GetProperty("initial"), requiresGrad: true);
        var parameters = new[] { new NamedTensor("p", p) };
        Optimizer optimizer = name switch
        {
            "sgd" => new Sgd(parameters, 0.1),
            "sgd_momentum_nesterov_wd" => new Sgd(parameters, 0.05, momentum: 0.9, weightDecay: 0.01, nesterov: true),
            "sgd_momentum_dampening" => new Sgd(parameters, 0.05, momentum: 0.8, dampening: 0.3),
            "adam" => new Adam(parameters, 1e-2),
            "adam_amsgrad_wd" => new Adam(parameters, 1e-2, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1, amsGrad: true),
            "adamw" => new AdamW(parameters, 1e-2, weightDecay: 0.05),
            "adagrad" => new Adagrad(parameters, 0.1, learningRateDecay: 0.01, weightDecay: 0.02, initialAccumulatorValue: 0.1),
            _ => throw new InvalidOperationException($"No optimizer mapping for fixture case '{name}'."),
        };

        JsonElement[] grads = c.GetProperty("grads").EnumerateArray().ToArray();
        JsonElement[] expected = c.GetProperty("after_each_step").EnumerateArray().ToArray();
        for (int step = 0; step < grads.Length; step++)
        {
            Fixture.Tensor(grads[step]).Data.CopyTo(p.Grad);
            optimizer.Step();
            Fixture.AssertClose($"{name} after step {step + 1}", expected[step], p.Data);
        }
    }

    [Theory]
    [InlineData("step")]
    [InlineData("exponential")]
    [InlineData("cosine")]
    public void Schedules_match_pytorch(string name)
    {
        JsonElement c = Fixture.Load("optim.json").GetProperty("schedules").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        ILearningRateSchedule schedule = name switch
        {
            "step" => new StepLearningRate(3, 0.5),
            "exponential" => new ExponentialLearningRate(0.9),
            _ => new CosineAnnealingLearningRate(10, 0.001),
        };

        double initial = c.GetProperty("initial").GetDouble();
        double[] rates = c.GetProperty("rates").EnumerateArray().Select(r => r.GetDouble()).ToArray();
        for (int epoch = 0; epoch < rates.Length; epoch++)
        {
            Assert.Equal(rates[epoch], schedule.LearningRate(epoch, initial), 10);
        }
    }

    [Fact]
    public void Parameters_without_gradients_are_skipped_and_state_is_named()
    {
        var a = new Tensor(new[] { 2 }, new[] { 1f, 2f }, requiresGrad: true);
        var b = new Tensor(new[] { 2 }, new[] { 3f, 4f }, requiresGrad: true);
        var adam = new Adam(new[] { new NamedTensor("a", a), new NamedTensor("b", b) });
        a.Grad[0] = 1f;
        adam.Step();

        Assert.Equal(new[] { 3f, 4f }, b.Data.ToArray());
        Assert.NotEqual(1f, a.Data[0]);
        Assert.Contains("exp_avg.a", adam.State.Keys);
        Assert.DoesNotContain("exp_avg.b", adam.State.Keys);
    }

    [Fact]
    public void Bad_settings_are_rejected()
    {
        var p = new[] { new NamedTensor("p", new Tensor(new[] { 1 }, new[] { 0f })) };
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, beta1: 1.0));
        Assert.Throws<ArgumentException>(() => new Sgd(p, 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => new Sgd(p.Concat(p), 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(p, 0.1) { LearningRate = double.NaN });
    }
}
