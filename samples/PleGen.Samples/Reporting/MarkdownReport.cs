using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PleGen.Samples.Reporting;

/// <summary>
/// A Markdown table of results: per row model, task, metric, (p for synthetic data), mean ± std over the seeds,
/// the MTL gain with its sign, and the number of seeds. Negative gains (the seesaw) are marked "⚠".
/// </summary>
public static class MarkdownReport
{
    /// <summary>The mark after a negative MTL gain.</summary>
    public const string NegativeGainMark = "⚠";

    /// <summary>The table, followed by a line explaining the gain and the mark.</summary>
    public static string Render(ResultTable table, int decimals = 4)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        bool synthetic = table.Rows.Any(r => r.Correlation.HasValue);
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append(synthetic ? "| Model | Task | Metric | p | Mean ± std | MTL gain | Seeds |\n" : "| Model | Task | Metric | Mean ± std | MTL gain | Seeds |\n");
        sb.Append(synthetic ? "|---|---|---|---:|---:|---:|---:|\n" : "|---|---|---|---:|---:|---:|\n");
        foreach (ResultRow row in table.Rows)
        {
            sb.Append("| ").Append(Cell(row.Model)).Append(" | ").Append(Cell(row.Task)).Append(" | ").Append(Cell(row.Metric)).Append(" | ");
            if (synthetic)
            {
                sb.Append(row.Correlation?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty).Append(" | ");
            }

            sb.Append(row.Mean.ToString(format, CultureInfo.InvariantCulture)).Append(" ± ").Append(row.Std.ToString(format, CultureInfo.InvariantCulture)).Append(" | ")
              .Append(Gain(row.MtlGain, format)).Append(" | ")
              .Append(row.Values.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        sb.Append('\n').Append("MTL gain (PLE Eq. 11): the multi-task model's mean minus the single-task model's (reversed for lower-is-better metrics such as MSE), so positive is better; ")
          .Append(NegativeGainMark).Append(" marks negative transfer (the seesaw phenomenon). Std is the sample standard deviation over seeds (n - 1).\n");
        return sb.ToString();
    }

    /// <summary>Writes <see cref="Render"/> to <paramref name="path"/> atomically, under an optional heading.</summary>
    public static void Write(string path, ResultTable table, string? heading = null, int decimals = 4)
    {
        string body = Render(table, decimals);
        AtomicFile.WriteAllText(path, heading is null ? body : $"# {heading}\n\n{body}");
    }

    private static string Gain(double? gain, string format) => gain switch
    {
        null => "—",
        < 0 => gain.Value.ToString(format, CultureInfo.InvariantCulture) + " " + NegativeGainMark,
        _ => "+" + gain.Value.ToString(format, CultureInfo.InvariantCulture),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
