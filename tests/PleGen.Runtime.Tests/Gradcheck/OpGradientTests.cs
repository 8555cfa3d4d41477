using PleGen.Runtime;
using Xunit;

namespace PleGen.Runtime.Tests.Gradcheck;

/// <summary>Every differentiable op's backward against finite differences (see <see cref="GradientCheck"/>).</summary>
public sealed class OpGradientTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradientCheck.Random(seed, shape);

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void MatMul(bool ta, bool tb)
    {
        Tensor a = ta ? R(1, 4, 3) : R(1, 3, 4);
        Tensor b = tb ? R(2, 5, 4) : R(2, 4, 5);
        GradientCheck.Check("MatMul", t => Ops.MatMul(t[0], t[1], ta, tb), a, b);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void BatchedMatMul(bool ta, bool tb)
    {
        Tensor a = ta ? R(3, 2, 4, 3) : R(3, 2, 3, 4);
        Tensor b = tb ? R(4, 2, 5, 4) : R(4, 2, 4, 5);
        GradientCheck.Check("BatchedMatMul", t => Ops.BatchedMatMul(t[0], t[1], ta, tb), a, b);
    }

    [Fact]
    public void Linear() => GradientCheck.Check("Linear", t => Ops.Linear(t[0], t[1], t[2]), R(5, 4, 3), R(6, 2, 3), R(7, 2));

    [Fact]
    public void LinearWithoutBias() => GradientCheck.Check("Linear", t => Ops.Linear(t[0], t[1]), R(5, 4, 3), R(6, 2, 3));

    [Fact]
    public void AddSubMulSameShape()
    {
        GradientCheck.Check("Add", t => Ops.Add(t[0], t[1]), R(8, 3, 4), R(9, 3, 4));
        GradientCheck.Check("Sub", t => Ops.Sub(t[0], t[1]), R(8, 3, 4), R(9, 3, 4));
        GradientCheck.Check("Mul", t => Ops.Mul(t[0], t[1]), R(8, 3, 4), R(9, 3, 4));
    }

    [Fact]
    public void BroadcastRowColumnScalar()
    {
        GradientCheck.Check("Add row", t => Ops.Add(t[0], t[1]), R(10, 3, 4), R(11, 4));
        GradientCheck.Check("Mul row", t => Ops.Mul(t[0], t[1]), R(10, 3, 4), R(11, 4));
        GradientCheck.Check("Sub column", t => Ops.Sub(t[0], t[1]), R(12, 3, 4), R(13, 3, 1));
        GradientCheck.Check("Mul column", t => Ops.Mul(t[0], t[1]), R(12, 3, 4), R(13, 3, 1));
        GradientCheck.Check("Mul scalar", t => Ops.Mul(t[0], t[1]), R(14, 2, 3), R(15, 1));
        GradientCheck.Check("Sub scalar", t => Ops.Sub(t[0], t[1]), R(14, 2, 3), R(15, 1));
        GradientCheck.Check("Scale", t => Ops.Scale(t[0], -1.5f), R(16, 2, 3));
    }

    [Fact]
    public void Activations()
    {
        GradientCheck.Check("Relu", t => Ops.Relu(t[0]), R(20, 3, 5));
        GradientCheck.Check("Sigmoid", t => Ops.Sigmoid(t[0]), R(21, 3, 5));
        GradientCheck.Check("Tanh", t => Ops.Tanh(t[0]), R(22, 3, 5));
        GradientCheck.Check("Softmax", t => Ops.Softmax(t[0]), R(23, 3, 5));
    }

    [Fact]
    public void Reductions()
    {
        GradientCheck.Check("Sum", t => Ops.Sum(t[0]), R(30, 3, 4));
        GradientCheck.Check("Mean", t => Ops.Mean(t[0]), R(31, 3, 4));
        GradientCheck.Check("Sum dim 0", t => Ops.Sum(t[0], 0), R(32, 3, 4, 2));
        GradientCheck.Check("Mean dim 1", t => Ops.Mean(t[0], 1), R(33, 3, 4, 2));
        GradientCheck.Check("Sum dim -1", t => Ops.Sum(t[0], -1), R(34, 3, 4));
    }

    [Fact]
    public void ShapeOps()
    {
        GradientCheck.Check("Concat dim 1", t => Ops.Concat(new[] { t[0], t[1] }, 1), R(40, 3, 2), R(41, 3, 4));
        GradientCheck.Check("Concat dim 0", t => Ops.Concat(new[] { t[0], t[1] }, 0), R(40, 2, 3), R(41, 1, 3));
        GradientCheck.Check("Stack", t => Ops.Stack(new[] { t[0], t[1] }, 1), R(42, 3, 2), R(43, 3, 2));
        GradientCheck.Check("Slice", t => Ops.Slice(t[0], 1, 1, 2), R(44, 3, 4));
        GradientCheck.Check("Split", t => Ops.Split(t[0], 1, 1, 3)[1], R(45, 2, 4));
        GradientCheck.Check("Reshape", t => Ops.Reshape(t[0], 6, 2), R(46, 3, 4));
    }

    [Fact]
    public void Embedding()
    {
        int[] ids = { 2, 0, 2, 3 };
        GradientCheck.Check("Embedding", t => Ops.Embedding(t[0], ids), R(50, 5, 3));
    }

    [Fact]
    public void Dropout()
    {
        // The same seed draws the same mask in every evaluation, so the op is a fixed linear map to check.
        GradientCheck.Check("Dropout", t => Ops.Dropout(t[0], 0.3f, training: true, new RandomSource(7)), R(51, 4, 5));
    }

    [Fact]
    public void ExpertBankSharedInput() => GradientCheck.Check("ExpertBank shared", t => Ops.ExpertBank(t[0], t[1], t[2]), R(60, 4, 3), R(61, 3, 2, 3), R(62, 3, 2));

    [Fact]
    public void ExpertBankPerExpertInput() => GradientCheck.Check("ExpertBank per expert", t => Ops.ExpertBank(t[0], t[1], t[2]), R(63, 4, 3, 2), R(64, 3, 5, 2), R(65, 3, 5));

    [Fact]
    public void GateMixOverTwoBanks() => GradientCheck.Check("GateMix", t => Ops.GateMix(t[0], t[1], t[2]), R(70, 4, 5), R(71, 4, 2, 3), R(72, 4, 3, 3));

    [Fact]
    public void Losses()
    {
        var targets = new Tensor(new[] { 4 }, new[] { 1f, 0f, 1f, 0.25f });
        var mask = new Tensor(new[] { 4 }, new[] { 1f, 0f, 1f, 1f });
        GradientCheck.Check("BCE", t => PleGen.Runtime.Losses.BinaryCrossEntropyWithLogits(t[0], targets), R(80, 4));
        GradientCheck.Check("BCE masked", t => PleGen.Runtime.Losses.BinaryCrossEntropyWithLogits(t[0], targets, mask), R(81, 4, 1));
        GradientCheck.Check("MSE masked", t => PleGen.Runtime.Losses.MeanSquaredError(t[0], targets, mask), R(82, 4));
    }
}
