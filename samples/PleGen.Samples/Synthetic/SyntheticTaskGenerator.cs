using System.Buffers;
using System.Collections.Generic;
using System.Threading.Tasks;
using System;
using PleGen.Runtime.Data;
using PleGen.Runtime.Randomness;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace PleGen.Samples.Synthetic;

/// <summary>
/// The synthetic two-task regression data of the MMoE paper (sec. 4.2), used by the PLE paper (sec. 5.2.1) to
/// vary task correlation: two orthogonal unit vectors u1, u2 (Gaussian vectors, Gram-Schmidt, normalized);
/// w1 = c u1, w2 = c (p u1 + sqrt(1 - p^2) u2); x ~ N(0, I_d);
/// y_k = w_k.x + sum_i sin(alpha_i w_k.x + beta_i) + eps_k, alpha_i, beta_i ~ N(0, 1), eps_k ~ N(0, noise^2).
/// <para>
/// Samples form an endless i.i.d. sequence cut into blocks of <see cref="BlockSize"/>, each drawn from its own
/// seeded stream: any range of it can be generated on its own (chunk by chunk for data sets larger than memory),
/// blocks are generated in parallel, and the result does not depend on chunking or thread count.
/// </para>
/// </summary>
public sealed class SyntheticTaskGenerator
{
    /// <summary>Samples per independently seeded block.</summary>
    public const int BlockSize = 1024;

    private readonly double[] _u1, _u2, _w1, _w2, _alpha, _beta;
    private readonly float[] _w1Single, _w2Single;

    /// <summary>Draws the task directions and sine parameters from the settings' seed.</summary>
    public SyntheticTaskGenerator(SyntheticTaskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        int d = settings.Dimension;
        RandomSource directions = RandomSource.ForStream(settings.Seed, "directions");
        _u1 = Normals(directions, d);
        _u2 = Normals(directions, d);
        Normalize(_u1);
        // Gram-Schmidt: remove u2's component along u1, then normalize.
        double along = Dot(_u1, _u2);
        for (int i = 0; i < d; i++)
        {
            _u2[i] -= along * _u1[i];
        }

        Normalize(_u2);
        double c = settings.Scale, p = settings.Correlation, q = Math.Sqrt(Math.Max(0, 1 - (p * p)));
        _w1 = new double[d];
        _w2 = new double[d];
        for (int i = 0; i < d; i++)
        {
            _w1[i] = c * _u1[i];
            _w2[i] = c * ((p * _u1[i]) + (q * _u2[i]));
        }

        RandomSource sines = RandomSource.ForStream(settings.Seed, "sines");
        _alpha = Normals(sines, settings.SineTerms);
        _beta = Normals(sines, settings.SineTerms);
        _w1Single = Array.ConvertAll(_w1, v => (float)v);
        _w2Single = Array.ConvertAll(_w2, v => (float)v);
    }

    /// <summary>The settings.</summary>
    public SyntheticTaskSettings Settings { get; }

    /// <summary>u1 (unit length).</summary>
    public IReadOnlyList<double> U1 => _u1;

    /// <summary>u2 (unit length, orthogonal to u1).</summary>
    public IReadOnlyList<double> U2 => _u2;

    /// <summary>w1 = c u1.</summary>
    public IReadOnlyList<double> W1 => _w1;

    /// <summary>w2 = c (p u1 + sqrt(1 - p^2) u2).</summary>
    public IReadOnlyList<double> W2 => _w2;

    /// <summary>alpha_1..alpha_m.</summary>
    public IReadOnlyList<double> Alpha => _alpha;

    /// <summary>beta_1..beta_m.</summary>
    public IReadOnlyList<double> Beta => _beta;

    /// <summary>Generates samples firstSample .. firstSample + count - 1 of the sequence.</summary>
    public SyntheticTaskData Generate(int count, long firstSample = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long floats = (long)count * Settings.Dimension;
        if (floats > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"{count} samples x {Settings.Dimension} features = {floats} floats is more than one array holds ({Array.MaxLength}); generate in chunks with Fill or Generate(count, firstSample).");
        }

