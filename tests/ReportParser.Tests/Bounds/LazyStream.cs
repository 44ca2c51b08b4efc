namespace ReportParser.Tests.Bounds;

/// <summary>A stream of <paramref name="length"/> bytes made as they are read; it may claim another length.</summary>
internal sealed class LazyStream(long length, long claimed) : Stream
{
    public long Served { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => claimed;

    public override long Position { get => Served; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Min(count, length - Served);
        buffer.AsSpan(offset, n).Fill((byte)'a');
        Served += n;
        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
