using System.Collections.Generic;
using System.Linq;
using System;
using PleGen.Runtime.Randomness;
using TorchSharp;
using Xunit;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.Optimizers;

/// <summary>
/// A two-layer regression network for optimizer tests, [batch, 6] -> ReLU hidden layer -> [batch, 3] under MSE, plus one
/// parameter no loss reaches (its gradient stays null, so every optimizer must skip it). Inputs and targets come from
/// <see cref="RandomSource"/>; computing a gradient uses no number that TorchSharp would turn into an implicit Scalar.
/// </summary>
internal sealed class SmallNetwork : IDisposable
{
    public const int Inputs = 6;
    public const int Outputs = 3;

    private readonly nn.Module<Tensor, Tensor> _layers;

    public SmallNetwork(int hidden = 16)
    {
        _layers = nn.Sequential(nn.Linear(Inputs, hidden), nn.ReLU(), nn.Linear(hidden, Outputs));
        Unused = nn.Parameter(zeros(4));
        Parameters = [.. _layers.parameters(), Unused];
    }

    /// <summary>Every parameter, the unused one last.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    public Parameter Unused { get; }

    /// <summary>A network with this one's parameter values.</summary>
    public SmallNetwork Copy()
    {
        var copy = new SmallNetwork(checked((int)Parameters[0].shape[0]));
        using (no_grad())
        {
            for (int i = 0; i < Parameters.Count; i++) { copy.Parameters[i].copy_(Parameters[i]); }
        }

        return copy;
    }

    /// <summary>Zeroes the gradients and sets them to those of the MSE on batch <paramref name="batch"/> (a seed) of 8 samples.</summary>
    public void Gradients(int batch)
    {
        using DisposeScope scope = NewDisposeScope();
        var random = new RandomSource(1000 + (ulong)batch);
        var x = new float[8 * Inputs];
        var y = new float[8 * Outputs];
        random.FillNormal(x, 0f, 1f);
        random.FillNormal(y, 0f, 1f);
        foreach (Parameter parameter in Parameters)
        {
            using Tensor? grad = parameter.grad;
            grad?.zero_();
        }

        nn.functional.mse_loss(_layers.forward(tensor(x, new long[] { 8, Inputs })), tensor(y, new long[] { 8, Outputs })).backward();
    }

    /// <summary>Every parameter's values, in order (copies).</summary>
    public float[][] Values() => Parameters.Select(p =>
    {
        using Tensor detached = p.detach();
        using global::TorchSharp.Utils.TensorAccessor<float> values = detached.data<float>();
        return values.ToArray();
    }).ToArray();

    /// <summary>Asserts that every parameter has, bit for bit, the values of <paramref name="expected"/>'s.</summary>
    public void AssertSameValues(SmallNetwork expected, string when)
    {
        float[][] expectedValues = expected.Values(), actual = Values();
        for (int p = 0; p < expectedValues.Length; p++)
        {
            Assert.True(expectedValues[p].AsSpan().SequenceEqual(actual[p]), $"Parameter {p} differs {when}.");
        }
    }

    public void Dispose()
    {
        _layers.Dispose();
        Unused.Dispose();
    }
}
