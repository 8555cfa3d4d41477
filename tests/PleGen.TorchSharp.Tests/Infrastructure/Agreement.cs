using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using Xunit.Sdk;

namespace PleGen.TorchSharp.Tests.Infrastructure;

/// <summary>
/// Element-wise agreement of the managed and the TorchSharp flavor within max(absolute, relative * |x|), |x| the larger of
/// the two magnitudes. Every check also measures: the largest absolute deviation, the largest relative deviation where the
/// relative bound governs (|x| at least absolute / relative), and the largest fraction of the bound used, so a test can
/// print how close it came.
/// </summary>
internal sealed class Agreement
{
    private readonly double _relative;
    private readonly double _absolute;
    private string _worst = "nothing compared";

    public Agreement(double relative, double absolute)
    {
        _relative = relative;
        _absolute = absolute;
    }

    public double MaxAbsoluteDeviation { get; private set; }

    public double MaxRelativeDeviation { get; private set; }

    /// <summary>The largest deviation as a fraction of its bound (1 would be at the bound).</summary>
    public double MaxFractionOfBound { get; private set; }

    public int Compared { get; private set; }

    public void Check(string what, ReadOnlySpan<float> managed, ReadOnlySpan<float> torch)
    {
        if (managed.Length != torch.Length)
        {
            throw new XunitException($"{what}: the managed flavor has {managed.Length} values, TorchSharp {torch.Length}.");
        }

        for (int i = 0; i < managed.Length; i++)
        {
            double m = managed[i], t = torch[i];
            double deviation = Math.Abs(m - t);
            double magnitude = Math.Max(Math.Abs(m), Math.Abs(t));
            double bound = Math.Max(_absolute, _relative * magnitude);
            if (!(deviation <= bound))
            {
                throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                    $"{what}[{i}]: managed {managed[i]:R}, TorchSharp {torch[i]:R}: |deviation| {deviation:G3} exceeds max({_absolute:G2}, {_relative:G2} * {magnitude:G3}) = {bound:G3}."));
            }

            MaxAbsoluteDeviation = Math.Max(MaxAbsoluteDeviation, deviation);
            if (magnitude * _relative >= _absolute)
            {
                MaxRelativeDeviation = Math.Max(MaxRelativeDeviation, deviation / magnitude);
            }

            if (deviation / bound > MaxFractionOfBound || Compared == 0)
            {
                MaxFractionOfBound = deviation / bound;
                _worst = string.Create(CultureInfo.InvariantCulture, $"{what}[{i}] (managed {managed[i]:G6}, TorchSharp {torch[i]:G6})");
            }

            Compared++;
        }
    }

    public void Check(string what, float managed, float torch) => Check(what, [managed], [torch]);

    /// <summary>
    /// Named tensors (parameters or gradients by state-dict name): both flavors must have exactly the same names, and the
    /// values must agree.
    /// </summary>
    public void Check(string what, IReadOnlyDictionary<string, float[]> managed, IReadOnlyDictionary<string, float[]> torch)
    {
        string[] managedNames = managed.Keys.Order(StringComparer.Ordinal).ToArray();
        string[] torchNames = torch.Keys.Order(StringComparer.Ordinal).ToArray();
        if (!managedNames.SequenceEqual(torchNames))
        {
            throw new XunitException($"{what}: the flavors name different tensors. Only managed: {string.Join(", ", managedNames.Except(torchNames))}; only TorchSharp: {string.Join(", ", torchNames.Except(managedNames))}.");
        }

        foreach (string name in managedNames)
        {
            Check($"{what} {name}", managed[name], torch[name]);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Compared} values within max({_absolute:G2}, {_relative:G2} |x|): max |deviation| {MaxAbsoluteDeviation:G3}, max relative deviation {MaxRelativeDeviation:G3} (|x| >= {_absolute / _relative:G2}), {MaxFractionOfBound:P1} of the bound at worst, at {_worst}");
}
