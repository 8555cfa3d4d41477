using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using PleGen.Samples.Compression;
using Xunit;

namespace PleGen.Samples.Tests.Compression;

/// <summary>Gzip files read whole or not at all: every member must end with a trailer that matches its data.</summary>
public sealed class CheckedGzipStreamTests
{
    [Theory]
    [InlineData(1, 4096)]
    [InlineData(5000, 1)]
    [InlineData(300_000, 4096)] // incompressible: more compressed bytes than the input buffer holds at first
    public void What_GZipStream_writes_reads_back_the_same_in_any_read_size(int length, int readSize)
    {
        byte[] data = Random(length, seed: length);

        Assert.Equal(data, ReadAll(Gzip(data), readSize, out int members));
        Assert.Equal(1, members);
    }

    [Fact]
    public void Concatenated_members_read_as_one_stream_even_with_an_empty_one_and_zero_padding_after_them()
    {
        byte[] a = Encoding.UTF8.GetBytes("first member\n"), b = Random(70_000, seed: 2);
        byte[] file = [.. Gzip(a), .. EmptyMember, .. Gzip(b), .. new byte[100]];

        Assert.Equal([.. a, .. b], ReadAll(file, 1000, out int members));
        Assert.Equal(3, members);
    }

    [Fact]
    public void An_empty_member_is_empty_data_and_no_bytes_at_all_are_a_truncated_file()
    {
        Assert.Empty(ReadAll(EmptyMember, 4096, out int members));
        Assert.Equal(1, members);
        Assert.True(Assert.Throws<DamagedGzipException>(() => ReadAll([], 4096, out _)).Truncated);
    }

    [Fact]
    public void Optional_header_fields_are_skipped()
    {
        byte[] data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("census row, ", 500)));
        byte[] plain = Gzip(data);
        byte[] deflate = plain[10..^8], trailer = plain[^8..];
        // FEXTRA (2 bytes of length, then the field), FNAME and FCOMMENT (zero-terminated), FHCRC (2 bytes): flags 0x1e.
        byte[] header = [0x1f, 0x8b, 8, 0x1e, 0, 0, 0, 0, 0, 3, 3, 0, (byte)'a', (byte)'b', (byte)'c', .. "census.txt\0"u8, .. "a comment\0"u8, 0x12, 0x34];

        Assert.Equal(data, ReadAll([.. header, .. deflate, .. trailer], 4096, out _));
    }

    [Fact]
    public void A_file_cut_at_any_byte_is_truncated_unless_the_cut_falls_between_members()
    {
        byte[] first = Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40).Select(i => $"row {i}\n")))), second = Gzip(Random(300, seed: 3));
        byte[] file = [.. first, .. second];

        for (int length = 1; length < file.Length; length++)
        {
            byte[] cut = file[..length];
            if (length == first.Length)
            {
                Assert.Equal(ReadAll(first, 4096, out _), ReadAll(cut, 4096, out _)); // a whole first member is a valid file
                continue;
            }

            var e = Assert.Throws<DamagedGzipException>(() => ReadAll(cut, 4096, out _));
            Assert.True(e.Truncated, $"cut at {length} of {file.Length}: {e.Message}");
            Assert.Equal(DamagedGzipException.TruncatedMessage, e.Message);
        }
    }

    [Fact]
    public void GZipStream_itself_reads_a_file_cut_at_a_flush_point_as_complete()
    {
        // Why this class exists: with the runtime's stream, a download stopped at a flush point is fewer rows and no error.
        string text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"row {i}\n"));
        (byte[] gzip, int flushPoint) = GzipBytes.WithFlushPoint(text, text.Length / 4);
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip[..flushPoint]), CompressionMode.Decompress));

        Assert.Equal(text[..(text.Length / 4)], reader.ReadToEnd());
        Assert.True(Assert.Throws<DamagedGzipException>(() => ReadAll(gzip[..flushPoint], 4096, out _)).Truncated);
    }

    [Theory]
    [InlineData(-8)] // a bit of the CRC32
    [InlineData(-1)] // a bit of the length
    public void A_trailer_that_does_not_match_the_data_is_damage_not_truncation(int fromEnd)
    {
        byte[] file = Gzip(Random(2000, seed: 4));
        file[file.Length + fromEnd] ^= 0x04;

        var e = Assert.Throws<DamagedGzipException>(() => ReadAll(file, 4096, out _));

        Assert.False(e.Truncated);
        Assert.Equal("the data does not match its gzip trailer (CRC32 and length): the file is damaged; download it again", e.Message);
    }

    [Fact]
    public void Invalid_headers_and_bytes_appended_after_the_data_are_refused()
    {
        byte[] file = Gzip(Random(100, seed: 5));
        byte[] method = [.. file];
        method[2] = 7;
        byte[] reserved = [.. file];
        reserved[3] = 0x20;

        Assert.Contains("names compression method 7, not deflate (8)", Assert.Throws<DamagedGzipException>(() => ReadAll(method, 4096, out _)).Message);
        Assert.Contains("sets reserved flag bits (0x20)", Assert.Throws<DamagedGzipException>(() => ReadAll(reserved, 4096, out _)).Message);
        Assert.Contains($"neither gzip nor zero padding (from byte {file.Length})", Assert.Throws<DamagedGzipException>(() => ReadAll([.. file, .. "more"u8], 4096, out _)).Message);
        Assert.Contains($"neither gzip nor zero padding (from byte {file.Length})", Assert.Throws<DamagedGzipException>(() => ReadAll([.. file, 0, 0, 9], 4096, out _)).Message);
        Assert.Contains("gzip data is invalid", Assert.Throws<DamagedGzipException>(() => ReadAll([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x07, 0x08], 4096, out _)).Message);
    }

    // What gzip makes of an empty file (GZipStream writes nothing at all when given no data).
    private static byte[] EmptyMember => [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static byte[] ReadAll(byte[] gzip, int readSize, out int members)
    {
        using var stream = new CheckedGzipStream(new MemoryStream(gzip));
        using var output = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        members = stream.Members;
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
