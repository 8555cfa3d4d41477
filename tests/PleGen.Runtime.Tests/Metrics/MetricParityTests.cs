using System;
using System.Text.Json;
using PleGen.Runtime.Tests.Optim;
using Xunit;

namespace PleGen.Runtime.Tests.Metrics;

/// <summary>
/// Our metrics against scikit-learn 1.2 (fixtures/metrics/sklearn.json) on float32 scores: heavily tied scores,
/// continuous ones, all-tied, probabilities at 0 and 1 (log-loss clipping), and a task mask (Eq. 9).
/// </summary>
public sealed class MetricParityTests
{
    private const string File = "metrics/sklearn.json";

    public static TheoryData<string> Cases() => ReferenceFixture.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_scikit_learn(string name)
    {
        JsonElement c = ReferenceFixture.Case(File, name);
        float[] scores = ReferenceFixture.Floats(c.GetProperty("scores"));
        float[] labels = ReferenceFixture.Floats(c.GetProperty("labels"));
        float[] mask = c.TryGetProperty("mask", out JsonElement m) ? ReferenceFixture.Floats(m) : [];

        // AUC and accuracy are ratios of counts: equal up to the last bit or two.
        Assert.Equal(c.GetProperty("auc").GetDouble(), PleGen.Runtime.Metrics.Metrics.RocAuc(scores, labels, mask), 1e-12);
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), PleGen.Runtime.Metrics.Metrics.Accuracy(scores, labels, mask: mask), 1e-12);
        Assert.Equal(c.GetProperty("mse").GetDouble(), PleGen.Runtime.Metrics.Metrics.MeanSquaredError(scores, labels, mask), 1e-12);
        // sklearn's log_loss in float64 with float32's epsilon is the same computation as ours...
        Assert.Equal(c.GetProperty("log_loss").GetDouble(), PleGen.Runtime.Metrics.Metrics.LogLoss(scores, labels, mask), 1e-12);
        // ...and sklearn's default on float32 predictions (eps = "auto", float32 arithmetic) agrees within 1e-5 relative.
        ReferenceFixture.AssertClose($"{name} log loss vs sklearn on float32", c.GetProperty("log_loss_sklearn_float32").GetDouble(), PleGen.Runtime.Metrics.Metrics.LogLoss(scores, labels, mask));
    }
}
