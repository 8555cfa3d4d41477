using System;
using System.IO;

namespace PleGen.Samples.Compression;

/// <summary>
/// The compressed bytes of a gzip file, as the inflater of one member reads them, kept in a buffer of this class's own so
/// that what the inflater cannot say can be found out: where its deflate data ended. An inflater asks for more input only
/// once it has used all it was given, so the end lies in the last chunk it was served (or right after it), and the member's
/// 8-byte trailer follows it; <see cref="FindTrailer"/> looks for the expected trailer there and moves the read position past
/// it, so the next member's header is read from the right byte.
/// </summary>
internal sealed class GzipInput : ReadOnlyStream
{
    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[1 << 16];
    private long _dropped;     // bytes of the file before _buffer[0]
    private int _position;     // the next byte to read
    private int _end;          // the end of the bytes read from the file
    private int _chunkStart;   // the last chunk served to the inflater: [_chunkStart, _chunkEnd)
    private int _chunkEnd;
    private bool _sourceEnded;

    public GzipInput(Stream source, bool leaveOpen)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _leaveOpen = leaveOpen;
    }

    /// <summary>How a member's trailer was looked for.</summary>
    public enum TrailerSearch
    {
        /// <summary>Found where it belongs; the read position is past it.</summary>
        Found,

        /// <summary>The file ends where the trailer should be, or inside it.</summary>
        FileEnds,

        /// <summary>Bytes are there, but their CRC32 or length is not that of the data.</summary>
        Mismatch,
    }

    /// <summary>Whether the inflater asked for more input since <see cref="BeginMember"/> and the file had none.</summary>
    public bool Starved { get; private set; }

    /// <summary>The offset in the file of the next byte to read.</summary>
    public long Offset => _dropped + _position;

    /// <summary>A member's deflate data starts at the read position.</summary>
    public void BeginMember()
    {
        Starved = false;
        _chunkStart = _chunkEnd = _position;
    }

    /// <summary>The next byte (of a header), or -1 at the end of the file.</summary>
    public override int ReadByte() => _position < _end || Refill() ? _buffer[_position++] : -1;

    /// <summary>What the inflater reads: the buffered bytes first, then more of the file.</summary>
    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        if (_position == _end && !Refill())
        {
            Starved = true;
            return 0;
        }

        int count = Math.Min(destination.Length, _end - _position);
        _buffer.AsSpan(_position, count).CopyTo(destination);
        _chunkStart = _position;
        _position += count;
        _chunkEnd = _position;
        return count;
    }

    /// <summary>
    /// After the member's inflater finished: the place from the start of its last chunk that holds <paramref name="trailer"/>
    /// and is followed by what can follow a member (the end of the file, the next member's magic bytes, else zero padding);
    /// the read position moves past it. A random trailer shows up inside deflate data with odds of 2^-64, but an empty
    /// member's is eight zero bytes, which can start at the zero byte that often ends deflate data: hence the look after it.
    /// </summary>
    public TrailerSearch FindTrailer(ReadOnlySpan<byte> trailer)
    {
        Compact(_chunkStart);
        while (_end < _chunkEnd + trailer.Length + 2 && ReadMore())
        {
        }

        int found = -1, foundRank = int.MaxValue;
        for (int at = _chunkStart; at <= _chunkEnd && at + trailer.Length <= _end; at++)
        {
            if (_buffer.AsSpan(at, trailer.Length).SequenceEqual(trailer) && FollowerRank(at + trailer.Length) < foundRank)
            {
                found = at;
                foundRank = FollowerRank(at + trailer.Length);
            }
        }

        if (found >= 0)
        {
            _position = found + trailer.Length;
            return TrailerSearch.Found;
        }

        // Not found. A trailer whose CRC32 or length (one half) is right where the data could end was damaged, not cut.
        int half = trailer.Length / 2;
        for (int at = _chunkStart; at <= _chunkEnd && at + trailer.Length <= _end; at++)
        {
            if (_buffer.AsSpan(at, half).SequenceEqual(trailer[..half]) || _buffer.AsSpan(at + half, half).SequenceEqual(trailer[half..]))
            {
                return TrailerSearch.Mismatch;
            }
        }

        return _sourceEnded ? TrailerSearch.FileEnds : TrailerSearch.Mismatch;
    }

    /// <summary>Reads the rest of the file; true if it is only zero bytes (padding some tools add), false at the first other byte.</summary>
    public bool RestIsZeros()
    {
        while (_position < _end || Refill())
        {
            if (_buffer[_position] != 0)
            {
                return false;
            }

            _position++;
        }

        return true;
    }

    // 0: the end of the file or the next member's magic bytes; 1: a zero byte (padding); 2: anything else.
    private int FollowerRank(int at)
    {
        if (at == _end)
        {
            return _sourceEnded ? 0 : 2;
        }

        if (_buffer[at] == 0x1f && (at + 1 == _end || _buffer[at + 1] == 0x8b))
        {
            return 0;
        }

        return _buffer[at] == 0 ? 1 : 2;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    // Everything before the read position has been used: drop it, then read more of the file.
    private bool Refill()
    {
        Compact(_position);
        return ReadMore();
    }

    private void Compact(int keepFrom)
    {
        if (keepFrom == 0)
        {
            return;
        }

        Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, _end - keepFrom);
        _dropped += keepFrom;
        _end -= keepFrom;
        _position = Math.Max(0, _position - keepFrom);
        _chunkStart = Math.Max(0, _chunkStart - keepFrom);
        _chunkEnd = Math.Max(0, _chunkEnd - keepFrom);
    }

    private bool ReadMore()
    {
        if (_sourceEnded)
        {
            return false;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = _source.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _sourceEnded = true;
            return false;
        }

        _end += read;
        return true;
    }
}