        var features = new float[floats];
        var y1 = new float[count];
        var y2 = new float[count];
        Fill(firstSample, features, y1, y2);
        return new SyntheticTaskData(firstSample, Settings.Dimension, Settings.Correlation, features, y1, y2);
    }

    /// <summary>
    /// Writes samples firstSample .. firstSample + y1.Length - 1 into caller-owned buffers: features
    /// [y1.Length, Dimension] row-major, and both labels.
    /// </summary>
    public void Fill(long firstSample, Memory<float> features, Memory<float> y1, Memory<float> y2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstSample);
        int count = y1.Length;
        int d = Settings.Dimension;
        if (y2.Length != count || features.Length != (long)count * d)
        {
            throw new ArgumentException($"Fill needs y1 and y2 of equal length and features of y1.Length x {d}; got y1 {y1.Length}, y2 {y2.Length}, features {features.Length} (expected {(long)count * d}).");
        }

        if (count == 0)
        {
            return;
        }

        long firstBlock = firstSample / BlockSize;
        long lastBlock = (firstSample + count - 1) / BlockSize;
        Parallel.For(firstBlock, lastBlock + 1, block =>
        {
            long blockStart = block * BlockSize;
            long from = Math.Max(firstSample, blockStart);
            long to = Math.Min(firstSample + count, blockStart + BlockSize);
            int offset = (int)(from - firstSample), take = (int)(to - from), skip = (int)(from - blockStart);
            FillFromBlock(block, skip, features.Span.Slice(offset * d, take * d), y1.Span.Slice(offset, take), y2.Span.Slice(offset, take));
        });
    }

    /// <summary>
    /// Disjoint training, validation and test sets from <paramref name="total"/> consecutive samples, sized by
    /// <paramref name="fractions"/>. The samples are i.i.d., so consecutive ranges are as random as a shuffle.
    /// </summary>
    public SyntheticSplits GenerateSplits(int total, SplitFractions fractions)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        (int train, int validation, int test) = fractions.Sizes(total);
        return new SyntheticSplits(Generate(train, 0), Generate(validation, train), Generate(test, train + validation));
    }

    /// <summary>The noiseless part of a label: s + sum_i sin(alpha_i s + beta_i) for s = w_k.x.</summary>
    public double Response(double projection)
    {
        double y = projection;
        for (int i = 0; i < _alpha.Length; i++)
        {
            y += Math.Sin((_alpha[i] * projection) + _beta[i]);
        }

        return y;
    }

    private void FillFromBlock(long block, int skip, Span<float> features, Span<float> y1, Span<float> y2)
    {
        int d = Settings.Dimension;
        int take = y1.Length;
        bool whole = skip == 0 && take == BlockSize;
        float[]? rented = whole ? null : ArrayPool<float>.Shared.Rent((BlockSize * d) + (2 * BlockSize));
        try
        {
            // Draw order inside a block is fixed (all x, then all noise), so partial blocks draw the whole block.
            Span<float> x = whole ? features : rented.AsSpan(0, BlockSize * d);
            Span<float> noise = whole ? stackalloc float[2 * BlockSize] : rented.AsSpan(BlockSize * d, 2 * BlockSize);
            RandomSource random = RandomSource.ForStream(Settings.Seed, "samples/" + block.ToString(System.Globalization.CultureInfo.InvariantCulture));
            GaussianFill.Fill(random, x);
            GaussianFill.Fill(random, noise);
            if (!whole)
            {
                x.Slice(skip * d, take * d).CopyTo(features);
            }

            double noiseStd = Settings.NoiseStd;
            for (int i = 0; i < take; i++)
            {
                ReadOnlySpan<float> row = features.Slice(i * d, d);
                y1[i] = (float)(Response(TensorPrimitives.Dot(_w1Single, row)) + (noiseStd * noise[2 * (skip + i)]));
                y2[i] = (float)(Response(TensorPrimitives.Dot(_w2Single, row)) + (noiseStd * noise[(2 * (skip + i)) + 1]));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    private static double[] Normals(RandomSource random, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.NextNormal();
        }

        return values;
    }

    private static double Dot(double[] a, double[] b) => TensorPrimitives.Dot(a, b);

    private static void Normalize(double[] v)
    {
        double norm = Math.Sqrt(Dot(v, v));
        for (int i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }
    }
}
