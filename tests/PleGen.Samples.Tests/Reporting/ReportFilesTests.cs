using System;
using System.IO;
using System.Linq;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Reporting;

/// <summary>A report is a set of files written one by one: one that cannot be written does not cost the others.</summary>
public sealed class ReportFilesTests
{
    [Fact]
    public void A_report_file_that_cannot_be_written_is_named_and_the_others_are_written()
    {
        using var dir = new TemporaryDirectory();
        string old = dir.WriteText("report.md", "old report");
        Directory.CreateDirectory(dir.File("chart.svg")); // a folder where a file goes

        var (written, failed) = new ReportFiles(dir.Path)
            .Add("report.json", () => "{}")
            .Add("chart.svg", () => "<svg/>")
            .Add("broken.svg", () => throw new InvalidOperationException("no rows to chart"))
            .Add("report.md", () => "new report")
            .WriteAll();

        Assert.Equal([dir.File("report.json"), dir.File("report.md")], written);
        Assert.Equal([dir.File("chart.svg"), dir.File("broken.svg")], failed.Select(f => f.Path));
        Assert.Equal("no rows to chart", failed[1].Reason);
        Assert.Equal("new report", File.ReadAllText(old));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }
}
