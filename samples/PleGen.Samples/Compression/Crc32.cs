using System;
using System.Buffers.Binary;

namespace PleGen.Samples.Compression;

/// <summary>
/// CRC-32 as gzip's trailer holds it (IEEE 802.3, reflected polynomial 0xEDB88320; "123456789" gives 0xCBF43926), eight
/// bytes per step from eight tables ("slicing-by-8"), a few times faster than a byte at a time.
/// (System.IO.Hashing has it too, but is a package, not part of the shared framework.)
/// </summary>
internal static class Crc32
{
    // Table k maps a byte to its CRC followed by k zero bytes.
    private static readonly uint[] Tables = CreateTables();

    /// <summary>The CRC of the bytes so far (<paramref name="crc"/>, 0 for none) followed by <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] t = Tables;
        uint c = ~crc;
        while (data.Length >= 8)
        {
            uint low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = t[(7 * 256) + (low & 0xFF)] ^ t[(6 * 256) + ((low >> 8) & 0xFF)] ^ t[(5 * 256) + ((low >> 16) & 0xFF)] ^ t[(4 * 256) + (low >> 24)]
              ^ t[(3 * 256) + (high & 0xFF)] ^ t[(2 * 256) + ((high >> 8) & 0xFF)] ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
            data = data[8..];
        }

        foreach (byte b in data)
        {
            c = t[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] CreateTables()
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            tables[n] = c;
        }

        for (int n = 0; n < 256; n++)
        {
            for (int k = 1; k < 8; k++)
            {
                uint previous = tables[((k - 1) * 256) + n];
                tables[(k * 256) + n] = (previous >> 8) ^ tables[previous & 0xFF];
            }
        }

        return tables;
    }
}
