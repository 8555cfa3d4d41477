using System;
using System.Collections.Generic;

namespace PleGen.Samples.Reporting;

/// <summary>The direction of the metrics the samples report, by name (case-insensitive).</summary>
public static class MetricDirections
{
    private static readonly Dictionary<string, MetricDirection> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auc"] = MetricDirection.HigherIsBetter,
        ["gauc"] = MetricDirection.HigherIsBetter,
        ["accuracy"] = MetricDirection.HigherIsBetter,
        ["r2"] = MetricDirection.HigherIsBetter,
        ["mse"] = MetricDirection.LowerIsBetter,
        ["rmse"] = MetricDirection.LowerIsBetter,
        ["mae"] = MetricDirection.LowerIsBetter,
        ["logloss"] = MetricDirection.LowerIsBetter,
        ["log_loss"] = MetricDirection.LowerIsBetter,
        ["loss"] = MetricDirection.LowerIsBetter,
    };

    /// <summary>
    /// The direction of <paramref name="metric"/>: from <paramref name="overrides"/> when it names the metric,
    /// else from the known metrics (auc, gauc, accuracy, r2 up; mse, rmse, mae, logloss, loss down).
    /// </summary>
    public static MetricDirection Of(string metric, IReadOnlyDictionary<string, MetricDirection>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (overrides is not null && overrides.TryGetValue(metric, out MetricDirection given))
        {
            return given;
        }

        if (Known.TryGetValue(metric, out MetricDirection known))
        {
            return known;
        }

        throw new ArgumentException($"Unknown metric '{metric}': the MTL gain's sign depends on whether higher or lower is better. Pass its direction in the overrides (known: {string.Join(", ", Known.Keys)}).", nameof(metric));
    }
}
