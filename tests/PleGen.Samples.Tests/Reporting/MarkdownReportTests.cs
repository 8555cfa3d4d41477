using System.IO;
using System.Linq;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Reporting;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Rows_show_mean_std_and_signed_gains_with_negative_ones_marked()
    {
        var table = new ResultTable(
        [
            ResultRow.FromValues("Single-Task", "income", "auc", [0.9400, 0.9420]),
            ResultRow.FromValues("PLE", "income", "auc", [0.9450, 0.9470]),
            ResultRow.FromValues("MMoE", "income", "auc", [0.9398, 0.9398]),
        ]).WithMtlGains();

        string[] lines = MarkdownReport.Render(table).Split('\n');

        Assert.Equal("| Model | Task | Metric | Mean ± std | MTL gain | Seeds |", lines[0]);
        Assert.Equal("| Single-Task | income | auc | 0.9410 ± 0.0014 | — | 2 |", lines[2]);
        Assert.Equal("| PLE | income | auc | 0.9460 ± 0.0014 | +0.0050 | 2 |", lines[3]);
        Assert.Equal("| MMoE | income | auc | 0.9398 ± 0.0000 | -0.0012 ⚠ | 2 |", lines[4]);
        Assert.Contains("⚠ marks negative transfer", lines[6]);
    }

    [Fact]
    public void Synthetic_rows_get_a_correlation_column_and_cells_are_escaped()
    {
        var table = new ResultTable(
        [
            ResultRow.FromValues("Single-Task", "y1", "mse", [0.5], correlation: 0.9),
            ResultRow.FromValues("PLE|v2", "y1", "mse", [0.4], correlation: 0.9),
        ]).WithMtlGains();

        string markdown = MarkdownReport.Render(table, decimals: 2);

        Assert.StartsWith("| Model | Task | Metric | p | Mean ± std | MTL gain | Seeds |", markdown);
        Assert.Contains("| PLE\\|v2 | y1 | mse | 0.9 | 0.40 ± 0.00 | +0.10 | 1 |", markdown);
    }

    [Fact]
    public void Failed_runs_show_in_the_seed_counts_as_failed_rows_and_in_a_list_with_their_errors()
    {
        var table = new ResultTable(
        [
            ResultRow.FromValues("Single-Task", "income", "auc", [0.9400, 0.9420]),
            ResultRow.FromValues("Single-Task", "married", "auc", [0.9900, 0.9920]),
            ResultRow.FromValues("MMoE", "income", "auc", [0.9450]),
            ResultRow.FromValues("MMoE", "married", "auc", [0.9930]),
        ],
        [
            new RunFailure("MMoE", 2, null, "loss of task 'income' is not finite"),
            new RunFailure("PLE", 1, null, "out of | memory"),
            new RunFailure("PLE", 2, null, "out of memory"),
        ]).WithMtlGains();

        string[] lines = MarkdownReport.Render(table).Split('\n');

        Assert.Equal("| MMoE | income | auc | 0.9450 ± 0.0000 | +0.0040 | 1 of 2 |", lines[4]); // the gain of the finished runs' means
        Assert.Equal("| PLE | income | auc | failed | — | 0 of 2 |", lines[6]);
        Assert.Equal("| PLE | married | auc | failed | — | 0 of 2 |", lines[7]);
        Assert.Contains("## Failed runs", lines);
        Assert.Contains(lines, l => l.Contains("MTL gains are those of the finished runs only", System.StringComparison.Ordinal));
        Assert.Contains("| MMoE | 2 | loss of task 'income' is not finite |", lines);
        Assert.Contains("| PLE | 1 | out of \\| memory |", lines);
    }

    [Fact]
    public void Write_puts_a_heading_over_the_table_atomically()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("results.md");
        File.WriteAllText(path, "old");

        MarkdownReport.Write(path, new ResultTable([ResultRow.FromValues("PLE", "t", "auc", [0.5])]), "Census-Income");

        Assert.StartsWith("# Census-Income\n\n| Model |", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
