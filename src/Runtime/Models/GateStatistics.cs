using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PleGen.Runtime.Models;

/// <summary>
/// Opt-in recorder of expert utilization (the PLE paper's Figure 8): while attached to a model, every forward pass
/// adds each gate's softmax weights; the report gives, per gate, the mean and standard deviation of the weight
/// each expert receives over all recorded samples.
/// </summary>
public sealed class GateStatistics
{
    private readonly Dictionary<string, GateAccumulator> _gates = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    /// <summary>Adds one batch of a gate's weights [batch, experts]; <paramref name="experts"/> names the columns.</summary>
    public void Record(string gate, Tensor weights, IReadOnlyList<string> experts)
    {
        if (weights.Rank != 2 || weights.Shape[1] != experts.Count)
        {
            throw new ArgumentException($"Gate '{gate}': weights {ShapeUtil.Format(weights.Shape)} do not match its {experts.Count} experts.");
        }

        if (!_gates.TryGetValue(gate, out GateAccumulator? accumulator))
        {
            accumulator = new GateAccumulator(experts);
            _gates[gate] = accumulator;
            _order.Add(gate);
        }

        accumulator.Add(weights.Data, weights.Shape[0]);
    }

    /// <summary>Forgets everything recorded.</summary>
    public void Clear()
    {
        _gates.Clear();
        _order.Clear();
    }

    /// <summary>Mean and standard deviation of each expert's weight, per gate, in forward order.</summary>
    public GateReport Report() => new(_order.Select(g => _gates[g].Summarize(g)).ToList());

    private sealed class GateAccumulator
    {
        private readonly IReadOnlyList<string> _experts;
        private readonly double[] _sum;
        private readonly double[] _sumOfSquares;
        private long _samples;

        public GateAccumulator(IReadOnlyList<string> experts)
        {
            _experts = experts.ToArray();
            _sum = new double[experts.Count];
            _sumOfSquares = new double[experts.Count];
        }

        public void Add(ReadOnlySpan<float> weights, int rows)
        {
            int experts = _sum.Length;
            for (int r = 0; r < rows; r++)
            {
                for (int e = 0; e < experts; e++)
                {
                    double w = weights[(r * experts) + e];
                    _sum[e] += w;
                    _sumOfSquares[e] += w * w;
                }
            }

            _samples += rows;
        }

        public GateUtilization Summarize(string gate)
        {
            var mean = new double[_sum.Length];
            var std = new double[_sum.Length];
            for (int e = 0; e < mean.Length; e++)
            {
                mean[e] = _samples == 0 ? 0 : _sum[e] / _samples;
                // Population standard deviation over the recorded samples.
                std[e] = _samples == 0 ? 0 : Math.Sqrt(Math.Max(0, (_sumOfSquares[e] / _samples) - (mean[e] * mean[e])));
            }

            return new GateUtilization(gate, _experts, mean, std, _samples);
        }
    }
}

/// <summary>One gate's utilization: for each expert it mixes, the mean and standard deviation of its weight.</summary>
public sealed record GateUtilization(string Gate, IReadOnlyList<string> Experts, IReadOnlyList<double> Mean, IReadOnlyList<double> Std, long Samples);

/// <summary>Expert utilization of every gate, printable as a table.</summary>
public sealed record GateReport(IReadOnlyList<GateUtilization> Gates)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        int width = Math.Max(6, Gates.SelectMany(g => g.Experts).Select(e => e.Length).DefaultIfEmpty(6).Max());
        foreach (GateUtilization gate in Gates)
        {
            sb.Append(gate.Gate).Append(" (").Append(gate.Samples.ToString(CultureInfo.InvariantCulture)).Append(" samples)\n");
            sb.Append("  ").Append("expert".PadRight(width)).Append("    mean     std\n");
            for (int e = 0; e < gate.Experts.Count; e++)
            {
                sb.Append("  ").Append(gate.Experts[e].PadRight(width))
                  .Append(gate.Mean[e].ToString("F4", CultureInfo.InvariantCulture).PadLeft(8))
                  .Append(gate.Std[e].ToString("F4", CultureInfo.InvariantCulture).PadLeft(8)).Append('\n');
            }
        }

        return sb.ToString();
    }
}
