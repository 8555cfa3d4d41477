using System;
using PleGen.Runtime.Operations;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.OpsTests;

public sealed class SoftmaxTests
{
    [Fact]
    public void Huge_logits_do_not_overflow()
    {
        var x = new Tensor(new[] { 2, 3 }, new[] { 1000f, 1001f, 1002f, -1000f, -1000f, -1e30f });
        float[] y = Ops.Softmax(x).ToArray();
        Assert.All(y, v => Assert.True(float.IsFinite(v)));
        float e1 = MathF.Exp(-1f), e2 = MathF.Exp(-2f);
        Assert.Equal(1f / (1f + e1 + e2), y[2], 6);
        Assert.Equal(e2 / (1f + e1 + e2), y[0], 6);
        Assert.Equal(0.5f, y[3], 6);
        Assert.Equal(0f, y[5]);
    }

    [Fact]
    public void Rows_sum_to_one_over_the_last_dimension()
    {
        var values = new float[2 * 3 * 7];
        new RandomSource(5).FillNormal(values, 0f, 3f);
        float[] y = Ops.Softmax(new Tensor(new[] { 2, 3, 7 }, values)).ToArray();
        for (int r = 0; r < 6; r++)
        {
            float sum = 0f;
            for (int i = 0; i < 7; i++)
            {
                sum += y[(r * 7) + i];
            }

            Assert.Equal(1f, sum, 5);
        }
    }
}
