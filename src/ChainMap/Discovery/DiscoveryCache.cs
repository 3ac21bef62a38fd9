using System.Collections.Concurrent;
using ChainMap.Domain;
using ChainMap.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Discovery;

/// <summary>
/// Reuses the aggregate reads that target lists and maps need (ADR 0021): a chain's gap analysis, the
/// index of companies tied to the home region and a map's place counts. An entry is fresh for <see cref="DiscoveryOptions.CacheSeconds"/>;
/// after that a request starts one refresh in the background and is answered from the expired entry,
/// as long as it is younger than <see cref="DiscoveryOptions.MaxStaleSeconds"/> more (ADR 0026). A request
/// waits only when there is no usable entry. Writers in this process call <see cref="Invalidate"/>.
/// </summary>
internal sealed class DiscoveryCache(IDiscoveryStore store, TimeProvider time, IOptions<DiscoveryOptions> options, ILogger<DiscoveryCache> logger)
{
    private readonly ConcurrentDictionary<string, Slot<ChainGaps>> gaps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Slot<HomeTieIndex>> ties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Slot<IReadOnlyList<SegmentPlaceCount>>> places = new(StringComparer.Ordinal);
    private long generation;

    /// <summary>Place counts are kept for at most this many chain and scope pairs (scopes are chosen freely).</summary>
    private const int MaxPlaceEntries = 256;

    public Task<ChainGaps> GetGapsAsync(ChainDefinition chain, HomeRegion home, CancellationToken cancellationToken) =>
        GetAsync(gaps, $"{home.Code}|{Fingerprint(chain)}", async ct =>
        {
            var stats = await store.GetSegmentStatsAsync(chain.Chain.Code, HomeCodes(home), ct);
            return GapRules.Analyse(chain, home.Name.Length == 0 ? "本地" : home.Name, stats, options.Value);
        }, cancellationToken);

    public Task<HomeTieIndex> GetHomeTiesAsync(HomeRegion home, CancellationToken cancellationToken) =>
        GetAsync(ties, home.Code, async ct =>
            home.Code.Length == 0 ? HomeTieIndex.Empty : new HomeTieIndex(await HomeTies.LoadAsync(store, HomeCodes(home), ct)),
            cancellationToken);

    /// <summary>Where a chain's companies are, per segment, province and city, within a scope and outside the home region.</summary>
    public Task<IReadOnlyList<SegmentPlaceCount>> GetPlacesAsync(ChainDefinition chain, HomeRegion home, IReadOnlyCollection<string>? regionCodes, CancellationToken cancellationToken)
    {
        if (places.Count >= MaxPlaceEntries)
        {
            places.Clear();
        }

        var scope = regionCodes is null ? "*" : string.Join(',', regionCodes.Order(StringComparer.Ordinal));
        return GetAsync(places, $"{home.Code}|{chain.Chain.Code}|{scope}", ct => store.CountSegmentPlacesAsync(chain.Chain.Code, regionCodes, HomeCodes(home), ct), cancellationToken);
    }

    /// <summary>Forgets everything; the next request reads the store again (and waits for it).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        gaps.Clear();
        ties.Clear();
        places.Clear();
    }

    /// <summary>Treats every entry as expired: the next request refreshes it in the background and is answered from it meanwhile.</summary>
    public void Expire()
    {
        var now = time.GetUtcNow();
        foreach (var slot in gaps.Values)
        {
            slot.Expire(now);
        }

        foreach (var slot in ties.Values)
        {
            slot.Expire(now);
        }

        foreach (var slot in places.Values)
        {
            slot.Expire(now);
        }
    }

    /// <summary>Completes when the refreshes running now have finished (successfully or not).</summary>
    internal async Task RefreshesAsync()
    {
        var running = gaps.Values.Select(s => (Task?)s.Refresh)
            .Concat(ties.Values.Select(s => (Task?)s.Refresh))
            .Concat(places.Values.Select(s => (Task?)s.Refresh))
            .OfType<Task>().ToList();
        foreach (var task in running)
        {
            try
            {
                await task;
            }
            catch (Exception)
            {
                // A failed refresh keeps the previous entry; callers that waited for it saw the error.
            }
        }
    }

    public static IReadOnlyList<string> HomeCodes(HomeRegion home) => home.Code.Length == 0 ? [] : [home.Code];

    /// <summary>A chain edited since the analysis was made gets a new key.</summary>
    private static string Fingerprint(ChainDefinition chain) =>
        chain.Chain.Code + "|" + string.Join(',', chain.Segments.Select(s => $"{s.Code}<{s.ParentCode}")) + "|" + string.Join(',', chain.Flows.Select(f => $"{f.From}>{f.To}"));

    private async Task<T> GetAsync<T>(ConcurrentDictionary<string, Slot<T>> slots, string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        var settings = options.Value;
        if (settings.CacheSeconds == 0)
        {
            return await read(cancellationToken);
        }

        var slot = slots.GetOrAdd(key, _ => new Slot<T>());
        Task<T> pending;
        lock (slot)
        {
            var now = time.GetUtcNow();
            if (slot.Value is { } fresh && now < slot.FreshUntil)
            {
                return fresh;
            }

            slot.Refresh ??= RefreshAsync(slot, read, Interlocked.Read(ref generation));
            if (slot.Value is { } stale && now < slot.FreshUntil.AddSeconds(settings.MaxStaleSeconds))
            {
                return stale;
            }

            pending = slot.Refresh;
        }

        return await pending.WaitAsync(cancellationToken);
    }

    /// <summary>Reads in the background (not tied to the request that started it) and stores the result unless the cache was invalidated meanwhile.</summary>
    private Task<T> RefreshAsync<T>(Slot<T> slot, Func<CancellationToken, Task<T>> read, long startedIn)
        where T : class => Task.Run(async () =>
        {
            try
            {
                var value = await read(CancellationToken.None);
                lock (slot)
                {
                    if (Interlocked.Read(ref generation) == startedIn)
                    {
                        slot.Value = value;
                        slot.FreshUntil = time.GetUtcNow().AddSeconds(options.Value.CacheSeconds);
                    }

                    slot.Refresh = null;
                }

                return value;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Refreshing a discovery cache entry failed; the previous entry is kept");
                lock (slot)
                {
                    slot.Refresh = null;
                }

                throw;
            }
        });

    private sealed class Slot<T>
        where T : class
    {
        public T? Value { get; set; }

        public DateTimeOffset FreshUntil { get; set; }

        public Task<T>? Refresh { get; set; }

        public void Expire(DateTimeOffset now)
        {
            lock (this)
            {
                if (FreshUntil > now)
                {
                    FreshUntil = now;
                }
            }
        }
    }
}
