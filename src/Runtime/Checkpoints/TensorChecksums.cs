using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;

namespace PleGen.Runtime.Checkpoints;

/// <summary>
/// The integrity check Save writes into a checkpoint's metadata: under <see cref="MetadataKey"/>, the CRC-32C (Castagnoli,
/// the checksum of iSCSI and ext4, computed by the CPU's crc32 instruction) of each tensor's bytes, as 8 lowercase hex
/// digits, space-separated, in the order of the tensors' data. safetensors metadata is a string -> string map, so other
/// readers (PyTorch, TorchSharp, Hugging Face) see one more entry and load the file as before; Load and Read verify the
/// checksums when the entry is there, and files without it (written by other tools) load unverified.
/// </summary>
internal static class TensorChecksums
{
    public const string MetadataKey = "plegen.crc32c";

    /// <summary>Extends <paramref name="crc"/> (0 to start) over <paramref name="bytes"/>: Crc32C(Crc32C(0, a), b) == Crc32C(0, a + b).</summary>
    public static uint Crc32C(uint crc, ReadOnlySpan<byte> bytes)
    {
        uint state = ~crc;
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (ulong word in words)
        {
            state = BitOperations.Crc32C(state, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        }

        foreach (byte b in bytes[(words.Length * sizeof(ulong))..])
        {
            state = BitOperations.Crc32C(state, b);
        }

        return ~state;
    }

    /// <summary>The CRC-32C of <paramref name="values"/> as written to a file: float32 little-endian.</summary>
    public static uint OfLittleEndian(ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            return Crc32C(0, MemoryMarshal.AsBytes(values));
        }

        uint crc = 0;
        Span<byte> four = stackalloc byte[4];
        foreach (float value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, value);
            crc = Crc32C(crc, four);
        }

        return crc;
    }

    /// <summary>The metadata value for these checksums, in data order.</summary>
    public static string Format(IEnumerable<uint> checksums) =>
        string.Join(' ', checksums.Select(c => c.ToString("x8", CultureInfo.InvariantCulture)));

    /// <summary>Reads the metadata value: one checksum per tensor of the file, in data order.</summary>
    /// <exception cref="CheckpointException">The value is malformed or counts other tensors than the file holds.</exception>
    public static uint[] Parse(string path, string value, int tensors)
    {
        string[] parts = value.Length == 0 ? [] : value.Split(' ');
        var checksums = new uint[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != 8 || !parts[i].All(char.IsAsciiHexDigitLower) || !uint.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out checksums[i]))
            {
                throw new CheckpointException($"{path} is corrupt: its metadata '{MetadataKey}' is not one CRC-32C (8 hex digits) per tensor, separated by spaces: \"{Shorten(value)}\".");
            }
        }

        if (checksums.Length != tensors)
        {
            throw new CheckpointException($"{path} is corrupt or was changed by another tool: its metadata '{MetadataKey}' holds {checksums.Length} checksums but the file has {tensors} tensors.");
        }

        return checksums;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
