using System;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Randomness;
using PleGen.Runtime.Tensors;
using Xunit.Sdk;

namespace PleGen.Runtime.Tests.Gradcheck;

/// <summary>
/// Checks an op's backward pass against central finite differences of the probe L(inputs) = sum_i w_i f(inputs)_i,
/// with fixed random weights w in [-1, 1] (so every output element and its position matter).
/// <para>
/// Precision: the forward runs in float32 (the engine's type) but L is accumulated in float64, so the only float32
/// error in L is the forward's own rounding, about 6e-8 relative per output; divided by 2 eps (eps = 1e-2) that is
/// at most 3e-6 times sum |w_i f_i|, below 3e-4 for the at most ~60 unit-scale outputs checked here and ~1e-5
/// typically. The central difference's truncation error is eps^2 |f'''| / 6, about 2e-5. Hence
/// |analytic - numeric| &lt;= 5e-4 + 2e-3 |numeric| (every check here also passes at a fifth of that), which still
/// catches a gradient off by 1% wherever it is 0.1 or more, and any wrong formula (a missing term, a transposed
/// product, a wrong sign, scale or slice) by far. Inputs must stay 2 eps away from kinks (ReLU at 0), which
/// <see cref="Random"/> does for the tensors it makes.
/// </para>
/// </summary>
internal static class GradientCheck
{
    public const float Epsilon = 1e-2f;
    private const double AbsoluteTolerance = 5e-4;
    private const double RelativeTolerance = 2e-3;

    /// <summary>Checks d f / d input for every element of every input (each is made a leaf that requires a gradient).</summary>
    public static void Check(string name, Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        foreach (Tensor input in inputs)
        {
            input.RequiresGrad = true;
            input.ZeroGrad();
        }

        Tensor output = f(inputs);
        if (!output.RequiresGrad)
        {
            throw new XunitException($"{name}: the output does not require a gradient although its inputs do; the op recorded no backward step.");
        }

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
            float[] analytic = input.HasGrad ? input.Grad.ToArray() : new float[input.Length];
            for (int i = 0; i < input.Length; i++)
            {
                float original = input.Data[i];
                input.Data[i] = original + Epsilon;
                double plus = Probe(f, inputs, weights);
                input.Data[i] = original - Epsilon;
                double minus = Probe(f, inputs, weights);
                input.Data[i] = original;
                double numeric = (plus - minus) / (2.0 * Epsilon);
                if (!(Math.Abs(analytic[i] - numeric) <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric))))
                {
                    throw new XunitException(
                        $"{name}: gradient of input {k} {ShapeUtil.Format(input.Shape)} at element {i}: backward gives {analytic[i]}, finite differences give {numeric}.");
                }
            }
        }
    }

    /// <summary>Values in [-1, 1] kept at least 0.05 (more than 2 eps) away from 0, where ReLU has its kink.</summary>
    public static Tensor Random(ulong seed, params int[] shape)
    {
        var random = new RandomSource(seed);
        var values = new float[ShapeUtil.Product(shape)];
        for (int i = 0; i < values.Length; i++)
        {
            float v = (random.NextFloat() * 1.9f) - 0.95f;
            values[i] = v + (v >= 0 ? 0.05f : -0.05f);
        }

        return new Tensor(shape, values);
    }

    /// <summary>Fails (naming <paramref name="what"/>) when a value lies within 2 eps of 0, where a ReLU's finite difference would straddle the kink.</summary>
    public static void RequireAwayFromKink(string what, ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (Math.Abs(values[i]) < 2 * Epsilon)
            {
                throw new XunitException($"{what}[{i}] = {values[i]} is within 2 eps of the ReLU kink; pick other input seeds for this check.");
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
            w[i] = (random.NextDouble() * 2) - 1;
        }

        return w;
    }
}
