namespace ChainMap.Tests.Support;

/// <summary>
/// A write-only, non-seekable stream like an HTTP response body under Kestrel: synchronous writes
/// and flushes throw. Counts bytes and line feeds; keeps the bytes only when asked to.
/// </summary>
internal sealed class AsyncOnlyStream(bool keep = true) : Stream
{
    private readonly MemoryStream kept = new();

    public long Written { get; private set; }

    public long LineFeeds { get; private set; }

    public byte[] Bytes => kept.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => throw new InvalidOperationException("synchronous flush: Kestrel would refuse it");

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write: Kestrel would refuse it");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("synchronous write: Kestrel would refuse it");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        LineFeeds += buffer.Span.Count((byte)'\n');
        if (keep)
        {
            kept.Write(buffer.Span);
        }

        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        // Like a response body, disposing is not a write; keep the bytes readable afterwards.
    }
}
