using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Regions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Discovery;

/// <summary>
/// Builds what lists and maps need once the service has started (ADR 0210), in the background: every chain's
/// home-tie index (ADR 0300), gap analysis and map's place counts (everywhere), then one ranked list per chain,
/// which reads the candidate index and company rows the first requests read (the store's pages are then in
/// memory) and keeps the introduction paths of each chain's first page. Requests that come earlier are answered
/// from the answers kept in the store (ADR 0295) when there is one for them, else wait for the entry being built,
/// not for a second read. A failure is logged; requests then build what they need.
/// </summary>
internal sealed class DiscoveryWarmup(
    DiscoveryCache cache, DiscoveryService discovery, DiscoverySnapshots snapshots, ChainDirectory chains, RegionDirectory regions,
    IServiceProvider services, IOptions<DiscoveryOptions> options, TimeProvider time, ILogger<DiscoveryWarmup> logger) : BackgroundService
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has finished (or failed, or was switched off).</summary>
    public Task Completion => done.Task;

    /// <summary>How long the warm-up took, once it has finished.</summary>
    public TimeSpan? Took { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!options.Value.WarmAtStart || options.Value.CacheSeconds == 0)
            {
                return;
            }

            // After every hosted service has started: the schema is in place and the default data loaded.
            await WhenStartedAsync(stoppingToken);
            var started = time.GetTimestamp();
            await WarmAsync(stoppingToken);
            Took = time.GetElapsedTime(started);
            logger.LogInformation("Discovery caches warmed in {Milliseconds:0} ms", Took.Value.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Warming the discovery caches failed; requests build what they need");
        }
        finally
        {
            done.TrySetResult();
        }
    }

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        var home = await regions.GetHomeAsync(cancellationToken);
        var definitions = await chains.ListDefinitionsAsync(cancellationToken);

        // First what the first requests use besides the entries: the region catalog their filters resolve against, and
        // one kept answer read (ADR 0295; the first request answered from the store then finds that code run once).
        await regions.GetCatalogAsync(cancellationToken);
        if (snapshots.Enabled && definitions.Count > 0)
        {
            try
            {
                await snapshots.ReadPageAsync(DefaultList(definitions[0]), home, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation(ex, "Reading a kept target list at start failed; requests read them when asked");
            }
        }

        await cache.GetHomeTiesAsync(home, cancellationToken);
        foreach (var chain in definitions)
        {
            await cache.GetHomeTiesAsync(home, [chain], null, cancellationToken);
            await cache.GetGapsAsync(chain, home, cancellationToken);
            await cache.GetPlacesAsync(chain, home, null, null, cancellationToken);
        }

        foreach (var chain in definitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await discovery.FindTargetsAsync(DefaultList(chain), rankAhead: false, cancellationToken);
        }
    }

    /// <summary>The list the warm-up ranks per chain: everywhere, first page of 20 with 3 paths each.</summary>
    private static TargetFilter DefaultList(ChainDefinition chain) => new([chain], null, null, "全国", [], null, 1, 20, 3);

    /// <summary>When the host has started every hosted service (no host, as in some tests: at once).</summary>
    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (services.GetService(typeof(IHostApplicationLifetime)) is not IHostApplicationLifetime lifetime)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
