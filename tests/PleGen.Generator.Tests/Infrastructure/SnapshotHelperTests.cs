using PleGen.Tests.Shared;
using System;
using System.IO;
using Xunit;

namespace PleGen.Generator.Tests.Infrastructure;

public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plegen-snapshot-" + Guid.NewGuid().ToString("N"));

    public SnapshotHelperTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Verified => Path.Combine(_directory, "T.M.verified.cs");

    private string Received => Path.Combine(_directory, "T.M.received.cs");

    [Fact]
    public void Matching_output_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Verified, "a\nb\n");
        File.WriteAllText(Received, "stale");

        Snapshot.Match("a\r\nb", _directory, "T.M", "cs", acceptSetting: null, ciSetting: null);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Mismatch_writes_received_and_fails_with_the_differing_lines()
    {
        File.WriteAllText(Verified, "same\nold line\n");

        var error = Assert.Throws<SnapshotMismatchException>(() =>
            Snapshot.Match("same\nnew line\n", _directory, "T.M", "cs", acceptSetting: null, ciSetting: null));

        Assert.Equal("same\nnew line\n", File.ReadAllText(Received));
        Assert.Contains("line 2", error.Message);
        Assert.Contains("- ", error.Message);
        Assert.Contains("old line", error.Message);
        Assert.Contains("new line", error.Message);
        Assert.Equal("same\nold line\n", File.ReadAllText(Verified));
    }

    [Fact]
    public void Missing_verified_file_writes_received_and_fails()
    {
        Assert.Throws<SnapshotMismatchException>(() =>
            Snapshot.Match("x", _directory, "T.M", "cs", acceptSetting: null, ciSetting: null));

        Assert.True(File.Exists(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void Accepting_outside_CI_overwrites_verified_and_passes()
    {
        File.WriteAllText(Verified, "old\n");

        Snapshot.Match("new", _directory, "T.M", "cs", acceptSetting: "1", ciSetting: null);

        Assert.Equal("new\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    public void CI_never_accepts(string ci)
    {
        File.WriteAllText(Verified, "old\n");

        var error = Assert.Throws<SnapshotMismatchException>(() =>
            Snapshot.Match("new", _directory, "T.M", "cs", acceptSetting: "1", ciSetting: ci));

        Assert.Equal("old\n", File.ReadAllText(Verified));
        Assert.True(File.Exists(Received));
        Assert.Contains("never accepted on CI", error.Message);
    }
}
