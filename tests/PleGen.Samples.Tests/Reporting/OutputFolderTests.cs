using System;
using System.IO;
using PleGen.Samples.Reporting;
using Xunit;

namespace PleGen.Samples.Tests.Reporting;

/// <summary>The output folder is checked by creating it and writing in it, before anything trains.</summary>
public sealed class OutputFolderTests
{
    [Fact]
    public void An_output_folder_is_created_and_tried_before_use_and_a_file_in_its_place_is_refused()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.WriteText("taken", "x");

        Assert.Equal(dir.File(Path.Combine("new", "reports")), OutputFolder.Prepare(dir.File(Path.Combine("new", "reports"))));
        Assert.Empty(Directory.GetFileSystemEntries(dir.File(Path.Combine("new", "reports")))); // the write check leaves nothing behind
        Assert.Equal($"--out {file} is a file, not a folder: give a folder for the reports (it is created if missing).", Assert.Throws<ArgumentException>(() => OutputFolder.Prepare(file)).Message);
        Assert.StartsWith($"--out {Path.Combine(file, "sub")} cannot be created (", Assert.Throws<ArgumentException>(() => OutputFolder.Prepare(Path.Combine(file, "sub"))).Message);
    }
}
