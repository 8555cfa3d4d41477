using System;
using System.Globalization;

namespace PleGen.Samples.Synthetic;

/// <summary>
/// Settings of the two-task regression generator of the MMoE paper (Ma et al., KDD 2018, sec. 4.2) with the
/// PLE paper's values (Tang et al., RecSys 2020, sec. 5.2.1): d = 512, c = 1, m = 10, noise std 0.1.
/// <see cref="Correlation"/> is p, the cosine between the two tasks' weight vectors.
/// </summary>
public sealed record SyntheticTaskSettings
{
    /// <summary>Creates settings for task correlation <paramref name="correlation"/> in [-1, 1].</summary>
    public SyntheticTaskSettings(double correlation, ulong seed)
    {
        if (!(correlation >= -1 && correlation <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, "The task correlation p is the cosine between w1 and w2 and must be in [-1, 1].");
        }

        Correlation = correlation;
        Seed = seed;
    }

    /// <summary>p: w2 = c (p u1 + sqrt(1 - p^2) u2).</summary>
    public double Correlation { get; }

    /// <summary>Seed of the directions, the sine parameters and the samples.</summary>
    public ulong Seed { get; }

    /// <summary>d, the input dimension. Default 512.</summary>
    public int Dimension { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Dimension), value, "The dimension must be at least 2: u1 and u2 must be orthogonal."); } = 512;

    /// <summary>c, the scale of the weight vectors. Default 1.</summary>
    public double Scale { get; init => field = double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Scale), value, "The scale c must be finite."); } = 1;

    /// <summary>m, the number of sine terms. Default 10.</summary>
    public int SineTerms { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(SineTerms), value, "The number of sine terms m must be >= 0."); } = 10;

    /// <summary>Standard deviation of the label noise. Default 0.1.</summary>
    public double NoiseStd { get; init => field = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(NoiseStd), value, "The noise standard deviation must be finite and >= 0."); } = 0.1;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p = {Correlation}, d = {Dimension}, c = {Scale}, m = {SineTerms}, noise std {NoiseStd}, seed {Seed}");
}
