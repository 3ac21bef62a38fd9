using System.Collections.Concurrent;
using ChainMap.Domain;
using ChainMap.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Discovery;

/// <summary>How fresh the aggregates behind an answer are: read at <see cref="AsOf"/> (the oldest entry used); <see cref="Stale"/> when an entry had expired or a write had been noted since, and a refresh was running or started.</summary>
internal sealed record DataFreshness(DateTimeOffset AsOf, bool Stale);

/// <summary>Collects the freshness of the entries one answer used (the oldest <see cref="DataFreshness.AsOf"/>, stale if any was).</summary>
internal sealed class FreshnessNote
{
    private readonly Lock gate = new();
    private DateTimeOffset? asOf;
    private bool stale;

    /// <summary>The freshness of what was noted; <paramref name="now"/> when nothing was (nothing cached was used).</summary>
    public DataFreshness Result(DateTimeOffset now)
    {
        lock (gate)
        {
            return new DataFreshness(asOf ?? now, stale);
        }
    }

    public void Add(DateTimeOffset readAt, bool isStale)
    {
        lock (gate)
        {
            asOf = asOf is { } known && known < readAt ? known : readAt;
            stale |= isStale;
        }
    }
}

/// <summary>
/// Keeps the aggregate reads that target lists and maps need (ADRs 0021, 0026, 0210): a chain's gap analysis, the
/// index of companies tied to the home region and a map's place counts. An entry is fresh for
/// <see cref="DiscoveryOptions.CacheSeconds"/> after its read started. After that, or after a write was noted
/// (<see cref="Changed"/>), it is stale: requests are still answered from it, marked stale, while one refresh
/// per entry runs in the background. A request waits only for an entry that has never existed (the start-up
/// warm-up, <see cref="DiscoveryWarmup"/>, builds the usual ones first). <see cref="Clear"/> forgets everything.
/// </summary>
internal sealed class DiscoveryCache(
    IDiscoveryStore store, TimeProvider time, IOptions<DiscoveryOptions> options, ILogger<DiscoveryCache> logger, DiscoverySnapshots? snapshots = null)
    : IDisposable
{
    private readonly ConcurrentDictionary<string, Slot<ChainGaps>> gaps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Slot<HomeTieIndex>> ties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Slot<IReadOnlyList<SegmentPlaceCount>>> places = new(StringComparer.Ordinal);
    private readonly Lock sweepGate = new();
    private long generation;
    private CancellationTokenSource generationEnds = new();

    /// <summary>Cancelled when the cache is disposed (the host stops): a background read stops rather than outliving it.</summary>
    private readonly CancellationTokenSource stopping = new();
    private Task sweep = Task.CompletedTask;
    private bool sweepAgain;
    private bool sweeping;

    /// <summary>Place counts are kept for at most this many chain and scope pairs (scopes are chosen freely).</summary>
    private const int MaxPlaceEntries = 256;

    /// <summary>
    /// Stops the background reads, and the work tied to the current generation (<see cref="GenerationToken"/>); an entry being
    /// read for a request that waits for it then fails with the cancellation. The sources are cancelled, not disposed: a reader
    /// may still ask them for their tokens.
    /// </summary>
    public void Dispose()
    {
        stopping.Cancel();
        Volatile.Read(ref generationEnds).Cancel();
    }

    public Task<ChainGaps> GetGapsAsync(ChainDefinition chain, HomeRegion home, CancellationToken cancellationToken) =>
        GetGapsAsync(chain, home, null, cancellationToken);

    public Task<ChainGaps> GetGapsAsync(ChainDefinition chain, HomeRegion home, FreshnessNote? note, CancellationToken cancellationToken) =>
        GetAsync(gaps, $"{home.Code}|{Fingerprint(chain)}", async ct =>
        {
            var stats = await store.GetSegmentStatsAsync(chain.Chain.Code, HomeCodes(home), ct);
            return GapRules.Analyse(chain, home.Name.Length == 0 ? "本地" : home.Name, stats, options.Value);
        }, note, cancellationToken);

    public Task<HomeTieIndex> GetHomeTiesAsync(HomeRegion home, CancellationToken cancellationToken) =>
        GetHomeTiesAsync(home, null, cancellationToken);

    public Task<HomeTieIndex> GetHomeTiesAsync(HomeRegion home, FreshnessNote? note, CancellationToken cancellationToken) =>
        GetHomeTiesAsync(home, null, note, cancellationToken);

    /// <summary>
    /// The home-tie index of the companies in <paramref name="chains"/>' segments (all tied companies when null): what a list or
    /// map of those chains ranks from (ADR 0300; a ranking meets only the tied companies of its own segments), kept per home
    /// and set of segments.
    /// </summary>
    public Task<HomeTieIndex> GetHomeTiesAsync(HomeRegion home, IReadOnlyCollection<ChainDefinition>? chains, FreshnessNote? note, CancellationToken cancellationToken)
    {
        var segments = TieSegments(chains);
        return GetAsync(ties, TieKey(home, segments), async ct =>
            home.Code.Length == 0 ? HomeTieIndex.Empty : await HomeTies.LoadIndexAsync(store, HomeCodes(home), segments, ct),
            note, cancellationToken);
    }

    /// <summary>The segment codes of <paramref name="chains"/>, sorted (null: home-wide).</summary>
    private static List<string>? TieSegments(IReadOnlyCollection<ChainDefinition>? chains) =>
        chains?.SelectMany(c => c.Segments.Select(s => s.Code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The key of the home-tie index of <paramref name="chains"/>' segments (home-wide when null).</summary>
    private static string TieKey(HomeRegion home, IReadOnlyCollection<ChainDefinition>? chains) => TieKey(home, TieSegments(chains));

    private static string TieKey(HomeRegion home, List<string>? segments) =>
        segments is null ? home.Code : home.Code + "|" + string.Join(',', segments);

    /// <summary>Where a chain's companies are, per segment, province and city, within a scope and outside the home region.</summary>
    public Task<IReadOnlyList<SegmentPlaceCount>> GetPlacesAsync(ChainDefinition chain, HomeRegion home, IReadOnlyCollection<string>? regionCodes, FreshnessNote? note, CancellationToken cancellationToken)
    {
        if (places.Count >= MaxPlaceEntries)
        {
            places.Clear();
        }

        return GetAsync(places, PlacesKey(chain, home, regionCodes), ct => store.CountSegmentPlacesAsync(chain.Chain.Code, regionCodes, HomeCodes(home), ct), note, cancellationToken);
    }

    /// <summary>
    /// Notes a write: every entry becomes stale at once (requests are answered from it, marked stale) and one
    /// background pass refreshes them all, the home-tie index first. Notes arriving while a pass runs make one
    /// more pass after it (a refresh that started before the write is not taken as fresh).
    /// </summary>
    public void Changed()
    {
        NextGeneration();
        foreach (var slot in AllSlots())
        {
            slot.MarkStale();
        }

        snapshots?.NoteWrite();
        StartSweep();
    }

    /// <summary>
    /// <see cref="Changed"/>, then waits for the background pass that refreshes the entries (failures are logged, not
    /// thrown). An analyst's write answers after it, so the analyst's next list shows the change; other requests are
    /// answered from the older entries meanwhile.
    /// </summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        Changed();
        Task pass;
        lock (sweepGate)
        {
            pass = sweep;
        }

        await pass.WaitAsync(cancellationToken);
        if (snapshots is not null)
        {
            await snapshots.MarkWrittenAsync().WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// True when a list of <paramref name="chains"/> would not wait for the store: the home-tie index of their segments
    /// (ADR 0300) and their gap analyses have been read (however old they are).
    /// </summary>
    public bool HasEntries(IEnumerable<ChainDefinition> chains, HomeRegion home)
    {
        if (options.Value.CacheSeconds == 0)
        {
            return false;
        }

        var list = chains as IReadOnlyCollection<ChainDefinition> ?? chains.ToList();
        return ties.TryGetValue(TieKey(home, list), out var tie) && tie.HasValue
            && list.All(c => gaps.TryGetValue($"{home.Code}|{Fingerprint(c)}", out var gap) && gap.HasValue);
    }

    /// <summary>True when the place counts of a map of <paramref name="chain"/> in a scope have been read (however old they are).</summary>
    public bool HasPlaces(ChainDefinition chain, HomeRegion home, IReadOnlyCollection<string>? regionCodes) =>
        options.Value.CacheSeconds > 0 && places.TryGetValue(PlacesKey(chain, home, regionCodes), out var slot) && slot.HasValue;

    /// <summary>Forgets everything, as at start: the next request reads the store again and waits for it.</summary>
    public void Clear()
    {
        NextGeneration();
        gaps.Clear();
        ties.Clear();
        places.Clear();
    }

    /// <summary>Treats every entry as expired: the next request refreshes it in the background and is answered from it meanwhile.</summary>
    public void Expire()
    {
        var now = time.GetUtcNow();
        foreach (var slot in AllSlots())
        {
            slot.Expire(now);
        }
    }

    /// <summary>Completes when the refreshes running now (and the background pass after a write) have finished, successfully or not.</summary>
    internal async Task RefreshesAsync()
    {
        Task pass;
        lock (sweepGate)
        {
            pass = sweep;
        }

        await pass;
        foreach (var task in AllSlots().Select(s => s.Running).OfType<Task>().ToList())
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

    /// <summary>Counts the writes noted (<see cref="Changed"/>) and <see cref="Clear"/>s: what was worked out from the store under an older value may be out of date.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>
    /// Cancelled when <see cref="Generation"/> next moves: background work for the current generation (a ranking ahead) stops
    /// then instead of competing with requests for what its result would no longer be used for. Read it before checking
    /// <see cref="Generation"/>.
    /// </summary>
    public CancellationToken GenerationToken => Volatile.Read(ref generationEnds).Token;


    private void NextGeneration()
    {
        Interlocked.Increment(ref generation);

        // The ended source is not disposed: a reader may still be asking it for its (cancelled) token.
        Interlocked.Exchange(ref generationEnds, new CancellationTokenSource()).Cancel();
    }

    private int CacheSeconds => options.Value.CacheSeconds;

    public static IReadOnlyList<string> HomeCodes(HomeRegion home) => home.Code.Length == 0 ? [] : [home.Code];

    private static string PlacesKey(ChainDefinition chain, HomeRegion home, IReadOnlyCollection<string>? regionCodes) =>
        $"{home.Code}|{chain.Chain.Code}|{(regionCodes is null ? "*" : string.Join(',', regionCodes.Order(StringComparer.Ordinal)))}";

    /// <summary>A chain edited since the analysis was made gets a new key.</summary>
    internal static string Fingerprint(ChainDefinition chain) =>
        chain.Chain.Code + "|" + string.Join(',', chain.Segments.Select(s => $"{s.Code}<{s.ParentCode}")) + "|" + string.Join(',', chain.Flows.Select(f => $"{f.From}>{f.To}"));

    private IEnumerable<ISlot> AllSlots() => ties.Values.Cast<ISlot>().Concat(gaps.Values).Concat(places.Values);

    private void StartSweep()
    {
        lock (sweepGate)
        {
            if (sweeping)
            {
                sweepAgain = true;
                return;
            }

            sweeping = true;
            sweep = Task.Run(SweepAsync);
        }
    }

    /// <summary>Refreshes every stale entry one after another (not all at once: they share the store and the cores); the place counts of chosen scopes only when next asked for.</summary>
    private async Task SweepAsync()
    {
        while (true)
        {
            foreach (var slot in AllSlots().Where(s => s.Eager).ToList())
            {
                try
                {
                    await slot.RefreshIfStaleAsync();
                }
                catch (Exception)
                {
                    // Logged by the refresh; the entry stays as it was.
                }
            }

            lock (sweepGate)
            {
                if (!sweepAgain)
                {
                    // Under the lock: a note arriving after this starts a new pass.
                    sweeping = false;
                    return;
                }

                sweepAgain = false;
            }
        }
    }

    private async Task<T> GetAsync<T>(ConcurrentDictionary<string, Slot<T>> slots, string key, Func<CancellationToken, Task<T>> read, FreshnessNote? note, CancellationToken cancellationToken)
        where T : class
    {
        var settings = options.Value;
        if (settings.CacheSeconds == 0)
        {
            note?.Add(time.GetUtcNow(), false);
            return await read(cancellationToken);
        }

        // Place counts of a chosen scope are refreshed by the pass after a write only when asked for again (they are many, and cheap).
        var slot = slots.GetOrAdd(key, _ => new Slot<T>(this, read, !ReferenceEquals(slots, places) || key.EndsWith("|*", StringComparison.Ordinal)));
        Task<Entry<T>> pending;
        lock (slot)
        {
            var now = time.GetUtcNow();
            if (slot.Value is { } entry)
            {
                var fresh = !slot.IsStale && !slot.Expired && now < entry.AsOf.AddSeconds(settings.CacheSeconds);
                if (!fresh)
                {
                    slot.Refresh ??= RefreshAsync(slot);
                }

                note?.Add(entry.AsOf, !fresh);
                return entry.Value;
            }

            slot.Refresh ??= RefreshAsync(slot);
            pending = slot.Refresh;
        }

        var read2 = await pending.WaitAsync(cancellationToken);
        note?.Add(read2.AsOf, false);
        return read2.Value;
    }

    /// <summary>
    /// Reads in the background (not tied to the request that started it). The result replaces the entry; it is
    /// fresh unless a write was noted after the read started (then it stays stale and the next pass reads again).
    /// Called under the slot's lock.
    /// </summary>
    private Task<Entry<T>> RefreshAsync<T>(Slot<T> slot)
        where T : class
    {
        var startedIn = Interlocked.Read(ref generation);
        var stoppingToken = stopping.Token;
        return Task.Run(async () =>
        {
            await MarkFirstAsync();
            var asOf = time.GetUtcNow();
            try
            {
                var value = await slot.Read(stoppingToken);
                var entry = new Entry<T>(value, asOf);
                lock (slot)
                {
                    if (slot.Value is null || slot.Value.AsOf <= asOf)
                    {
                        slot.Value = entry;
                        slot.Expired = false;
                        slot.IsStale = Interlocked.Read(ref generation) != startedIn;
                    }

                    slot.Refresh = null;
                }

                return entry;
            }
            catch (Exception ex)
            {
                if (!(ex is OperationCanceledException && stoppingToken.IsCancellationRequested))
                {
                    logger.LogError(ex, "Refreshing a discovery cache entry failed; the previous entry is kept");
                }

                lock (slot)
                {
                    slot.Refresh = null;
                }

                throw;
            }
        });
    }

    /// <summary>Reads the store's write mark before the first data an answer kept in the store can be built from (ADR 0295; failures are logged there and leave answers unkept).</summary>
    private async Task MarkFirstAsync()
    {
        if (snapshots is not { Enabled: true })
        {
            return;
        }

        try
        {
            await snapshots.MarkAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reading the store's write mark failed; answers read now are not kept in the store");
        }
    }

    private sealed record Entry<T>(T Value, DateTimeOffset AsOf);

    private interface ISlot
    {
        /// <summary>Refreshed by the background pass after a write (else on the next request that uses it).</summary>
        bool Eager { get; }

        Task? Running { get; }

        void MarkStale();

        void Expire(DateTimeOffset now);

        Task RefreshIfStaleAsync();
    }

    private sealed class Slot<T>(DiscoveryCache cache, Func<CancellationToken, Task<T>> read, bool eager) : ISlot
        where T : class
    {
        public Func<CancellationToken, Task<T>> Read { get; } = read;

        /// <inheritdoc/>
        public bool Eager { get; } = eager;

        public Entry<T>? Value { get; set; }

        public bool HasValue
        {
            get
            {
                lock (this)
                {
                    return Value is not null;
                }
            }
        }

        /// <summary>A write was noted after <see cref="Value"/> was read.</summary>
        public bool IsStale { get; set; }

        /// <summary>Expired before its time by <see cref="DiscoveryCache.Expire"/>.</summary>
        public bool Expired { get; set; }

        public Task<Entry<T>>? Refresh { get; set; }

        public Task? Running
        {
            get
            {
                lock (this)
                {
                    return Refresh;
                }
            }
        }

        public void MarkStale()
        {
            lock (this)
            {
                IsStale = true;
            }
        }

        public void Expire(DateTimeOffset now)
        {
            lock (this)
            {
                if (Value is { } entry && entry.AsOf.AddSeconds(cache.CacheSeconds) > now)
                {
                    Expired = true;
                }
            }
        }

        /// <summary>Waits for a running refresh, then reads again while the entry is still stale (at most twice: a refresh that started before the write, then one after it).</summary>
        public async Task RefreshIfStaleAsync()
        {
            for (var pass = 0; pass < 2; pass++)
            {
                Task<Entry<T>> running;
                lock (this)
                {
                    if (!IsStale && Refresh is null)
                    {
                        return;
                    }

                    running = Refresh ??= cache.RefreshAsync(this);
                }

                await running;
            }
        }
    }
}
