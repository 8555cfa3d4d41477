using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>
/// Save respects what the user set up at the target: a read-only file, a link, a device or a pipe is never
/// replaced behind the user's back; links are written through; leftovers of killed saves are recognizable and
/// removed by the next save of the same target.
/// </summary>
public sealed partial class SafeTensorsSaveTargetTests : CheckpointDirectory
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [GeneratedRegex(@"^(?<target>.+)\.plegen-tmp-(?<pid>[0-9]+)-(?<random>[0-9a-f]{8})-(?<host>.+)$")]
    private static partial Regex TemporaryName();

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_read_only_checkpoint_is_refused_and_left_as_it_was()
    {
        string path = PathOf("frozen.safetensors");
        SafeTensors.Save(path, Model());
        byte[] before = File.ReadAllBytes(path);
        File.SetUnixFileMode(path, ReadOnly);

        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, Model(5f)));

        Assert.Contains(path, error.Message);
        Assert.Contains("is read-only", error.Message);
        Assert.Contains("chmod u+w", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(ReadOnly, File.GetUnixFileMode(path));
        Assert.Equal(["frozen.safetensors"], FileNames());
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Replacing_a_checkpoint_keeps_its_permissions()
    {
        string path = PathOf("shared.safetensors");
        SafeTensors.Save(path, Model(1f));
        const UnixFileMode groupReadable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, groupReadable);

        SafeTensors.Save(path, Model(2f));

        Assert.Equal(groupReadable, File.GetUnixFileMode(path));
        NamedTensor[] loaded = Model();
        SafeTensors.Load(path, loaded);
        Assert.Equal(ValuesOf(Model(2f)), ValuesOf(loaded));
    }

    [UnixFact]
    public void Saving_through_symbolic_links_replaces_the_final_target_and_keeps_the_links()
    {
        Directory.CreateDirectory(PathOf("store"));
        string target = PathOf(Path.Combine("store", "model.safetensors"));
        SafeTensors.Save(target, Model(1f));
        File.CreateSymbolicLink(PathOf("latest.safetensors"), Path.Combine("store", "model.safetensors"));
        File.CreateSymbolicLink(PathOf("best.safetensors"), PathOf("latest.safetensors"));
        string? temporary = null;

        SafeTensors.Save(PathOf("best.safetensors"), Model(2f), metadata: null, stream => { temporary = ((FileStream)stream).Name; return stream; });

        Assert.Equal(Path.Combine("store", "model.safetensors"), new FileInfo(PathOf("latest.safetensors")).LinkTarget);
        Assert.Equal(PathOf("latest.safetensors"), new FileInfo(PathOf("best.safetensors")).LinkTarget);
        NamedTensor[] loaded = Model();
        SafeTensors.Load(target, loaded);
        Assert.Equal(ValuesOf(Model(2f)), ValuesOf(loaded));
        Assert.Equal(PathOf("store"), Path.GetDirectoryName(temporary));
        Assert.Equal(["best.safetensors", "latest.safetensors", "store"], FileNames());
        Assert.Equal(["model.safetensors"], Directory.GetFileSystemEntries(PathOf("store")).Select(Path.GetFileName));
    }

    [UnixFact]
    public void A_link_to_a_file_not_yet_written_creates_that_file()
    {
        Directory.CreateDirectory(PathOf("store"));
        File.CreateSymbolicLink(PathOf("next.safetensors"), Path.Combine("store", "next.safetensors"));

        SafeTensors.Save(PathOf("next.safetensors"), Model(4f));

        Assert.Equal("symbolic link", FileSystemObjects.KindOf(PathOf("next.safetensors")));
        NamedTensor[] loaded = Model();
        SafeTensors.Load(PathOf(Path.Combine("store", "next.safetensors")), loaded);
        Assert.Equal(ValuesOf(Model(4f)), ValuesOf(loaded));
    }

    [Fact]
    public void A_directory_or_a_link_to_one_is_refused_with_what_to_pass_instead()
    {
        string directory = PathOf("runs");
        Directory.CreateDirectory(directory);
        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Save(directory, Model()));
        Assert.Contains(directory, error.Message);
        Assert.Contains("is a directory", error.Message);
        Assert.Contains(Path.Combine(directory, "model.safetensors"), error.Message);

        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(PathOf("runs-link"), directory);
            var linked = Assert.Throws<CheckpointException>(() => SafeTensors.Save(PathOf("runs-link"), Model()));
            Assert.Contains("is a directory", linked.Message);
            Assert.Equal("symbolic link", FileSystemObjects.KindOf(PathOf("runs-link")));
        }

        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [UnixFact]
    public void A_symbolic_link_loop_is_refused_and_the_links_stay()
    {
        File.CreateSymbolicLink(PathOf("a.safetensors"), PathOf("b.safetensors"));
        File.CreateSymbolicLink(PathOf("b.safetensors"), PathOf("a.safetensors"));

        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Save(PathOf("a.safetensors"), Model()));

        Assert.Contains(PathOf("a.safetensors"), error.Message);
        Assert.Contains("symbolic links", error.Message);
        Assert.Equal("symbolic link", FileSystemObjects.KindOf(PathOf("a.safetensors")));
        Assert.Equal(["a.safetensors", "b.safetensors"], FileNames());
    }

    [UnixFact]
    public void A_named_pipe_is_refused_and_stays_a_pipe()
    {
        FileSystemObjects.MakeFifo(PathOf("pipe.safetensors"));
        AssertRefusedAndKept("pipe.safetensors", "is a named pipe (FIFO), not a regular file", "fifo");
    }

    [UnixFact(User = UnixUser.Root)]
    public void A_device_is_refused_and_stays_a_device()
    {
        FileSystemObjects.MakeNullDevice(PathOf("null"));
        AssertRefusedAndKept("null", "is a character device, not a regular file", "character special file");
    }

    [UnixFact(User = UnixUser.NotRoot)]
    [UnsupportedOSPlatform("windows")]
    public void A_read_only_directory_fails_clearly_and_keeps_the_checkpoint()
    {
        string directory = PathOf("locked");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "model.safetensors");
        SafeTensors.Save(path, Model(1f));
        byte[] before = File.ReadAllBytes(path);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var error = Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, Model(2f)));
            Assert.Contains(path, error.Message);
            Assert.Contains("unchanged", error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
        }
        finally
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Assert.Equal(["model.safetensors"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void The_temporary_file_is_named_for_its_target_and_this_process()
    {
        string path = PathOf("model.safetensors");
        string? temporary = null;

        SafeTensors.Save(path, Model(), metadata: null, stream => { temporary = ((FileStream)stream).Name; return stream; });

        Match name = TemporaryName().Match(Path.GetFileName(temporary) ?? "");
        Assert.True(name.Success, $"temporary file {temporary}");
        Assert.Equal("model.safetensors", name.Groups["target"].Value);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), name.Groups["pid"].Value);
        Assert.Equal(PathOf(""), Path.GetDirectoryName(temporary));
        Assert.Equal(["model.safetensors"], FileNames());
    }

    [Fact]
    public void Leftovers_of_killed_saves_of_the_same_target_are_removed_by_the_next_save()
    {
        string path = PathOf("model.safetensors");
        string? temporary = null;
        SafeTensors.Save(path, Model(1f), metadata: null, stream => { temporary = ((FileStream)stream).Name; return stream; });
        Match name = TemporaryName().Match(Path.GetFileName(temporary) ?? "");
        Assert.True(name.Success, $"temporary file {temporary}");
        string host = name.Groups["host"].Value;
        const int gone = int.MaxValue; // no process has this id: its owner was killed
        int alive = Environment.ProcessId;

        string killed = Leftover("model.safetensors", gone, "0badf00d", host, hoursOld: 0);
        string running = Leftover("model.safetensors", alive, "00c0ffee", host, hoursOld: 0);
        string reusedId = Leftover("model.safetensors", alive, "0000beef", host, hoursOld: 48);
        string remote = Leftover("model.safetensors", gone, "feedface", "elsewhere", hoursOld: 0);
        string remoteOld = Leftover("model.safetensors", gone, "deadbeef", "elsewhere", hoursOld: 48);
        string otherTarget = Leftover("other.safetensors", gone, "12345678", host, hoursOld: 48);
        string notOurs = "model.safetensors.plegen-tmp-notes.txt";
        File.WriteAllText(PathOf(notOurs), "kept");

        SafeTensors.Save(path, Model(2f));

        Assert.Equal(new[] { "model.safetensors", running, remote, otherTarget, notOurs }.Order(StringComparer.Ordinal), FileNames());
        Assert.DoesNotContain(killed, FileNames());
        Assert.DoesNotContain(reusedId, FileNames());
        Assert.DoesNotContain(remoteOld, FileNames());
        NamedTensor[] loaded = Model();
        SafeTensors.Load(path, loaded);
        Assert.Equal(ValuesOf(Model(2f)), ValuesOf(loaded));
    }

    /// <summary>Save to <paramref name="name"/> fails saying <paramref name="expected"/>, and leaves it what stat calls <paramref name="kind"/>.</summary>
    private void AssertRefusedAndKept(string name, string expected, string kind)
    {
        string path = PathOf(name);
        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, Model()));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal(kind, FileSystemObjects.KindOf(path));
        Assert.Equal([name], FileNames());
    }

    private string Leftover(string target, int processId, string random, string host, double hoursOld)
    {
        string name = $"{target}.plegen-tmp-{processId}-{random}-{host}";
        File.WriteAllBytes(PathOf(name), new byte[1000]);
        File.SetLastWriteTimeUtc(PathOf(name), DateTime.UtcNow.AddHours(-hoursOld));
        return name;
    }
}
