using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Tensors;
using Xunit;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>
/// Whatever is wrong with a file, Load and Read fail with a <see cref="CheckpointException"/> naming the file and the
/// problem, and Load changes no parameter: damaged headers, damaged weights (caught by the checksum Save writes),
/// NaN or infinite values, directories and other things that are not files.
/// </summary>
public sealed class SafeTensorsLoadIntegrityTests : CheckpointDirectory
{
    private static readonly Dictionary<string, string> Metadata = new() { ["architecture"] = "PLE", ["model"] = "Demo.Census" };

    [Fact]
    public void Every_single_bit_flip_in_the_header_is_a_checkpoint_exception_or_loads_the_saved_values()
    {
        (byte[] bytes, int headerEnd) = SavedForFlips();
        string bad = PathOf("flipped.safetensors");
        var wrong = new List<string>();
        int rejected = 0;

        for (int bit = 0; bit < headerEnd * 8; bit++)
        {
            byte[] flipped = WriteFlipped(bad, bytes, bit);
            string where = $"bit {bit % 8} of byte {bit / 8} ('{(char)bytes[bit / 8]}' -> 0x{flipped[bit / 8]:x2})";
            NamedTensor[] target = Model(3f);
            try
            {
                SafeTensors.Load(bad, target);
                if (!SameValues(Model(), target))
                {
                    wrong.Add($"{where}: loaded values that were never saved");
                }
            }
            catch (CheckpointException e)
            {
                rejected++;
                if (!e.Message.Contains(bad, StringComparison.Ordinal))
                {
                    wrong.Add($"{where}: the message does not name the file: {e.Message}");
                }

                if (!SameValues(Model(3f), target))
                {
                    wrong.Add($"{where}: a failed load changed parameters");
                }
            }
            catch (Exception e)
            {
                wrong.Add($"{where}: Load threw {e.GetType().Name}: {e.Message}");
            }

            try
            {
                SafeTensors.Read(bad);
            }
            catch (CheckpointException)
            {
            }
            catch (Exception e)
            {
                wrong.Add($"{where}: Read threw {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} problems in {headerEnd * 8} flips:\n{string.Join("\n", wrong.Take(30))}");
        Assert.True(rejected > headerEnd * 8 * 3 / 4, $"only {rejected} of {headerEnd * 8} flips were rejected");
    }

    [Fact]
    public void Every_single_bit_flip_in_the_weights_is_caught_by_the_checksum_naming_the_tensor()
    {
        (byte[] bytes, int dataStart) = SavedForFlips();
        string bad = PathOf("flipped.safetensors");
        Assert.Equal(dataStart + 32, bytes.Length);
        var wrong = new List<string>();

        for (int bit = dataStart * 8; bit < bytes.Length * 8; bit++)
        {
            WriteFlipped(bad, bytes, bit);
            string tensor = bit / 8 < dataStart + 24 ? "layer.weight" : "layer.bias";
            NamedTensor[] target = Model(3f);
            foreach (Action action in new Action[] { () => SafeTensors.Load(bad, target), () => SafeTensors.Read(bad) })
            {
                try
                {
                    action();
                    wrong.Add($"bit {bit % 8} of data byte {(bit / 8) - dataStart}: not detected");
                }
                catch (CheckpointException e) when (e.Message.Contains(bad, StringComparison.Ordinal) && e.Message.Contains($"tensor '{tensor}'", StringComparison.Ordinal) && e.Message.Contains("checksum", StringComparison.Ordinal))
                {
                }
                catch (Exception e)
                {
                    wrong.Add($"bit {bit % 8} of data byte {(bit / 8) - dataStart}: {e.GetType().Name}: {e.Message}");
                }
            }

            if (!SameValues(Model(3f), target))
            {
                wrong.Add($"bit {bit % 8} of data byte {(bit / 8) - dataStart}: a failed load changed parameters");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} problems:\n{string.Join("\n", wrong.Take(30))}");
    }

    [Fact]
    public void The_checksum_message_says_what_happened_and_that_nothing_was_loaded()
    {
        string path = PathOf("damaged.safetensors");
        SafeTensors.Save(path, Model());
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, Model())).Message;

        Assert.Contains($"{path} is corrupt: the data of tensor 'layer.bias'", message);
        Assert.Contains("CRC-32C", message);
        Assert.Contains("damaged after it was saved", message);
        Assert.Contains("Nothing was loaded", message);
    }

    [Fact]
    public void The_checksum_is_not_part_of_the_metadata_load_and_read_return()
    {
        string path = PathOf("model.safetensors");
        SafeTensors.Save(path, Model(), Metadata);
        Assert.Contains("\"plegen.crc32c\"", Encoding.UTF8.GetString(File.ReadAllBytes(path)));

        Assert.Equal(Metadata, SafeTensors.Load(path, Model()));
        Assert.Equal(Metadata, SafeTensors.Read(path).Metadata);

        // Saving what Load returned (or metadata naming the key) writes a fresh checksum.
        SafeTensors.Save(path, Model(1f), new Dictionary<string, string>(Metadata) { ["plegen.crc32c"] = "00000000 00000000" });
        NamedTensor[] loaded = Model();
        SafeTensors.Load(path, loaded);
        Assert.Equal(ValuesOf(Model(1f)), ValuesOf(loaded));
    }

    [Fact]
    public void Files_without_a_checksum_load_as_before()
    {
        string path = PathOf("pytorch.safetensors");
        WriteRaw(path, "{\"__metadata__\":{\"format\":\"pt\"},\"layer.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}", 32);
        NamedTensor[] target = Model(3f);

        IReadOnlyDictionary<string, string> metadata = SafeTensors.Load(path, target);

        Assert.All(ValuesOf(target), values => Assert.All(values, v => Assert.Equal(0f, v)));
        Assert.Equal("pt", metadata["format"]);
    }

    [Theory]
    [InlineData("\"zz\"", "is not one CRC-32C (8 hex digits) per tensor")]
    [InlineData("\"0000000g 00000000\"", "is not one CRC-32C (8 hex digits) per tensor")]
    [InlineData("\"00000000\"", "holds 1 checksums but the file has 2 tensors")]
    [InlineData("\"00000000 00000000 00000000\"", "holds 3 checksums but the file has 2 tensors")]
    public void A_malformed_checksum_entry_is_refused(string value, string expected)
    {
        string path = PathOf("malformed.safetensors");
        WriteRaw(path, "{\"__metadata__\":{\"plegen.crc32c\":" + value + "},\"layer.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}", 32);
        NamedTensor[] target = Model(3f);

        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target)).Message;

