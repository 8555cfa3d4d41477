using System;
using System.IO;

namespace PleGen.Samples.Compression;

/// <summary>
/// A gzip file that cannot be trusted: it ends before a member's trailer (cut short or still downloading), its data does
/// not match a trailer's CRC32 and length, or its header or compressed data is invalid. The message says which and what to do.
/// </summary>
public sealed class DamagedGzipException : IOException
{
    /// <summary>The message when the file ends before a member is complete.</summary>
    public const string TruncatedMessage = "the file ends before its gzip trailer: it is truncated or still downloading; download it again";

    /// <summary>Creates the exception; <paramref name="truncated"/> tells a file cut short from one with wrong content.</summary>
    public DamagedGzipException(string message, bool truncated, Exception? inner = null)
        : base(message, inner)
    {
        Truncated = truncated;
    }

    /// <summary>Whether the file ends too early (rather than holding wrong or invalid bytes).</summary>
    public bool Truncated { get; }
}
