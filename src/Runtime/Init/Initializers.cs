using System;

namespace PleGen.Runtime.Init;

/// <summary>
/// PyTorch's default initializations (nn.Linear, nn.Embedding, nn.init.xavier_uniform_), drawn from seeded
/// streams. Each parameter gets its own stream derived from (seed, parameter name) with
/// <see cref="RandomSource.ForStream"/>, so values depend on neither creation order nor thread count: same seed and
/// name, same values, bit for bit.
/// </summary>
public static class Initializers
{
    /// <summary>
    /// nn.Linear's weight init, kaiming_uniform_(a = sqrt(5)): U(-b, b) with b = gain * sqrt(3 / fan_in) and
    /// gain = sqrt(2 / (1 + a^2)), i.e. b = 1 / sqrt(fan_in). The weight is [out, in] (fan_in = in); a stack of
    /// weights [..., out, in] gets the same bound, each matrix as its own Linear would.
    /// </summary>
    public static void LinearWeight(Tensor weight, ulong seed, string name)
    {
        int fanIn = MatrixFans(weight, name, "LinearWeight").FanIn;
        Uniform(weight, -LinearWeightBound(fanIn), LinearWeightBound(fanIn), seed, name);
    }

    /// <summary>nn.Linear's bias init: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with the layer's input width as fan_in.</summary>
    public static void LinearBias(Tensor bias, int fanIn, ulong seed, string name)
    {
        ArgumentNullException.ThrowIfNull(bias);
        if (fanIn <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fanIn), fanIn, $"Parameter '{name}' {ShapeUtil.Format(bias.Shape)}: fan_in (the layer's input width) must be positive.");
        }

        float bound = (float)(1.0 / Math.Sqrt(fanIn));
        Uniform(bias, -bound, bound, seed, name);
    }

    /// <summary>nn.Embedding's init: N(0, 1).</summary>
    public static void Embedding(Tensor weight, ulong seed, string name) => Normal(weight, 0f, 1f, seed, name);

    /// <summary>
    /// nn.init.xavier_uniform_: U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)) for an [out, in] weight.
    /// A stack [..., out, in] is treated as independent matrices (PyTorch would fold the leading dimensions into
    /// the fans as for convolutions; expert banks are stacks of Linear layers, not convolutions).
    /// </summary>
    public static void XavierUniform(Tensor weight, ulong seed, string name, float gain = 1f)
    {
        (int fanIn, int fanOut) = MatrixFans(weight, name, "XavierUniform");
        float bound = (float)(gain * Math.Sqrt(6.0 / (fanIn + fanOut)));
        Uniform(weight, -bound, bound, seed, name);
    }

    /// <summary>N(mean, std^2).</summary>
    public static void Normal(Tensor tensor, float mean, float std, ulong seed, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!float.IsFinite(mean) || !(std >= 0) || !float.IsFinite(std))
        {
            throw new ArgumentOutOfRangeException(nameof(std), $"Parameter '{name}': N(mean, std^2) needs a finite mean and a finite std >= 0; got mean {mean}, std {std}.");
        }

        RandomSource.ForStream(seed, name).FillNormal(tensor.Data, mean, std);
    }

    /// <summary>U(low, high).</summary>
    public static void Uniform(Tensor tensor, float low, float high, ulong seed, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!float.IsFinite(low) || !float.IsFinite(high) || low > high)
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"Parameter '{name}': U(low, high) needs finite bounds with low <= high; got low {low}, high {high}.");
        }

        RandomSource.ForStream(seed, name).FillUniform(tensor.Data, low, high);
    }

    /// <summary>Every value set to 0 (nn.init.zeros_).</summary>
    public static void Zeros(Tensor tensor) => Constant(tensor, 0f);

    /// <summary>Every value set to <paramref name="value"/> (nn.init.constant_).</summary>
    public static void Constant(Tensor tensor, float value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.Data.Fill(value);
    }

    /// <summary>The bound b = 1 / sqrt(fan_in) of nn.Linear's weight init (kaiming_uniform with a = sqrt(5)).</summary>
    public static float LinearWeightBound(int fanIn)
    {
        if (fanIn <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fanIn), fanIn, "fan_in must be positive.");
        }

        double a = Math.Sqrt(5.0);
        double gain = Math.Sqrt(2.0 / (1 + (a * a)));
        return (float)(gain * Math.Sqrt(3.0 / fanIn));
    }

    private static (int FanIn, int FanOut) MatrixFans(Tensor weight, string name, string initializer)
    {
        ArgumentNullException.ThrowIfNull(weight);
        int rank = weight.Shape.Length;
        if (rank < 2 || weight.Shape[rank - 1] <= 0 || weight.Shape[rank - 2] <= 0)
        {
            throw new ArgumentException(
                $"{initializer}: parameter '{name}' has shape {ShapeUtil.Format(weight.Shape)}, but needs a weight [out, in] (or a stack [..., out, in]) with out, in > 0 to compute fan_in and fan_out.",
                nameof(weight));
        }

        return (weight.Shape[rank - 1], weight.Shape[rank - 2]);
    }
}
