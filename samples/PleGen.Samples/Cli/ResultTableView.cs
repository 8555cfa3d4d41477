using System;
using System.Globalization;
using System.Linq;
using PleGen.Samples.Reporting;
using Spectre.Console;

namespace PleGen.Samples.Cli;

/// <summary>
/// A result table for the terminal: one line per model (and task correlation), per task the mean ± std over the finished
/// seeds and the MTL gain, negative gains in red; failed seeds are counted beside the mean, a model with none finished shows "failed";
/// with <c>parameters</c>, each model's parameter count beside its name.
/// </summary>
public static class ResultTableView
{
    /// <summary>The Spectre table of <paramref name="results"/>.</summary>
    public static Table Render(ResultTable results, int decimals = 4, Func<string, long?>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        bool synthetic = results.Correlations.Count > 0;
        var table = new Table().Border(TableBorder.Rounded);
        if (synthetic)
        {
            table.AddColumn(new TableColumn("p").RightAligned());
        }

        table.AddColumn("Model");
        if (parameters is not null)
        {
            table.AddColumn(new TableColumn("params").RightAligned());
        }

        foreach (string task in results.Tasks)
        {
            string metric = results.Rows.First(r => r.Task == task).Metric.ToUpperInvariant();
            table.AddColumn(new TableColumn(Markup.Escape($"{task} {metric}")).RightAligned());
            table.AddColumn(new TableColumn("gain").RightAligned());
        }

        foreach ((double? p, string model) in results.Groups())
        {
            var cells = new System.Collections.Generic.List<string>();
            if (synthetic)
            {
                cells.Add(p?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty);
            }

            cells.Add(Markup.Escape(model));
            if (parameters is not null)
            {
                cells.Add(parameters(model)?.ToString("N0", CultureInfo.InvariantCulture) ?? "[grey]?[/]");
            }

            int failed = results.FailuresOf(model, p).Count;
            foreach (string task in results.Tasks)
            {
                ResultRow? row = results.Rows.FirstOrDefault(r => r.Model == model && r.Task == task && r.Correlation == p);
                string failures = failed == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" [red]({failed} failed)[/]");
                cells.Add(row is null
                    ? "[red]failed[/]"
                    : $"{row.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {row.Std.ToString(format, CultureInfo.InvariantCulture)}{failures}");
                cells.Add(row?.MtlGain switch
                {
                    null => "[grey]—[/]",
                    < 0 and var g => $"[red]{g.ToString(format, CultureInfo.InvariantCulture)}[/]",
                    var g => "+" + g.Value.ToString(format, CultureInfo.InvariantCulture),
                });
            }

            table.AddRow(cells.ToArray());
        }

        string failedNote = results.Failures.Count == 0 ? string.Empty : "; (n failed) = seeds that failed, in no mean or gain";
        table.Caption($"[grey]mean ± std over seeds; gain = MTL gain vs the single-task model (PLE Eq. 11), positive is better, [red]red[/] = negative transfer{failedNote}[/]");
        return table;
    }
}
