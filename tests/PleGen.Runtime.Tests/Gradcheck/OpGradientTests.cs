using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Gradcheck;

/// <summary>Every differentiable op's backward pass against finite differences (see <see cref="GradientCheck"/>).</summary>
public sealed class OpGradientTests
{
    private static Tensor R(ulong seed, params int[] shape) => GradientCheck.Random(seed, shape);

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void MatMul(bool transposeA, bool transposeB)
    {
        Tensor a = transposeA ? R(1, 4, 3) : R(1, 3, 4);
        Tensor b = transposeB ? R(2, 5, 4) : R(2, 4, 5);
        GradientCheck.Check("MatMul", t => Ops.MatMul(t[0], t[1], transposeA, transposeB), a, b);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void BatchedMatMul(bool transposeA, bool transposeB)
    {
        Tensor a = transposeA ? R(3, 2, 4, 3) : R(3, 2, 3, 4);
        Tensor b = transposeB ? R(4, 2, 5, 4) : R(4, 2, 4, 5);
        GradientCheck.Check("BatchedMatMul", t => Ops.BatchedMatMul(t[0], t[1], transposeA, transposeB), a, b);
    }

    [Fact]
    public void Linear()
    {
        GradientCheck.Check("Linear", t => Ops.Linear(t[0], t[1], t[2]), R(5, 4, 3), R(6, 2, 3), R(7, 2));
        GradientCheck.Check("Linear without bias", t => Ops.Linear(t[0], t[1]), R(5, 4, 3), R(6, 2, 3));
        GradientCheck.Check("Linear on [2, 3, in]", t => Ops.Linear(t[0], t[1], t[2]), R(8, 2, 3, 4), R(9, 2, 4), R(10, 2));
    }

    [Fact]
    public void LinearWithFusedActivation()
    {
        GradientCheck.Check("Linear+Tanh", t => Ops.Linear(t[0], t[1], t[2], Activation.Tanh), R(11, 4, 3), R(12, 2, 3), R(13, 2));
        GradientCheck.Check("Linear+Sigmoid", t => Ops.Linear(t[0], t[1], t[2], Activation.Sigmoid), R(11, 4, 3), R(12, 2, 3), R(13, 2));

        Tensor x = R(14, 4, 3), w = R(15, 2, 3), b = R(16, 2);
        GradientCheck.RequireAwayFromKink("Linear+Relu pre-activation", Ops.Linear(x, w, b).Data);
        GradientCheck.Check("Linear+Relu", t => Ops.Linear(t[0], t[1], t[2], Activation.Relu), x, w, b);
    }

    [Fact]
    public void ElementwiseSameShape()
    {
        GradientCheck.Check("Add", t => Ops.Add(t[0], t[1]), R(20, 3, 4), R(21, 3, 4));
        GradientCheck.Check("Sub", t => Ops.Sub(t[0], t[1]), R(20, 3, 4), R(21, 3, 4));
        GradientCheck.Check("Mul", t => Ops.Mul(t[0], t[1]), R(20, 3, 4), R(21, 3, 4));
        GradientCheck.Check("Scale", t => Ops.Scale(t[0], -1.5f), R(22, 2, 3));
        GradientCheck.Check("Mul of a tensor by itself", t => Ops.Mul(t[0], t[0]), R(23, 5));
    }

    [Fact]
    public void ElementwiseBroadcast()
    {
        GradientCheck.Check("Add row", t => Ops.Add(t[0], t[1]), R(24, 3, 4), R(25, 4));
        GradientCheck.Check("Sub row over rank 3", t => Ops.Sub(t[0], t[1]), R(24, 2, 3, 4), R(25, 3, 4));
        GradientCheck.Check("Mul row", t => Ops.Mul(t[0], t[1]), R(24, 3, 4), R(25, 4));
        GradientCheck.Check("Add column", t => Ops.Add(t[0], t[1]), R(26, 3, 4), R(27, 3, 1));
        GradientCheck.Check("Sub column", t => Ops.Sub(t[0], t[1]), R(26, 3, 4), R(27, 3, 1));
        GradientCheck.Check("Mul column", t => Ops.Mul(t[0], t[1]), R(26, 3, 4), R(27, 3, 1));
        GradientCheck.Check("Add scalar", t => Ops.Add(t[0], t[1]), R(28, 2, 3), R(29, 1));
        GradientCheck.Check("Sub scalar", t => Ops.Sub(t[0], t[1]), R(28, 2, 3), R(29, 1));
        GradientCheck.Check("Mul scalar", t => Ops.Mul(t[0], t[1]), R(28, 2, 3), R(29, 1));
    }

    [Fact]
    public void Activations()
    {
        GradientCheck.Check("Relu", t => Ops.Relu(t[0]), R(30, 3, 5));
        GradientCheck.Check("Sigmoid", t => Ops.Sigmoid(t[0]), R(31, 3, 5));
        GradientCheck.Check("Tanh", t => Ops.Tanh(t[0]), R(32, 3, 5));
        GradientCheck.Check("Softmax", t => Ops.Softmax(t[0]), R(33, 3, 5));
        GradientCheck.Check("Softmax over the last of three dimensions", t => Ops.Softmax(t[0]), R(34, 2, 2, 3));
        GradientCheck.Check("Softmax over wide rows", t => Ops.Softmax(t[0]), R(35, 2, 20));
    }

    [Fact]
    public void Reductions()
    {
        GradientCheck.Check("Sum", t => Ops.Sum(t[0]), R(40, 3, 4));
        GradientCheck.Check("Mean", t => Ops.Mean(t[0]), R(41, 3, 4));
        GradientCheck.Check("Sum dim 0", t => Ops.Sum(t[0], 0), R(42, 3, 4, 2));
        GradientCheck.Check("Mean dim 1", t => Ops.Mean(t[0], 1), R(43, 3, 4, 2));
        GradientCheck.Check("Sum dim -1", t => Ops.Sum(t[0], -1), R(44, 3, 4));
        GradientCheck.Check("Mean dim -1", t => Ops.Mean(t[0], -1), R(45, 2, 3, 4));
    }

    [Fact]
    public void ShapeOps()
    {
        GradientCheck.Check("Concat dim 1", t => Ops.Concat(new[] { t[0], t[1] }, 1), R(50, 3, 2), R(51, 3, 4));
        GradientCheck.Check("Concat dim 0", t => Ops.Concat(new[] { t[0], t[1] }, 0), R(50, 2, 3), R(51, 1, 3));
        GradientCheck.Check("Concat of a tensor with itself", t => Ops.Concat(new[] { t[0], t[0] }, -1), R(52, 2, 3));
        GradientCheck.Check("Stack dim 1", t => Ops.Stack(new[] { t[0], t[1] }, 1), R(53, 3, 2), R(54, 3, 2));
        GradientCheck.Check("Slice dim 1 (copy)", t => Ops.Slice(t[0], 1, 1, 2), R(55, 3, 4));
        GradientCheck.Check("Slice dim 0 (view)", t => Ops.Mul(Ops.Slice(t[0], 0, 1, 2), Ops.Slice(t[0], 0, 0, 2)), R(56, 3, 4));
        GradientCheck.Check("Split", t => Ops.Split(t[0], 1, 1, 3)[1], R(57, 2, 4));
        GradientCheck.Check("Reshape (view)", t => Ops.Tanh(Ops.Reshape(t[0], 6, 2)), R(58, 3, 4));
    }

    [Fact]
    public void Embedding()
    {
        GradientCheck.Check("Embedding", t => Ops.Embedding(t[0], new[] { 2, 0, 2, 3 }), R(60, 5, 3));
        GradientCheck.Check("Embedding with long ids", t => Ops.Embedding(t[0], new long[] { 4, 4, 1 }), R(61, 5, 2));
    }

    [Fact]
    public void Dropout()
    {
        // A new generator with the same seed draws the same mask on every evaluation: a fixed linear map to check.
        GradientCheck.Check("Dropout", t => Ops.Dropout(t[0], 0.3f, training: true, new RandomSource(7)), R(62, 4, 5));
    }

    [Fact]
    public void ExpertBank()
    {
        GradientCheck.Check("ExpertBank shared input", t => Ops.ExpertBank(t[0], t[1], t[2]), R(70, 4, 3), R(71, 3, 2, 3), R(72, 3, 2));
        GradientCheck.Check("ExpertBank shared input, no bias", t => Ops.ExpertBank(t[0], t[1]), R(70, 4, 3), R(71, 3, 2, 3));
        GradientCheck.Check("ExpertBank per-expert input", t => Ops.ExpertBank(t[0], t[1], t[2]), R(73, 4, 3, 2), R(74, 3, 5, 2), R(75, 3, 5));
        GradientCheck.Check("ExpertBank+Tanh per-expert input", t => Ops.ExpertBank(t[0], t[1], t[2], Activation.Tanh), R(73, 4, 3, 2), R(74, 3, 5, 2), R(75, 3, 5));

        Tensor x = R(76, 4, 3), w = R(77, 2, 3, 3), b = R(78, 2, 3);
        GradientCheck.RequireAwayFromKink("ExpertBank+Relu pre-activation", Ops.ExpertBank(x, w, b).Data);
        GradientCheck.Check("ExpertBank+Relu shared input", t => Ops.ExpertBank(t[0], t[1], t[2], Activation.Relu), x, w, b);
    }

    [Fact]
    public void GateMix()
    {
        GradientCheck.Check("GateMix over one bank", t => Ops.GateMix(t[0], t[1]), R(80, 4, 3), R(81, 4, 3, 2));
        GradientCheck.Check("GateMix over two banks", t => Ops.GateMix(t[0], t[1], t[2]), R(82, 4, 5), R(83, 4, 2, 3), R(84, 4, 3, 3));
        GradientCheck.Check("GateMix over rows wider than a SIMD vector", t => Ops.GateMix(t[0], t[1], t[2]), R(88, 2, 3), R(89, 2, 2, 19), R(90, 2, 1, 19));
        GradientCheck.Check("GateMix of a softmax gate", t => Ops.GateMix(Ops.Softmax(t[0]), t[1], t[2]), R(85, 3, 3), R(86, 3, 1, 2), R(87, 3, 2, 2));
    }

    [Fact]
    public void CrossStitch()
    {
        GradientCheck.Check("CrossStitch row 0 of two columns", t => Ops.CrossStitch(t[0], 0, t[1], t[2]), R(91, 2, 2), R(92, 3, 4), R(93, 3, 4));
        GradientCheck.Check("CrossStitch row 2 of three columns wider than a SIMD vector", t => Ops.CrossStitch(t[0], 2, t[1], t[2], t[3]), R(94, 3, 3), R(95, 2, 19), R(96, 2, 19), R(97, 2, 19));
        GradientCheck.Check("CrossStitch reading one column twice", t => Ops.CrossStitch(t[0], 1, t[1], t[1]), R(98, 2, 2), R(99, 3, 2));
    }

    [Fact]
    public void SubspaceMix()
    {
        GradientCheck.Check("SubspaceMix task 0 of two columns, two subspaces", t => Ops.SubspaceMix(t[0], 0, 2, t[1], t[2]), R(100, 4, 4), R(101, 3, 4), R(102, 3, 4));
        GradientCheck.Check("SubspaceMix task 2 of three columns, three subspaces wider than a SIMD vector",
            t => Ops.SubspaceMix(t[0], 2, 3, t[1], t[2], t[3]), R(103, 9, 9), R(104, 2, 57), R(105, 2, 57), R(106, 2, 57));
        GradientCheck.Check("SubspaceMix with one subspace (a cross-stitch row)", t => Ops.SubspaceMix(t[0], 1, 1, t[1], t[2]), R(107, 2, 2), R(108, 3, 4), R(109, 3, 4));
        GradientCheck.Check("SubspaceMix reading one column twice", t => Ops.SubspaceMix(t[0], 1, 2, t[1], t[1]), R(110, 4, 4), R(111, 3, 2));
    }

    [Fact]
    public void LayerMix()
    {
        GradientCheck.Check("LayerMix of three layers", t => Ops.LayerMix(t[0], t[1], t[2], t[3]), R(112, 3), R(113, 3, 4), R(114, 3, 4), R(115, 3, 4));
        GradientCheck.Check("LayerMix of one layer wider than a SIMD vector", t => Ops.LayerMix(t[0], t[1]), R(116, 1), R(117, 2, 19));
    }

    [Fact]
    public void SubspaceOrthogonality()
    {
        GradientCheck.Check("SubspaceOrthogonality of one weight, two subspaces", t => Ops.SubspaceOrthogonality(2, t[0]), R(118, 4, 3));
        GradientCheck.Check("SubspaceOrthogonality of two weights, three subspaces", t => Ops.SubspaceOrthogonality(3, t[0], t[1]), R(119, 6, 5), R(120, 3, 19));
        GradientCheck.Check("SubspaceOrthogonality of one weight listed twice", t => Ops.SubspaceOrthogonality(2, t[0], t[0]), R(121, 2, 3));
    }

    [Fact]
    public void Losses()
    {
        var targets = new Tensor(new[] { 4 }, new[] { 1f, 0f, 1f, 0.25f });
        var mask = new Tensor(new[] { 4 }, new[] { 1f, 0f, 1f, 1f });
        GradientCheck.Check("BCE", t => PleGen.Runtime.Operations.LossFunctions.BinaryCrossEntropyWithLogits(t[0], targets), R(90, 4));
        GradientCheck.Check("BCE masked, [batch, 1] logits", t => PleGen.Runtime.Operations.LossFunctions.BinaryCrossEntropyWithLogits(t[0], targets, mask), R(91, 4, 1));
        GradientCheck.Check("MSE", t => PleGen.Runtime.Operations.LossFunctions.MeanSquaredError(t[0], targets), R(92, 4));
        GradientCheck.Check("MSE masked", t => PleGen.Runtime.Operations.LossFunctions.MeanSquaredError(t[0], targets, mask), R(93, 4));
    }
}
