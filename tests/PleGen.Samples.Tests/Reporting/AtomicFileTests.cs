using System;
using System.IO;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Reporting;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.WriteText("report.json", "old content");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte((byte)'x');
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_write_replaces_the_file_and_creates_missing_directories()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File(Path.Combine("a", "b", "chart.svg"));

        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");

        Assert.Equal("second", File.ReadAllText(path));
    }
}
