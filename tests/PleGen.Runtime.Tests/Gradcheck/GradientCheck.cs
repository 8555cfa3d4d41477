using System;
using PleGen.Runtime;
using Xunit.Sdk;

namespace PleGen.Runtime.Tests.Gradcheck;

/// <summary>
/// Compares an op's backward pass with central finite differences. The forward runs in float32 (the engine's
/// type), but the probe L = sum(w * f(x)) with fixed random weights w is accumulated in float64, so the only
/// float32 error is the forward's rounding: with eps = 1e-2 that error divided by 2 eps stays near 1e-4 for
/// unit-scale values, while the truncation error of a central difference is O(eps^2). Hence the tolerance
/// |analytic - numeric| &lt;= 2e-3 + 2e-2 * |numeric|, tight enough that a wrong backward (a missing term, a
/// transposed product, a wrong sign) fails by orders of magnitude.
/// </summary>
internal static class GradientCheck
{
    private const float Epsilon = 1e-2f;
    private const double AbsoluteTolerance = 2e-3;
    private const double RelativeTolerance = 2e-2;

    /// <summary>Checks d f / d input for every input element.</summary>
    public static void Check(string name, Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        foreach (Tensor input in inputs)
        {
            input.RequiresGrad = true;
            input.ZeroGrad();
        }

        Tensor output = f(inputs);
        double[] weights = Weights(output.Length);
        var seed = new float[output.Length];
        for (int i = 0; i < seed.Length; i++)
        {
            seed[i] = (float)weights[i];
        }

        output.Backward(seed);

        for (int k = 0; k < inputs.Length; k++)
        {
            Tensor input = inputs[k];
            float[] analytic = input.Grad.ToArray();
            for (int i = 0; i < input.Length; i++)
            {
                float original = input.Data[i];
                input.Data[i] = original + Epsilon;
                double plus = Probe(f, inputs, weights);
                input.Data[i] = original - Epsilon;
                double minus = Probe(f, inputs, weights);
                input.Data[i] = original;
                double numeric = (plus - minus) / (2 * Epsilon);
                if (Math.Abs(analytic[i] - numeric) > AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric)))
                {
                    throw new XunitException($"{name}: gradient of input {k} {ShapeUtil.Format(input.Shape)} at element {i}: backward gives {analytic[i]}, finite differences give {numeric}.");
                }
            }
        }
    }

    private static double Probe(Func<Tensor[], Tensor> f, Tensor[] inputs, double[] weights)
    {
        using (Autograd.NoGrad())
        {
            ReadOnlySpan<float> y = f(inputs).Data;
            double sum = 0;
            for (int i = 0; i < y.Length; i++)
            {
                sum += weights[i] * y[i];
            }

            return sum;
        }
    }

    private static double[] Weights(int count)
    {
        var random = new RandomSource(12345);
        var w = new double[count];
        for (int i = 0; i < count; i++)
        {
            w[i] = random.NextDouble() * 2 - 1;
        }

        return w;
    }

    /// <summary>A tensor of values in [-1, 1] kept at least 0.05 away from 0 (where relu is not differentiable).</summary>
    public static Tensor Random(ulong seed, params int[] shape)
    {
        var random = new RandomSource(seed);
        var values = new float[ShapeUtil.Product(shape)];
        for (int i = 0; i < values.Length; i++)
        {
            float v = random.NextFloat() * 1.9f - 0.95f;
            values[i] = v + (v >= 0 ? 0.05f : -0.05f);
        }

        return new Tensor(shape, values);
    }
}
