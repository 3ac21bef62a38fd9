using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChainMap.Discovery;

/// <summary>
/// Answers kept in the store across restarts (ADR 0295, <see cref="DiscoverySnapshots"/>): the first request after a start
/// is answered from the kept answer while the list or map is built in the background, once per answer however many
/// requests come meanwhile.
/// </summary>
internal sealed partial class DiscoveryService
{
    private readonly ConcurrentDictionary<string, Task> rebuilds = new(StringComparer.Ordinal);

    /// <summary>Completes when the background builds started by answers from the store have finished (tests and benchmarks).</summary>
    internal async Task KeptRebuildsAsync()
    {
        foreach (var task in rebuilds.Values.ToList())
        {
            try
            {
                await task;
            }
            catch (Exception)
            {
                // Logged where it ran.
            }
        }

        await snapshots.SavesAsync();
    }

    /// <summary>The store's write mark as this service knows it, read before the data an answer is built from; null when answers are not kept or it cannot be read (logged).</summary>
    private async Task<long?> MarkAsync(CancellationToken cancellationToken)
    {
        if (!snapshots.Enabled)
        {
            return null;
        }

        try
        {
            return await snapshots.MarkAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Reading the store's write mark failed; this answer is neither served from nor kept in the store");
            return null;
        }
    }

    /// <summary>A kept answer, or null when there is none or the store cannot give it (logged: the request then builds its answer).</summary>
    private async Task<T?> ReadKeptAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading a kept discovery answer failed; the answer is built instead");
            return null;
        }
    }

    /// <summary>Builds an answer served from the store in the background, once per key at a time (its build keeps it again).</summary>
    private void Rebuild(string key, Func<Task> build)
    {
        var started = new TaskCompletionSource();
        var task = Task.Run(async () =>
        {
            await started.Task;
            try
            {
                await build();
            }
            catch (Exception ex) when (stopping.IsCancellationRequested)
            {
                // The service is stopping (its store may be closed under the build): nothing to build for, no fault.
                logger.LogDebug(ex, "Building a discovery answer served from the store ended as the service stopped");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Building a discovery answer served from the store failed; the next request builds it");
            }
            finally
            {
                rebuilds.TryRemove(key, out _);
            }
        });
        if (rebuilds.TryAdd(key, task))
        {
            started.SetResult();
        }
        else
        {
            started.SetCanceled();
        }
    }
}
