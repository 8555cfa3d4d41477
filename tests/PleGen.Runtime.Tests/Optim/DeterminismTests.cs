using PleGen.Runtime.Init;
using PleGen.Runtime.Memory;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Optim;

/// <summary>Same seed, same parameters after several training steps: initialization, dropout and kernels are deterministic.</summary>
public sealed class DeterminismTests
{
    private static float[][] Train(ulong seed)
    {
        var w1 = new Tensor(new[] { 32, 20 }, new float[640], requiresGrad: true);
        var b1 = new Tensor(new[] { 32 }, new float[32], requiresGrad: true);
        var w2 = new Tensor(new[] { 1, 32 }, new float[32], requiresGrad: true);
        var b2 = new Tensor(new[] { 1 }, new float[1], requiresGrad: true);
        Initializers.LinearWeight(w1, seed, "w1");
        Initializers.LinearBias(b1, 20, seed, "b1");
        Initializers.LinearWeight(w2, seed, "w2");
        Initializers.LinearBias(b2, 32, seed, "b2");
        var adam = new Adam(new[] { new NamedTensor("w1", w1), new NamedTensor("b1", b1), new NamedTensor("w2", w2), new NamedTensor("b2", b2) }, 1e-2);

        var data = new RandomSource(seed + 1);
        var dropout = new RandomSource(seed + 2);
        var x = new float[256 * 20];
        data.FillNormal(x, 0f, 1f);
        var y = new float[256];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = x[i * 20] > 0 ? 1f : 0f;
        }

        var input = new Tensor(new[] { 256, 20 }, x);
        var labels = new Tensor(new[] { 256 }, y);
        var pool = new BufferPool();
        for (int step = 0; step < 5; step++)
        {
            using var scope = new TensorScope(pool);
            Tensor h = Ops.Dropout(Ops.Relu(Ops.Linear(input, w1, b1)), 0.2f, training: true, dropout);
            LossFunctions.BinaryCrossEntropyWithLogits(Ops.Linear(h, w2, b2), labels).Backward();
            adam.Step();
            adam.ZeroGrad();
        }

        return new[] { w1.ToArray(), b1.ToArray(), w2.ToArray(), b2.ToArray() };
    }

    [Fact]
    public void Two_runs_with_the_same_seed_give_identical_parameters()
    {
        float[][] first = Train(42), second = Train(42), other = Train(43);
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i], second[i]);
        }

        Assert.NotEqual(first[0], other[0]);
    }
}
