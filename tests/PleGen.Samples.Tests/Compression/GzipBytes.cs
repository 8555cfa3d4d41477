using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace PleGen.Samples.Tests.Compression;

/// <summary>Gzip files made in memory, to be cut or damaged by tests.</summary>
internal static class GzipBytes
{
    /// <summary>One gzip member holding <paramref name="text"/> (UTF-8).</summary>
    public static byte[] Of(string text) => WithFlushPoint(text, 0).Bytes;

    /// <summary>
    /// One member holding <paramref name="text"/>, flushed after its first <paramref name="flushAfter"/> characters: the
    /// compressed bytes before <c>FlushPoint</c> decompress to exactly that prefix, as a download stopped there would.
    /// </summary>
    public static (byte[] Bytes, int FlushPoint) WithFlushPoint(string text, int flushAfter)
    {
        byte[] plain = Encoding.UTF8.GetBytes(text);
        int prefix = Encoding.UTF8.GetByteCount(text.AsSpan(0, flushAfter));
        using var buffer = new MemoryStream();
        int flushPoint;
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain, 0, prefix);
            gzip.Flush();
            flushPoint = (int)buffer.Length;
            gzip.Write(plain, prefix, plain.Length - prefix);
        }

        return (buffer.ToArray(), flushPoint);
    }
}
