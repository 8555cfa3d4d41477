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