        Assert.Contains(path, message);
        Assert.Contains("metadata 'plegen.crc32c'", message);
        Assert.Contains(expected, message);
        Assert.Equal(ValuesOf(Model(3f)), ValuesOf(target));
    }

    [Fact]
    public void A_header_that_is_not_utf8_is_named_as_such()
    {
        string path = PathOf("latin1.safetensors");
        byte[] json = Encoding.UTF8.GetBytes("{\"layer.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},\"layer.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]}}");
        json[3] = 0xE9; // 'a' of "layer" as Latin-1 'é'
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. new byte[32]]);

        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, Model())).Message;

        Assert.Contains($"{path} is corrupt: its header is not valid UTF-8 (at byte 11 of the file)", message);
    }

    [Fact]
    public void A_directory_is_not_a_checkpoint_and_the_message_names_the_checkpoints_in_it()
    {
        string directory = PathOf("run");
        Directory.CreateDirectory(directory);
        SafeTensors.Save(Path.Combine(directory, "best.safetensors"), Model());

        var load = Assert.Throws<CheckpointException>(() => SafeTensors.Load(directory, Model()));
        var read = Assert.Throws<CheckpointException>(() => SafeTensors.Read(directory));

        Assert.Contains($"Checkpoint {directory} is a directory, not a file", load.Message);
        Assert.Contains("best.safetensors", load.Message);
        Assert.Equal(load.Message, read.Message);
    }

    [UnixFact(User = UnixUser.Root)]
    public void A_device_is_not_a_checkpoint()
    {
        string path = PathOf("zero");
        FileSystemObjects.MakeNullDevice(path);

        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, Model())).Message;

        Assert.Contains($"Checkpoint {path} is a character device, not a file", message);
    }

    [UnixFact]
    public async System.Threading.Tasks.Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        string path = PathOf("pipe.safetensors");
        FileSystemObjects.MakeFifo(path);
        // Opening a pipe waits for the other end: this writer lets a regressed Load finish instead of hanging.
        var writer = System.Threading.Tasks.Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Write).Dispose());

        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, Model())).Message;

        if (!writer.IsCompleted)
        {
            new FileStream(path, FileMode.Open, FileAccess.Read).Dispose();
        }

        await writer;
        Assert.Contains($"Checkpoint {path} is a named pipe (FIFO), not a file", message);
    }

    [Fact]
    public void Non_finite_parameters_are_refused_naming_the_tensor_the_element_and_the_way_out()
    {
        string path = PathOf("diverged.safetensors");
        SafeTensors.Save(path,
        [
            new("layer.weight", new Tensor([2, 3], [1f, 2f, 3f, 4f, float.NaN, float.PositiveInfinity])),
            new("layer.bias", new Tensor([2], [0f, float.NegativeInfinity])),
        ]);
        NamedTensor[] target = Model(3f);

        string message = Assert.Throws<CheckpointException>(() => SafeTensors.Load(path, target)).Message;

        Assert.Contains($"{path}: parameter 'layer.weight' [2, 3] holds NaN at [1, 1] (2 of its 6 values are NaN or infinite)", message);
        Assert.Contains("diverged", message);
        Assert.Contains("allowNonFinite: true", message);
        Assert.Contains("Nothing was loaded", message);
        Assert.Equal(ValuesOf(Model(3f)), ValuesOf(target));
    }

    [Fact]
    public void Non_finite_values_load_when_asked_to_and_read_as_stored()
    {
        string path = PathOf("diverged.safetensors");
        NamedTensor[] saved = [new("layer.weight", new Tensor([2, 3], [1f, 2f, 3f, 4f, float.NaN, 6f])), new("layer.bias", new Tensor([2], [0f, float.NegativeInfinity]))];
        SafeTensors.Save(path, saved);
        NamedTensor[] target = Model(3f);

        SafeTensors.Load(path, target, allowNonFinite: true);

        Assert.Equal(ValuesOf(saved), ValuesOf(target));
        Assert.Equal(float.NegativeInfinity, SafeTensors.Read(path).Tensors["layer.bias"].Values[1]);
    }

    /// <summary>The bytes of the small model saved with metadata, and where its data section starts.</summary>
    private (byte[] Bytes, int DataStart) SavedForFlips()
    {
        string good = PathOf("good.safetensors");
        SafeTensors.Save(good, Model(), Metadata);
        byte[] bytes = File.ReadAllBytes(good);
        return (bytes, 8 + (int)BitConverter.ToUInt64(bytes, 0));
    }

    private static byte[] WriteFlipped(string path, byte[] bytes, int bit)
    {
        byte[] flipped = (byte[])bytes.Clone();
        flipped[bit / 8] ^= (byte)(1 << (bit % 8));
        File.WriteAllBytes(path, flipped);
        return flipped;
    }

    private static bool SameValues(NamedTensor[] expected, NamedTensor[] actual) =>
        expected.Zip(actual).All(pair => pair.First.Tensor.ToArray().SequenceEqual(pair.Second.Tensor.ToArray()));
}
