using System;
using System.Collections.Generic;
using System.Globalization;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>
/// An axis range with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten) covering [min, max], after
/// Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990).
/// </summary>
public sealed class NiceScale
{
    /// <summary>
    /// Covers [<paramref name="min"/>, <paramref name="max"/>] with about <paramref name="targetTicks"/> ticks,
    /// at least <paramref name="minimumStep"/> apart (1 for an axis of epochs).
    /// </summary>
    public NiceScale(double min, double max, int targetTicks = 6, double minimumStep = 0)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An axis needs a finite range with min <= max; got [{min}, {max}]."));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(targetTicks, 2);
        if (max - min <= 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            // A single value: open a window around it.
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        Step = Math.Max(NiceNumber((max - min) / (targetTicks - 1)), minimumStep);
        Min = Math.Floor((min / Step) + 1e-9) * Step;
        Max = Math.Ceiling((max / Step) - 1e-9) * Step;
        int decimals = 0;
        while (decimals < 15 && Math.Abs((Step * Math.Pow(10, decimals)) - Math.Round(Step * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        Decimals = decimals;
    }

    /// <summary>Lower end of the axis (a multiple of <see cref="Step"/>).</summary>
    public double Min { get; }

    /// <summary>Upper end of the axis.</summary>
    public double Max { get; }

    /// <summary>Distance between ticks.</summary>
    public double Step { get; }

    /// <summary>Decimals that show every tick exactly.</summary>
    public int Decimals { get; }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var ticks = new List<double>();
        int count = (int)Math.Round((Max - Min) / Step);
        for (int i = 0; i <= count; i++)
        {
            double tick = Min + (i * Step);
            ticks.Add(Math.Abs(tick) < Step * 1e-9 ? 0 : tick);
        }

        return ticks;
    }

    /// <summary>A tick label with <see cref="Decimals"/> decimals.</summary>
    public string Format(double value) => value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Maps <paramref name="value"/> from the axis range onto [<paramref name="from"/>, <paramref name="to"/>] (pixels).</summary>
    public double Map(double value, double from, double to) => from + ((value - Min) / (Max - Min) * (to - from));

    private static double NiceNumber(double step)
    {
        double exponent = Math.Floor(Math.Log10(step));
        double fraction = step / Math.Pow(10, exponent);
        double nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }
}
