using System;

namespace PleGen.Runtime;

/// <summary>
/// PyTorch's default initializations, drawn from seeded streams. Each parameter gets its own stream derived
/// from (seed, parameter name), so the values do not depend on creation order or thread count: same seed and
/// name, same values, bit for bit.
/// </summary>
public static class Initializers
{
    /// <summary>
    /// nn.Linear's weight init, kaiming_uniform(a = sqrt(5)): U(-b, b) with b = gain * sqrt(3 / fan_in) and
    /// gain = sqrt(2 / (1 + a^2)), which is b = 1 / sqrt(fan_in). fan_in is the last dimension, so an expert
    /// bank's [experts, out, in] weight gets each expert's Linear init.
    /// </summary>
    public static void LinearWeight(Tensor weight, ulong seed, string name)
    {
        int fanIn = FanIn(weight, name);
        float bound = (float)(Math.Sqrt(2.0 / (1 + 5.0)) * Math.Sqrt(3.0 / fanIn));
        RandomSource.ForStream(seed, name).FillUniform(weight.Data, -bound, bound);
    }

    /// <summary>nn.Linear's bias init: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with the layer's fan_in.</summary>
    public static void LinearBias(Tensor bias, int fanIn, ulong seed, string name)
    {
        if (fanIn <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fanIn), fanIn, $"Parameter '{name}': fan_in must be positive.");
        }

        float bound = (float)(1.0 / Math.Sqrt(fanIn));
        RandomSource.ForStream(seed, name).FillUniform(bias.Data, -bound, bound);
    }

    /// <summary>nn.Embedding's init: N(0, 1).</summary>
    public static void Embedding(Tensor weight, ulong seed, string name) => Normal(weight, 0f, 1f, seed, name);

    /// <summary>N(mean, std^2).</summary>
    public static void Normal(Tensor tensor, float mean, float std, ulong seed, string name)
        => RandomSource.ForStream(seed, name).FillNormal(tensor.Data, mean, std);

    /// <summary>U(low, high).</summary>
    public static void Uniform(Tensor tensor, float low, float high, ulong seed, string name)
        => RandomSource.ForStream(seed, name).FillUniform(tensor.Data, low, high);

    /// <summary>xavier_uniform: U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)), fan_out the second-to-last dimension.</summary>
    public static void XavierUniform(Tensor weight, ulong seed, string name, float gain = 1f)
    {
        int fanIn = FanIn(weight, name);
        int fanOut = weight.Rank >= 2 ? weight.Shape[weight.Rank - 2] : 1;
        float bound = (float)(gain * Math.Sqrt(6.0 / (fanIn + fanOut)));
        RandomSource.ForStream(seed, name).FillUniform(weight.Data, -bound, bound);
    }

    /// <summary>Every value set to <paramref name="value"/>.</summary>
    public static void Constant(Tensor tensor, float value) => tensor.Data.Fill(value);

    private static int FanIn(Tensor weight, string name)
    {
        int fanIn = weight.Rank == 0 ? 0 : weight.Shape[weight.Rank - 1];
        if (fanIn <= 0)
        {
            throw new ArgumentException($"Parameter '{name}' {ShapeUtil.Format(weight.Shape)} has no inputs to compute a fan_in from.");
        }

        return fanIn;
    }
}
