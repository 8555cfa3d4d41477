using System;
using PleGen.Runtime.Randomness;
using Xunit;
using M = PleGen.Runtime.Metrics.Metrics;

namespace PleGen.Runtime.Tests.Metrics;

public sealed class MetricBehaviourTests
{
    [Fact]
    public void Auc_of_perfect_reversed_and_fully_tied_rankings()
    {
        float[] labels = [0, 0, 1, 1];
        Assert.Equal(1.0, M.RocAuc([0.1f, 0.2f, 0.8f, 0.9f], labels));
        Assert.Equal(0.0, M.RocAuc([0.9f, 0.8f, 0.2f, 0.1f], labels));
        Assert.Equal(0.5, M.RocAuc([0.5f, 0.5f, 0.5f, 0.5f], labels));
        // Logits rank like probabilities; infinities are fine.
        Assert.Equal(1.0, M.RocAuc([float.NegativeInfinity, -3f, 2f, float.PositiveInfinity], labels));
    }

    [Fact]
    public void Auc_equals_the_pairwise_definition_on_random_tied_scores()
    {
        // AUC = P(score of a positive > score of a negative) + P(equal) / 2, counted over all pairs: O(n^2), independent of our sort.
        var random = new RandomSource(11);
        float[] scores = new float[3000], labels = new float[3000];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = random.NextInt(40) / 40f;
            labels[i] = random.NextFloat() < scores[i] * 0.5f + 0.2f ? 1f : 0f;
        }

        double wins = 0, pairs = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            for (int j = 0; j < scores.Length; j++)
            {
                if (labels[i] == 1f && labels[j] == 0f)
                {
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }

        Assert.Equal(wins / pairs, M.RocAuc(scores, labels), 1e-12);
    }

    [Fact]
    public void Masked_out_samples_are_ignored_by_every_metric()
    {
        float[] scores = [0.9f, 0.1f, 0.2f, 0.8f, 0.7f];
        float[] labels = [1, 0, 1, 0, 1];
        float[] mask = [1, 1, 0, 0, 1];
        Assert.Equal(1.0, M.RocAuc(scores, labels, mask));
        Assert.Equal(1.0, M.Accuracy(scores, labels, mask: mask));
        Assert.Equal((0.01 + 0.01 + 0.09) / 3, M.MeanSquaredError(scores, labels, mask), 6);
        Assert.Equal(-(Math.Log(0.9f) + Math.Log(1 - (double)0.1f) + Math.Log(0.7f)) / 3, M.LogLoss(scores, labels, mask), 12);
    }

    [Fact]
    public void Log_loss_clips_to_float32_epsilon()
    {
        Assert.Equal(1.0 / (1 << 23), M.LogLossEpsilon);
        Assert.Equal(-Math.Log(M.LogLossEpsilon), M.LogLoss([0f], [1f]), 12);
        Assert.Equal(-Math.Log(M.LogLossEpsilon), M.LogLoss([1f], [0f]), 12);
        Assert.Equal(-Math.Log(1 - M.LogLossEpsilon), M.LogLoss([1f], [1f]), 12);
    }

    [Fact]
    public void Accuracy_predicts_positive_at_the_threshold()
    {
        Assert.Equal(1.0, M.Accuracy([0.5f, 0.4999f], [1, 0]));
        Assert.Equal(0.5, M.Accuracy([0.5f, 0.7f], [1, 0], threshold: 0.8f));
    }

    [Fact]
    public void Bad_inputs_are_explained()
    {
        Assert.Contains("only one class is present (2 positives, 0 negatives", Assert.Throws<ArgumentException>(() => M.RocAuc([0.1f, 0.2f], [1, 1])).Message);
        Assert.Contains("only one class", Assert.Throws<ArgumentException>(() => M.RocAuc([0.1f, 0.2f, 0.3f], [1, 0, 1], [1, 0, 1])).Message);
        Assert.Contains("3 predictions but 2 labels", Assert.Throws<ArgumentException>(() => M.RocAuc(new float[3], new float[2])).Message);
        Assert.Contains("the mask has 1 values", Assert.Throws<ArgumentException>(() => M.LogLoss(new float[2], new float[2], [1f])).Message);
        Assert.Contains("sample 0 is NaN", Assert.Throws<ArgumentException>(() => M.RocAuc([float.NaN, 0f], [0, 1])).Message);
        Assert.Contains("sample 1 is NaN", Assert.Throws<ArgumentException>(() => M.MeanSquaredError([0f, float.NaN], [0, 1])).Message);
        Assert.Contains("sample 0 has 0.5", Assert.Throws<ArgumentException>(() => M.Accuracy([0.3f, 0f], [0.5f, 1])).Message);
        Assert.Contains("must be finite", Assert.Throws<ArgumentException>(() => M.MeanSquaredError([0f], [float.PositiveInfinity])).Message);
        Assert.Contains("outside [0, 1]", Assert.Throws<ArgumentException>(() => M.LogLoss([2.5f, 0f], [1, 0])).Message);
        Assert.Contains("mask values must be 0 or 1", Assert.Throws<ArgumentException>(() => M.MeanSquaredError([1f], [1f], [0.5f])).Message);
        Assert.Contains("all masked out", Assert.Throws<ArgumentException>(() => M.MeanSquaredError(new float[1], new float[1], [0f])).Message);
        Assert.Contains("no sample", Assert.Throws<ArgumentException>(() => M.Accuracy([], [])).Message);
    }
}
