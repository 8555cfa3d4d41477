using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Samples.Reporting.Charts;

/// <summary>One line: points (X[i], Y[i]); a NaN y leaves a gap.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, string? Color = null)
{
    /// <summary>A per-epoch curve: epoch <paramref name="firstEpoch"/> + i has value <paramref name="values"/>[i].</summary>
    public static LineSeries FromEpochs(string name, IReadOnlyList<double> values, int firstEpoch = 1, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new LineSeries(name, Enumerable.Range(firstEpoch, values.Count).Select(e => (double)e).ToArray(), values, color);
    }
}
