using System;
using System.Linq;
using PleGen.Runtime.Data;
using PleGen.Samples.Synthetic;
using Xunit;

namespace PleGen.Samples.Tests.Synthetic;

public sealed class SyntheticTaskGeneratorTests
{
    private static double Dot(System.Collections.Generic.IReadOnlyList<double> a, System.Collections.Generic.IReadOnlyList<double> b) => a.Zip(b, (x, y) => x * y).Sum();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void Directions_are_orthonormal_and_the_weights_have_cosine_p(double p)
    {
        var generator = new SyntheticTaskGenerator(new SyntheticTaskSettings(p, seed: 4) { Scale = 2 });

        Assert.Equal(512, generator.U1.Count);
        Assert.Equal(1, Dot(generator.U1, generator.U1), 12);
        Assert.Equal(1, Dot(generator.U2, generator.U2), 12);
        Assert.Equal(0, Dot(generator.U1, generator.U2), 12);
        double cosine = Dot(generator.W1, generator.W2) / Math.Sqrt(Dot(generator.W1, generator.W1) * Dot(generator.W2, generator.W2));
        Assert.Equal(p, cosine, 12);
        Assert.Equal(2, Math.Sqrt(Dot(generator.W2, generator.W2)), 12);
        Assert.Equal(10, generator.Alpha.Count);
        Assert.Equal(10, generator.Beta.Count);
    }

    [Fact]
    public void Same_seed_same_data_and_chunking_does_not_change_it()
    {
        var settings = new SyntheticTaskSettings(0.5, seed: 9) { Dimension = 64 };
        SyntheticTaskData whole = new SyntheticTaskGenerator(settings).Generate(3000);
        SyntheticTaskData again = new SyntheticTaskGenerator(settings).Generate(3000);
        var generator = new SyntheticTaskGenerator(settings);
        SyntheticTaskData head = generator.Generate(1500);               // ends inside a block
        SyntheticTaskData tail = generator.Generate(1500, firstSample: 1500);

        Assert.Equal(whole.Features, again.Features);
        Assert.Equal(whole.Y1, again.Y1);
        Assert.Equal(whole.Features, head.Features.Concat(tail.Features));
        Assert.Equal(whole.Y1, head.Y1.Concat(tail.Y1));
        Assert.Equal(whole.Y2, head.Y2.Concat(tail.Y2));
        Assert.Equal(1500, tail.FirstSample);

        SyntheticTaskData other = new SyntheticTaskGenerator(new SyntheticTaskSettings(0.5, seed: 10) { Dimension = 64 }).Generate(10);
        Assert.NotEqual(whole.Features.Take(640), other.Features);
    }

    [Fact]
    public void Inputs_are_standard_normal_and_labels_follow_the_generating_formula()
    {
        var generator = new SyntheticTaskGenerator(new SyntheticTaskSettings(0.3, seed: 1) { Dimension = 128 });
        SyntheticTaskData data = generator.Generate(4000);

        double mean = data.Features.Average(v => (double)v);
        double variance = data.Features.Average(v => ((double)v - mean) * ((double)v - mean));
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.99, 1.01);
        double fourth = data.Features.Average(v => Math.Pow(v - mean, 4)) / (variance * variance);
        Assert.InRange(fourth, 2.95, 3.05); // kurtosis of a normal distribution

        // y_k minus its noiseless part is the label noise: mean 0, std 0.1.
        double[] w1 = generator.W1.ToArray(), w2 = generator.W2.ToArray();
        var residuals = new double[2 * data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            float[] row = data.Row(i).ToArray();
            residuals[2 * i] = data.Y1[i] - generator.Response(row.Select((x, j) => x * w1[j]).Sum());
            residuals[(2 * i) + 1] = data.Y2[i] - generator.Response(row.Select((x, j) => x * w2[j]).Sum());
        }

        Assert.InRange(residuals.Average(), -0.005, 0.005);
        Assert.InRange(Math.Sqrt(residuals.Average(r => r * r)), 0.095, 0.105);
    }

    [Fact]
    public void Label_correlation_rises_with_p()
    {
        double Correlation(double p) => new SyntheticTaskGenerator(new SyntheticTaskSettings(p, seed: 21)).Generate(6000).LabelCorrelation();

        double low = Correlation(0), middle = Correlation(0.5), high = Correlation(1);

        Assert.True(low < middle && middle < high, $"label correlations {low:F3}, {middle:F3}, {high:F3} should rise with p");
        Assert.InRange(Math.Abs(low), 0, 0.1);   // orthogonal directions: nearly independent labels
        Assert.InRange(high, 0.95, 1);          // identical directions: labels differ by noise only
    }

    [Fact]
    public void Splits_are_consecutive_disjoint_ranges_of_the_sequence()
    {
        var generator = new SyntheticTaskGenerator(new SyntheticTaskSettings(0.8, seed: 2) { Dimension = 16 });

        SyntheticSplits splits = generator.GenerateSplits(1000, new SplitFractions(0.8, 0.1, 0.1));
        SyntheticTaskData all = generator.Generate(1000);

        Assert.Equal((800, 100, 100), (splits.Train.Count, splits.Validation.Count, splits.Test.Count));
        Assert.Equal((0L, 800L, 900L), (splits.Train.FirstSample, splits.Validation.FirstSample, splits.Test.FirstSample));
        Assert.Equal(all.Y1, splits.Train.Y1.Concat(splits.Validation.Y1).Concat(splits.Test.Y1));
        Assert.Equal(16 * 100, splits.Test.Features.Length);
    }

    [Fact]
    public void Bad_settings_and_buffers_are_explained()
    {
        Assert.Contains("[-1, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTaskSettings(1.5, 0)).Message);
        Assert.Contains("at least 2", Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTaskSettings(0, 0) { Dimension = 1 }).Message);
        var generator = new SyntheticTaskGenerator(new SyntheticTaskSettings(0, 0) { Dimension = 8 });
        var e = Assert.Throws<ArgumentException>(() => generator.Fill(0, new float[8 * 3], new float[4], new float[4]));
        Assert.Contains("expected 32", e.Message);
    }
}
