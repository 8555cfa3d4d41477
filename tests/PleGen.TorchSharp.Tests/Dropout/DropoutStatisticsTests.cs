using System;
using System.Linq;
using PleGen.TorchSharp.Tests.Generated;
using PleGen.TorchSharp.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Dropout;

/// <summary>
/// Dropout is the one place the flavors may differ: each draws its masks from its own random stream (PleGen.Runtime's
/// seeded xoshiro, libtorch's global generator). So it is compared by its statistics, in FeedPle (Dropout = 0.1), with
/// fixed seeds: the numbers below are the same on every run.
/// </summary>
[Collection(SerialLibTorch.Name)]
public sealed class DropoutStatisticsTests(ITestOutputHelper output)
{
    private const double P = 0.1;
    private const int TowerUnits = 8;

    /// <summary>
    /// The click tower is set so that its logit counts the hidden units dropout keeps: hidden weights 0 and biases 1 make
    /// every unit relu(1) = 1 whatever the input, the output layer sums them (weights 1, bias 0), so the logit is
    /// K / (1 - p) with K kept units of 8. Each flavor's logits must be exactly such multiples (the survivors' rescaling),
    /// and the dropped fraction over 100 passes x 37 samples x 8 units = 29,600 Bernoulli(p) draws must be p within 5 sigma
    /// (sigma = sqrt(p (1 - p) / 29,600) = 0.0017), and the two flavors' fractions within 5 sigma of each other (sqrt 2 sigma).
    /// </summary>
    [Fact]
    public void Both_flavors_drop_a_fraction_p_of_hidden_units_and_rescale_the_survivors()
    {
        using var pair = FlavorPair.Create(nameof(FeedPle), adjust: managed =>
        {
            managed.Fill("towers.click.0.weight", 0f);
            managed.Fill("towers.click.0.bias", 1f);
            managed.Fill("towers.click.1.weight", 1f);
            managed.Fill("towers.click.1.bias", 0f);
        });
        FeedData data = FeedData.Random(37, seed: 31);
        const int passes = 100;
        double draws = passes * data.Count * TowerUnits;
        double sigma = Math.Sqrt(P * (1 - P) / draws);

        pair.Train(true);
        manual_seed(2024);
        double managedDropped = DroppedFraction(Enumerable.Range(0, passes).SelectMany(_ => pair.Managed.Run(data, 0, backward: false).ClickLogit), "managed");
        double torchDropped = DroppedFraction(Enumerable.Range(0, passes).SelectMany(_ => pair.Torch.Run(data, 0, backward: false).ClickLogit), "TorchSharp");

        output.WriteLine($"dropped fraction over {draws} draws: managed {managedDropped:F5}, TorchSharp {torchDropped:F5} (p = {P}, sigma {sigma:F5})");
        Assert.InRange(managedDropped, P - (5 * sigma), P + (5 * sigma));
        Assert.InRange(torchDropped, P - (5 * sigma), P + (5 * sigma));
        Assert.InRange(managedDropped - torchDropped, -5 * Math.Sqrt(2) * sigma, 5 * Math.Sqrt(2) * sigma);

        // In evaluation mode nothing is dropped: all 8 units, unscaled, in both flavors.
        pair.Train(false);
        Assert.All(pair.Managed.Run(data, 0, backward: false).ClickLogit, logit => Assert.Equal(TowerUnits, logit));
        Assert.All(pair.Torch.Run(data, 0, backward: false).ClickLogit, logit => Assert.Equal(TowerUnits, logit));
    }

