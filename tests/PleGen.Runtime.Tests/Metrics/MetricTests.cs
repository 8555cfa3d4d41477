using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PleGen.Runtime;
using PleGen.Runtime.Tests.Parity;
using Xunit;

namespace PleGen.Runtime.Tests.Metrics;

public sealed class MetricTests
{
    public static IEnumerable<object[]> Cases()
        => Fixture.Load("metrics.json").GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_scikit_learn_on_tied_scores(string name)
    {
        JsonElement c = Fixture.Load("metrics.json").GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        float[] scores = c.GetProperty("scores").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
        float[] labels = c.GetProperty("labels").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();

        // AUC and accuracy depend only on the order of scores and are exact; log loss and MSE see the scores
        // rounded to float32, hence a 1e-6 relative tolerance.
        Assert.Equal(c.GetProperty("auc").GetDouble(), PleGen.Runtime.Metrics.RocAuc(scores, labels), 12);
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), PleGen.Runtime.Metrics.Accuracy(scores, labels), 12);
        Close(c.GetProperty("log_loss").GetDouble(), PleGen.Runtime.Metrics.LogLoss(scores, labels));
        Close(c.GetProperty("mse").GetDouble(), PleGen.Runtime.Metrics.MeanSquaredError(scores, labels));
    }

    private static void Close(double expected, double actual)
        => Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Auc_of_perfect_reversed_and_fully_tied_rankings()
    {
        float[] labels = { 0, 0, 1, 1 };
        Assert.Equal(1.0, PleGen.Runtime.Metrics.RocAuc(new float[] { 0.1f, 0.2f, 0.8f, 0.9f }, labels));
        Assert.Equal(0.0, PleGen.Runtime.Metrics.RocAuc(new float[] { 0.9f, 0.8f, 0.2f, 0.1f }, labels));
        Assert.Equal(0.5, PleGen.Runtime.Metrics.RocAuc(new float[] { 0.5f, 0.5f, 0.5f, 0.5f }, labels));
    }

    [Fact]
    public void Masked_out_samples_are_ignored()
    {
        float[] scores = { 0.9f, 0.1f, 0.2f, 0.8f };
        float[] labels = { 1, 0, 1, 0 };
        float[] mask = { 1, 1, 0, 0 };
        Assert.Equal(1.0, PleGen.Runtime.Metrics.RocAuc(scores, labels, mask));
        Assert.Equal(0.0, PleGen.Runtime.Metrics.MeanSquaredError(new float[] { 1, 5 }, new float[] { 1, 0 }, new float[] { 1, 0 }));
    }

    [Fact]
    public void Bad_inputs_are_explained()
    {
        Assert.Contains("only one class", Assert.Throws<ArgumentException>(() => PleGen.Runtime.Metrics.RocAuc(new float[] { 0.1f, 0.2f }, new float[] { 1, 1 })).Message);
        Assert.Contains("3 predictions but 2 labels", Assert.Throws<ArgumentException>(() => PleGen.Runtime.Metrics.RocAuc(new float[3], new float[2])).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => PleGen.Runtime.Metrics.RocAuc(new[] { float.NaN, 0f }, new float[] { 0, 1 })).Message);
        Assert.Contains("0 or 1", Assert.Throws<ArgumentException>(() => PleGen.Runtime.Metrics.RocAuc(new[] { 0.3f, 0f }, new float[] { 0.5f, 1 })).Message);
        Assert.Contains("no sample", Assert.Throws<ArgumentException>(() => PleGen.Runtime.Metrics.MeanSquaredError(new float[1], new float[1], new float[] { 0 })).Message);
    }
}
