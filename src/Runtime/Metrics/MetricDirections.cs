using System;
using System.Collections.Generic;

namespace PleGen.Runtime.Metrics;

/// <summary>Comparing two values of a metric, and the direction of the metrics known by name.</summary>
public static class MetricDirections
{
    // Case-insensitive: reports spell the same metric "AUC" and "auc".
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
    /// The direction of <paramref name="metric"/> (case-insensitive): from <paramref name="overrides"/> when it names
    /// the metric, else from the known metrics (auc, gauc, accuracy, r2 up; mse, rmse, mae, logloss, loss down).
    /// </summary>
    /// <exception cref="ArgumentException">The metric is neither in <paramref name="overrides"/> nor known.</exception>
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

    /// <summary>
    /// Whether <paramref name="value"/> is strictly better than <paramref name="reference"/> in
    /// <paramref name="direction"/>; a tie is no improvement, so early stopping keeps the earlier epoch.
    /// </summary>
    public static bool IsBetter(this MetricDirection direction, double value, double reference) => direction switch
    {
        MetricDirection.HigherIsBetter => value > reference,
        MetricDirection.LowerIsBetter => value < reference,
        _ => throw Unknown(direction),
    };

    /// <summary>The error for a value outside the enum (a cast from a number, say).</summary>
    internal static ArgumentOutOfRangeException Unknown(MetricDirection direction) =>
        new(nameof(direction), direction, $"Unknown metric direction; use {nameof(MetricDirection.HigherIsBetter)} or {nameof(MetricDirection.LowerIsBetter)}.");
}
