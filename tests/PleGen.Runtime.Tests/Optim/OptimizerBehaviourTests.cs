using System.Linq;
using System;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Optim;

public sealed class OptimizerBehaviourTests
{
    private static NamedTensor Parameter(string name, params float[] values) => new(name, new Tensor([values.Length], values, requiresGrad: true));

    public static TheoryData<string> AllOptimizers() => ["sgd", "sgd_momentum_nesterov_wd", "adam", "adam_amsgrad_wd", "adamw", "adagrad_wd"];

    private static Optimizer Create(string kind, NamedTensor[] parameters) => kind switch
    {
        "sgd" => new Sgd(parameters, 0.1),
        "sgd_momentum_nesterov_wd" => new Sgd(parameters, 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true),
        "adam" => new Adam(parameters, 1e-2),
        "adam_amsgrad_wd" => new Adam(parameters, 1e-2, weightDecay: 0.1, amsGrad: true),
        "adamw" => new AdamW(parameters, 1e-2),
        "adagrad_wd" => new Adagrad(parameters, 1e-2, learningRateDecay: 0.1, weightDecay: 0.1),
        _ => throw new ArgumentException($"No optimizer '{kind}' in this test."),
    };

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Parameters_without_a_gradient_are_left_alone(string kind)
    {
        NamedTensor a = Parameter("a", 1f, 2f), b = Parameter("b", 3f, 4f);
        Optimizer optimizer = Create(kind, [a, b]);
        a.Tensor.Grad[0] = 1f;
        optimizer.Step();

        Assert.Equal([3f, 4f], b.Tensor.ToArray());
        Assert.False(b.Tensor.HasGrad);
        Assert.NotEqual(1f, a.Tensor.Data[0]);
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Steps_after_the_first_allocate_nothing(string kind)
    {
        // Vector-sized and odd-sized parameters, so both the vectorized loop and the scalar tail run.
        NamedTensor[] parameters = [new("w", new Tensor([64, 33], new float[64 * 33], requiresGrad: true)), Parameter("b", 1f, 2f, 3f)];
        Optimizer optimizer = Create(kind, parameters);
        foreach (NamedTensor p in parameters)
        {
            p.Tensor.Grad.Fill(0.25f);
        }

        optimizer.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            optimizer.LearningRate *= 0.9;
            optimizer.Step();
            optimizer.ZeroGrad();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Each_parameter_counts_its_own_steps_from_its_first_gradient()
    {
        NamedTensor a = Parameter("a", 1f), b = Parameter("b", 1f);
        var adam = new Adam([a, b], 0.1);
        a.Tensor.Grad[0] = 1f;
        adam.Step();
        adam.Step();
        b.Tensor.Grad[0] = 1f;
        adam.Step();

        Assert.Equal(3, adam.StepCount);
        Assert.Equal(3f, adam.State["step.a"].Item());
        Assert.Equal(1f, adam.State["step.b"].Item());
        // At its own first step Adam moves a parameter by lr * sign(g) (bias-corrected m / sqrt(v) = 1).
        Assert.Equal(1f - 0.1f, b.Tensor.Data[0], 6);
    }

    [Fact]
    public void State_is_named_like_pytorchs_and_holds_the_live_buffers()
    {
        NamedTensor w = Parameter("towers.income.0.weight", 1f, -1f);
        var adam = new Adam([w], 0.1, amsGrad: true);
        Assert.Empty(adam.State);
        w.Tensor.Grad.Fill(2f);
        adam.Step();

        Assert.Equal(["exp_avg.towers.income.0.weight", "exp_avg_sq.towers.income.0.weight", "max_exp_avg_sq.towers.income.0.weight", "step.towers.income.0.weight"],
            adam.State.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([0.2f, 0.2f], adam.State["exp_avg.towers.income.0.weight"].ToArray(), new ToleranceComparer(1e-6f));
        Assert.Empty(adam.State["step.towers.income.0.weight"].Shape);

        Tensor exponentialAverage = adam.State["exp_avg.towers.income.0.weight"];
        adam.Step();
        Assert.Same(exponentialAverage, adam.State["exp_avg.towers.income.0.weight"]);
        Assert.Equal(0.2f * 0.9f + 0.2f, exponentialAverage.Data[0], 6);
    }

    [Fact]
    public void Adagrad_creates_every_state_up_front_as_pytorch_does()
    {
        var adagrad = new Adagrad([Parameter("a", 1f), Parameter("b", 1f, 2f)], initialAccumulatorValue: 0.5);
        Assert.Equal([0.5f, 0.5f], adagrad.State["sum.b"].ToArray());
        Assert.Equal(0f, adagrad.State["step.b"].Item());
    }

    [Fact]
    public void Sgd_keeps_a_momentum_buffer_only_with_momentum_and_no_step_count()
    {
        NamedTensor p = Parameter("p", 1f);
        p.Tensor.Grad[0] = 1f;
        var plain = new Sgd([p], 0.1);
        plain.Step();
        Assert.Empty(plain.State);

        var momentum = new Sgd([p], 0.1, momentum: 0.9);
        momentum.Step();
        Assert.Equal(["momentum_buffer.p"], momentum.State.Keys);
        Assert.Equal(1f, momentum.State["momentum_buffer.p"].Item());
    }

    [Fact]
    public void Optimizers_update_views_of_a_shared_tensor_in_place()
    {
        // Expert banks expose each expert's weight as a view of the bank; updates must land in the bank.
        var bank = new Tensor([2, 3], [1f, 1f, 1f, 2f, 2f, 2f], requiresGrad: true);
        var sgd = new Sgd([new("e0", bank.Select(0)), new("e1", bank.Select(1))], 0.5);
        bank.Grad.Fill(1f);
        sgd.Step();
        Assert.Equal([0.5f, 0.5f, 0.5f, 1.5f, 1.5f, 1.5f], bank.ToArray());
    }

    [Fact]
    public void Zero_grad_clears_every_gradient()
    {
        NamedTensor a = Parameter("a", 1f, 2f), b = Parameter("b", 3f);
        var sgd = new Sgd([a, b], 0.1);
        a.Tensor.Grad.Fill(5f);
        b.Tensor.Grad.Fill(6f);
        sgd.ZeroGrad();
        Assert.All(a.Tensor.Grad.ToArray().Concat(b.Tensor.Grad.ToArray()), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void The_learning_rate_is_settable_and_checked()
    {
        var sgd = new Sgd([Parameter("p", 1f)], 0.1) { LearningRate = 0.25 };
        Assert.Equal(0.25, sgd.LearningRate);
        Assert.Contains("finite", Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = double.NaN).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = double.PositiveInfinity);
    }

    [Fact]
    public void Bad_settings_and_parameter_lists_are_explained()
    {
        NamedTensor p = Parameter("p", 0f);
        Assert.Contains("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], beta1: 1.0)).Message);
        Assert.Contains("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([p], beta2: -0.1)).Message);
        Assert.Contains("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad([p], weightDecay: -1)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => new Sgd([p], 0.1, nesterov: true)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => new Sgd([p], 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)).Message);
        Assert.Contains("'p' appears twice", Assert.Throws<ArgumentException>(() => new Sgd([p, p], 0.1)).Message);
        Assert.Contains("another name", Assert.Throws<ArgumentException>(() => new Sgd([p, new("q", p.Tensor)], 0.1)).Message);
        Assert.Contains("at least one parameter", Assert.Throws<ArgumentException>(() => new Sgd([], 0.1)).Message);
    }

    private sealed class ToleranceComparer(float tolerance) : System.Collections.Generic.IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
