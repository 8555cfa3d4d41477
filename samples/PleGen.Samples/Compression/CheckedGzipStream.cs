using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace PleGen.Samples.Compression;

/// <summary>
/// Decompresses a gzip file (RFC 1952; one member or several, as <c>cat a.gz b.gz</c> or bgzip make) and checks what
/// <see cref="GZipStream"/> lets pass: it reads a file cut short, even at a flush point or inside its trailer, as complete
/// data. Here every member must end with its trailer, whose CRC32 and length must be those of the member's data; a file
/// that ends before, or whose trailer does not match, throws a <see cref="DamagedGzipException"/> when the reader gets
/// there, as does an invalid header or bytes after the last member that are neither gzip nor zero padding.
/// </summary>
public sealed class CheckedGzipStream : ReadOnlyStream
{
    private const int FlagHeaderCrc = 0x02;
    private const int FlagExtra = 0x04;
    private const int FlagName = 0x08;
    private const int FlagComment = 0x10;
    private const int ReservedFlags = 0xE0;
    private const int Deflate = 8;

    private readonly GzipInput _input;
    private DeflateStream? _member;
    private uint _crc;
    private uint _length;
    private bool _ended;

    /// <summary>Reads the gzip data of <paramref name="compressed"/>, which is disposed with this stream unless <paramref name="leaveOpen"/>.</summary>
    public CheckedGzipStream(Stream compressed, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        _input = new GzipInput(compressed, leaveOpen);
    }

    /// <summary>The members read so far.</summary>
    public int Members { get; private set; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_ended)
        {
            if (_member is null && !BeginMember())
            {
                _ended = true;
                break;
            }

            int read = Inflate(buffer);
            if (read > 0)
            {
                _crc = Crc32.Append(_crc, buffer[..read]);
                _length += (uint)read; // ISIZE is the length modulo 2^32
                return read;
            }

            EndMember();
        }

        return 0;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }

    private static DamagedGzipException Truncated() => new(DamagedGzipException.TruncatedMessage, truncated: true);

    private static DamagedGzipException Damaged(string problem, Exception? inner = null) => new($"{problem}: the file is damaged; download it again", truncated: false, inner);

    // Reads a member's header; false at the end of the file (after at least one member, or zero padding).
    private bool BeginMember()
    {
        long offset = _input.Offset;
        int first = _input.ReadByte();
        if (first < 0 && Members > 0)
        {
            return false;
        }

        DamagedGzipException Appended() => Damaged(string.Create(CultureInfo.InvariantCulture,
            $"after its gzip data the file goes on with bytes that are neither gzip nor zero padding (from byte {offset})"));
        if (first == 0 && Members > 0)
        {
            return _input.RestIsZeros() ? false : throw Appended();
        }

        int second = first == 0x1f ? _input.ReadByte() : 0;
        if (first < 0 || second < 0)
        {
            throw Truncated();
        }

        if (first != 0x1f || second != 0x8b)
        {
            throw Members == 0 ? Damaged("it does not start with the gzip magic bytes 1f 8b") : Appended();
        }

        int method = HeaderByte();
        if (method != Deflate)
        {
            throw Damaged(string.Create(CultureInfo.InvariantCulture, $"its gzip header (at byte {offset}) names compression method {method}, not deflate ({Deflate})"));
        }

        int flags = HeaderByte();
        if ((flags & ReservedFlags) != 0)
        {
            throw Damaged(string.Create(CultureInfo.InvariantCulture, $"its gzip header (at byte {offset}) sets reserved flag bits (0x{flags:x2})"));
        }

        Skip(6); // modification time, extra flags, operating system
        if ((flags & FlagExtra) != 0)
        {
            Skip(HeaderByte() | (HeaderByte() << 8));
        }

        if ((flags & FlagName) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagComment) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            Skip(2); // the header's own CRC16; a damaged header shows in the data's CRC32 or the deflate stream anyway
        }

        _input.BeginMember();
        _member = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
        _crc = 0;
        _length = 0;
        Members++;
        return true;
    }

    private int Inflate(Span<byte> buffer)
    {
        try
        {
            return _member!.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            // Where strict validation is switched on, the inflater reports the file's early end itself.
            throw _input.Starved ? Truncated() : Damaged($"its gzip data is invalid ({e.Message.TrimEnd('.')})", e);
        }
    }

    // The member's deflate data ended: its trailer (CRC32, then ISIZE, little-endian) must follow and match.
    private void EndMember()
    {
        _member!.Dispose();
        _member = null;
        if (_input.Starved)
        {
            throw Truncated();
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], _length);
        switch (_input.FindTrailer(trailer))
        {
            case GzipInput.TrailerSearch.Found:
                return;
            case GzipInput.TrailerSearch.FileEnds:
                throw Truncated();
            default:
                throw Damaged("the data does not match its gzip trailer (CRC32 and length)");
        }
    }

    private int HeaderByte()
    {
        int b = _input.ReadByte();
        return b >= 0 ? b : throw Truncated();
    }

    private void Skip(int count)
    {
        for (int i = 0; i < count; i++)
        {
            HeaderByte();
        }
    }

    private void SkipZeroTerminated()
    {
        while (HeaderByte() != 0)
        {
        }
    }
}
