using System.IO;
using PleGen.Runtime.Checkpoints;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>A save that fails midway leaves the previous checkpoint byte for byte, and no temporary file.</summary>
public sealed class SafeTensorsAtomicWriteTests : CheckpointDirectory
{
    [Theory]
    [InlineData(0)]     // before the length field
    [InlineData(20)]    // inside the header
    [InlineData(150)]   // inside the data
    public void A_write_failing_midway_keeps_the_previous_checkpoint(long failAfterBytes)
    {
        string path = PathOf("keep.safetensors");
        SafeTensors.Save(path, Model());
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, Model(5f), metadata: null, stream => new FailingStream(stream, failAfterBytes)));

        Assert.Contains(path, error.Message);
        Assert.Contains("no space left", error.Message);
        Assert.Contains("unchanged", error.Message);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["keep.safetensors"], FileNames());
    }

    [Fact]
    public void A_failed_first_save_leaves_no_file_at_all()
    {
        string path = PathOf("new.safetensors");
        Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, Model(), metadata: null, stream => new FailingStream(stream, 100)));
        Assert.Empty(FileNames());
    }

    [Fact]
    public void A_target_that_cannot_be_replaced_fails_clearly_without_leftovers()
    {
        string path = PathOf("a-directory");
        Directory.CreateDirectory(path);
        var error = Assert.Throws<CheckpointException>(() => SafeTensors.Save(path, Model()));
        Assert.Contains(path, error.Message);
        Assert.Equal(["a-directory"], FileNames());
    }
}
