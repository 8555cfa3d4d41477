using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PleGen.Samples.Reporting;

/// <summary>
/// A Markdown table of results: per row model, task, metric, (p for synthetic data), mean ± std over the seeds,
/// the MTL gain with its sign, and the number of seeds. Negative gains (the seesaw) are marked "⚠". Failed runs
/// show in the seed count ("2 of 3"), as "failed" rows for a model none of whose runs finished, and in a list with
/// their errors; means and MTL gains cover the finished runs only, and the text says so.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The mark after a negative MTL gain.</summary>
    public const string NegativeGainMark = "⚠";

    /// <summary>The table, followed by a line explaining the gain and the mark, and the failed runs if any.</summary>
    public static string Render(ResultTable table, int decimals = 4)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        bool synthetic = table.Rows.Any(r => r.Correlation.HasValue) || table.Failures.Any(f => f.Correlation.HasValue);
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append(synthetic ? "| Model | Task | Metric | p | Mean ± std | MTL gain | Seeds |\n" : "| Model | Task | Metric | Mean ± std | MTL gain | Seeds |\n");
        sb.Append(synthetic ? "|---|---|---|---:|---:|---:|---:|\n" : "|---|---|---|---:|---:|---:|\n");
        void Line(string model, string task, string metric, double? correlation, string values, string gain, string seeds)
        {
            sb.Append("| ").Append(Cell(model)).Append(" | ").Append(Cell(task)).Append(" | ").Append(Cell(metric)).Append(" | ");
            if (synthetic)
            {
                sb.Append(correlation?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty).Append(" | ");
            }

            sb.Append(values).Append(" | ").Append(gain).Append(" | ").Append(seeds).Append(" |\n");
        }

        foreach ((double? correlation, string model) in table.Groups())
        {
            int failed = table.FailuresOf(model, correlation).Count;
            ResultRow[] rows = table.Rows.Where(r => r.Model == model && r.Correlation == correlation).ToArray();
            foreach (ResultRow row in rows)
            {
                Line(model, row.Task, row.Metric, correlation,
                    row.Mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + row.Std.ToString(format, CultureInfo.InvariantCulture),
                    Gain(row.MtlGain, format), Seeds(row.Values.Count, failed));
            }

            if (rows.Length == 0)
            {
                foreach (string task in table.Tasks)
                {
                    Line(model, task, table.Rows.First(r => r.Task == task).Metric, correlation, "failed", "—", Seeds(0, failed));
                }
            }
        }

        sb.Append('\n').Append("MTL gain (PLE Eq. 11): the multi-task model's mean minus the single-task model's (reversed for lower-is-better metrics such as MSE), so positive is better; ")
          .Append(NegativeGainMark).Append(" marks negative transfer (the seesaw phenomenon). Std is the sample standard deviation over seeds (n - 1).\n");
        if (table.Failures.Count > 0)
        {
            sb.Append("\n## Failed runs\n\n")
              .Append("No value of a failed run is in the table: means, stds and MTL gains are those of the finished runs only (\"2 of 3\" seeds), ")
              .Append("so a gain may compare means over different seeds, and there is none where every single-task run failed.\n\n")
              .Append(synthetic ? "| Model | p | Seed | Error |\n|---|---:|---:|---|\n" : "| Model | Seed | Error |\n|---|---:|---|\n");
            foreach (RunFailure failure in table.Failures)
            {
                sb.Append("| ").Append(Cell(failure.Model)).Append(" | ");
                if (synthetic)
                {
                    sb.Append(failure.Correlation?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty).Append(" | ");
                }

                sb.Append(failure.Seed.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Cell(failure.Error)).Append(" |\n");
            }
        }

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

    private static string Seeds(int finished, int failed) =>
        failed == 0 ? finished.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{finished} of {finished + failed}");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
