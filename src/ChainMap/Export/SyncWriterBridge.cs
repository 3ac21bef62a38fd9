using System.IO.Pipelines;

namespace ChainMap.Export;

/// <summary>
/// Runs a writer that makes synchronous writes (MiniExcel: ZipArchive writes its entries
/// synchronously) against a bounded in-memory pipe on a thread-pool thread, and copies the pipe to
/// the real output asynchronously. The HTTP response never sees a synchronous write, and at most
/// <see cref="PauseBytes"/> are buffered: the writer blocks (back-pressure) until the client reads.
/// </summary>
internal static class SyncWriterBridge
{
    public const int PauseBytes = 256 * 1024;

    public static async Task WriteAsync(Stream output, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseBytes, resumeWriterThreshold: PauseBytes / 2, useSynchronizationContext: false));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                Exception? failure = null;
                try
                {
                    await using var stream = pipe.Writer.AsStream(leaveOpen: true);
                    await write(stream, stop.Token);
                    await stream.FlushAsync(stop.Token);
                }
                catch (Exception e)
                {
                    failure = e;
                }

                await pipe.Writer.CompleteAsync(failure);
            },
            CancellationToken.None);

        try
        {
            await pipe.Reader.CopyToAsync(output, cancellationToken);
            await pipe.Reader.CompleteAsync();
        }
        catch (Exception e)
        {
            // The client went away or the writer failed: stop the writer and let it finish.
            await stop.CancelAsync();
            await pipe.Reader.CompleteAsync(e);
            await producer;
            throw;
        }

        await producer;
    }
}
