using System;
using System.IO;

namespace PleGen.Runtime.Tests.Checkpoints;

/// <summary>Passes writes through to <paramref name="inner"/> until <paramref name="failAfterBytes"/>, then fails like a full disk.</summary>
internal sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > failAfterBytes)
        {
            int fits = (int)(failAfterBytes - _written);
            inner.Write(buffer[..fits]);
            _written += fits;
            throw new IOException($"Simulated failure: no space left on device after {_written} bytes.");
        }

        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
