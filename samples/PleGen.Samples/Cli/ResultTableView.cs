using System;
using System.Globalization;
using System.Linq;
using PleGen.Samples.Reporting;
using Spectre.Console;

namespace PleGen.Samples.Cli;

/// <summary>A result table for the terminal: one line per model (and task correlation), per task the mean ± std over seeds and the MTL gain, negative gains in red.</summary>
public static class ResultTableView
{
    /// <summary>The Spectre table of <paramref name="results"/>.</summary>
    public static Table Render(ResultTable results, int decimals = 4)
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
        foreach (string task in results.Tasks)
        {
            string metric = results.Rows.First(r => r.Task == task).Metric.ToUpperInvariant();
            table.AddColumn(new TableColumn(Markup.Escape($"{task} {metric}")).RightAligned());
            table.AddColumn(new TableColumn("gain").RightAligned());
        }

        double?[] correlations = synthetic ? results.Correlations.Select(c => (double?)c).ToArray() : [null];
        foreach (double? p in correlations)
        {
            foreach (string model in results.Models)
            {
                var cells = new System.Collections.Generic.List<string>();
                if (synthetic)
                {
                    cells.Add(p!.Value.ToString("0.##", CultureInfo.InvariantCulture));
                }

                cells.Add(Markup.Escape(model));
                bool any = false;
                foreach (string task in results.Tasks)
                {
                    ResultRow? row = results.Rows.FirstOrDefault(r => r.Model == model && r.Task == task && r.Correlation == p);
                    any |= row is not null;
                    cells.Add(row is null ? "" : $"{row.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {row.Std.ToString(format, CultureInfo.InvariantCulture)}");
                    cells.Add(row?.MtlGain switch
                    {
                        null => "[grey]—[/]",
                        < 0 and var g => $"[red]{g.ToString(format, CultureInfo.InvariantCulture)}[/]",
                        var g => "+" + g.Value.ToString(format, CultureInfo.InvariantCulture),
                    });
                }

                if (any)
                {
                    table.AddRow(cells.ToArray());
                }
            }
        }

        table.Caption("[grey]mean ± std over seeds; gain = MTL gain vs the single-task model (PLE Eq. 11), positive is better, [red]red[/] = negative transfer[/]");
        return table;
    }
}