    /// <summary>
    /// With FeedPle's own weights, dropout after every hidden layer of experts and towers makes each output a random
    /// variable; both flavors must give it the same mean and variance per sample. Over N = 400 training-mode passes, the
    /// difference of two sample means has standard error sqrt((s1^2 + s2^2) / N), that of two sample variances
    /// sqrt((m4,1 - s1^4 + m4,2 - s2^4) / N) (m4: fourth central moment); every one of the 2 x 37 x 2 z-scores must stay
    /// within 4.5 sigma (two-sided 6.8e-6 each, 1e-3 for all 148 together), and dropout must really act (variance > 0 in both).
    /// </summary>
    [Fact]
    public void In_training_mode_each_output_has_the_same_mean_and_variance_in_both_flavors()
    {
        using var pair = FlavorPair.Create(nameof(FeedPle));
        FeedData data = FeedData.Random(37, seed: 32);
        const int passes = 400;
        pair.Train(true);
        manual_seed(2025);
        FlavorPass[] managed = Enumerable.Range(0, passes).Select(_ => pair.Managed.Run(data, 0, backward: false)).ToArray();
        FlavorPass[] torch = Enumerable.Range(0, passes).Select(_ => pair.Torch.Run(data, 0, backward: false)).ToArray();

        double worstMean = 0, worstVariance = 0;
        foreach ((string what, Func<FlavorPass, float[]> values) in new (string, Func<FlavorPass, float[]>)[] { ("click logit", p => p.ClickLogit), ("watch time", p => p.WatchTime) })
        {
            for (int i = 0; i < data.Count; i++)
            {
                Moments m = Moments.Of(managed.Select(p => (double)values(p)[i]));
                Moments t = Moments.Of(torch.Select(p => (double)values(p)[i]));
                Assert.True(m.Variance > 0 && t.Variance > 0, $"{what}[{i}] does not vary over training-mode passes: managed {m.Variance}, TorchSharp {t.Variance}.");
                double zMean = (m.Mean - t.Mean) / Math.Sqrt((m.Variance + t.Variance) / passes);
                double zVariance = (m.Variance - t.Variance) / Math.Sqrt((m.FourthMoment - (m.Variance * m.Variance) + t.FourthMoment - (t.Variance * t.Variance)) / passes);
                Assert.True(Math.Abs(zMean) <= 4.5, $"{what}[{i}]: mean managed {m.Mean:G6}, TorchSharp {t.Mean:G6}, z = {zMean:F2}.");
                Assert.True(Math.Abs(zVariance) <= 4.5, $"{what}[{i}]: variance managed {m.Variance:G6}, TorchSharp {t.Variance:G6}, z = {zVariance:F2}.");
                worstMean = Math.Max(worstMean, Math.Abs(zMean));
                worstVariance = Math.Max(worstVariance, Math.Abs(zVariance));
            }
        }

        output.WriteLine($"largest |z| over {passes} passes x {data.Count} samples x 2 outputs: means {worstMean:F2}, variances {worstVariance:F2} (bound 4.5)");
    }

    /// <summary>Sample mean, (population) variance and fourth central moment.</summary>
    private readonly record struct Moments(double Mean, double Variance, double FourthMoment)
    {
        public static Moments Of(System.Collections.Generic.IEnumerable<double> samples)
        {
            double[] x = samples.ToArray();
            double mean = x.Average();
            return new Moments(mean, x.Average(v => (v - mean) * (v - mean)), x.Average(v => Math.Pow(v - mean, 4)));
        }
    }

    /// <summary>1 - K / 8 averaged over every logit, after checking that each logit is K / (1 - p) for a whole K in [0, 8].</summary>
    private static double DroppedFraction(System.Collections.Generic.IEnumerable<float> logits, string flavor)
    {
        double kept = 0, count = 0;
        foreach (float logit in logits)
        {
            double units = logit * (1 - P);
            double whole = Math.Round(units);
            Assert.True(Math.Abs(units - whole) < 1e-5 && whole >= 0 && whole <= TowerUnits, $"{flavor}: logit {logit:R} is not K / (1 - p) for a whole K in [0, {TowerUnits}].");
            kept += whole;
            count++;
        }

        return 1 - (kept / (count * TowerUnits));
    }
}
