using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChainMap.Domain;
using ChainMap.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Discovery;

/// <summary>
/// Discovery answers kept in the store across restarts (ADR 0295). The first page of a kept ranking and a kept map are
/// written in the background once built from current entries, with the store's write mark of the time the request began;
/// a request that would wait for the gap analyses and home-tie index to be read (the first after a start, or after the
/// caches were dropped) is answered from the kept answer at once: current when the write mark has not moved since, else
/// marked stale, with the time its data were read. An entry of another format, or one that cannot be read, is logged
/// and ignored (the request then waits, as before).
/// </summary>
internal sealed class DiscoverySnapshots(IDiscoverySnapshotStore store, TimeProvider time, IOptions<DiscoveryOptions> options, ILogger<DiscoverySnapshots> logger)
    : IDisposable
{
    /// <summary>The format of the bodies written; an entry of another is ignored (and replaced by the next rebuild).</summary>
    internal const int Format = 1;

    /// <summary>How kept answers are written and read (a tied company as one object, <see cref="HomeTiedCompanyJson"/>).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new HomeTiedCompanyJson() } };

    private readonly Lock gate = new();
    private readonly ConditionalWeakTable<object, object> saved = new();
    private readonly SemaphoreSlim writer = new(1, 1);
    private Task<long>? loaded;
    private long noted;
    private long notedAtLoad;
    private DateTimeOffset? markReadAt;
    private long unflushed;
    private Task flush = Task.CompletedTask;
    private Task saves = Task.CompletedTask;
    private bool stopped;

    /// <summary>Whether answers are kept and served (<see cref="DiscoveryOptions.KeepAnswers"/>, and only with caching on).</summary>
    public bool Enabled => options.Value.KeepAnswers && options.Value.CacheSeconds > 0;

    /// <summary>
    /// The write mark as this service knows it: the store's, read once, plus the writes noted here since. Read it before
    /// the data an answer is built from: a write noted after that moves it, so the answer is not taken as current.
    /// </summary>
    public async Task<long> MarkAsync(CancellationToken cancellationToken)
    {
        Task<long> task;
        long before;
        lock (gate)
        {
            if (loaded is null)
            {
                // Writes noted before the read are counted in what it reads once raised, or make the mark lower (older answers then read as stale).
                notedAtLoad = Interlocked.Read(ref noted);
                loaded = store.GetWriteMarkAsync(CancellationToken.None);
            }

            task = loaded;
            before = notedAtLoad;
        }

        try
        {
            var mark = await task.WaitAsync(cancellationToken) + Interlocked.Read(ref noted) - before;
            lock (gate)
            {
                markReadAt ??= time.GetUtcNow();
            }

            return mark;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (gate)
            {
                if (ReferenceEquals(loaded, task))
                {
                    loaded = null;
                }
            }

            throw;
        }
    }

    /// <summary>
    /// Stops queuing and waits (at most 30 s) for the marks and answers already queued to be written: nothing of this
    /// service writes into the store after it has stopped (a command's host, a test's folder deleted after it).
    /// </summary>
    public void Dispose()
    {
        Task pending;
        lock (gate)
        {
            stopped = true;
            pending = Task.WhenAll(flush, saves);
        }

        if (!pending.Wait(TimeSpan.FromSeconds(30)))
        {
            logger.LogWarning("Keeping discovery answers: writes still running 30 s after the service stopped were left behind");
        }
    }

    /// <summary>Notes a write: the mark moves here at once and in the store in the background (one raise for the writes noted meanwhile).</summary>
    public void NoteWrite()
    {
        Interlocked.Increment(ref noted);
        Interlocked.Increment(ref unflushed);
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            flush = flush.ContinueWith(_ => FlushAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Completes when the write marks noted so far are in the store (failures are logged).</summary>
    public Task MarkWrittenAsync()
    {
        lock (gate)
        {
            return flush;
        }
    }

    /// <summary>Completes when the answers queued for keeping so far are written (failures are logged).</summary>
    internal Task SavesAsync()
    {
        lock (gate)
        {
            return saves;
        }
    }

    /// <summary>The kept first page of a list, or null when there is none (or it cannot be served: logged).</summary>
    public async Task<TargetPage?> ReadPageAsync(TargetFilter filter, HomeRegion home, CancellationToken cancellationToken)
    {
        var key = PageKey(filter, home);
        var stored = await ReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        try
        {
            var body = Decode<StoredPage>(stored.Body);
            var chains = filter.Chains.ToDictionary(c => c.Chain.Code, StringComparer.Ordinal);
            var items = body.Items.Select(t => t.ToTarget(chains, body.Gaps)).ToList();
            var mark = await MarkAsync(cancellationToken);
            return new TargetPage(items, filter.Page, filter.PageSize, body.Total, body.Reason)
            {
                Freshness = new DataFreshness(stored.AsOf, stored.WriteMark != mark),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A kept target list ({Key}) cannot be read; it is ignored and rebuilt", key);
            return null;
        }
    }

    /// <summary>The kept map, or null when there is none (or it cannot be served: logged).</summary>
    public async Task<InvestmentMap?> ReadMapAsync(ChainDefinition chain, HomeRegion home, IReadOnlyCollection<string>? regionCodes, int top, int paths, CancellationToken cancellationToken)
    {
        var key = MapKey(chain, home, regionCodes, top, paths);
        var stored = await ReadAsync(key, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        try
        {
            var body = Decode<StoredMap>(stored.Body);
            var chains = new Dictionary<string, ChainDefinition>(StringComparer.Ordinal) { [chain.Chain.Code] = chain };
            var gaps = new ChainGaps(chain, body.HomeName, body.ChainShare, body.Gaps);
            var byCode = body.Gaps.ToDictionary(g => g.Segment.Code, StringComparer.Ordinal);
            var segments = body.Segments.Select(s => new MapSegment(
                byCode[s.Segment], s.Candidates, s.TopTargets.Select(t => t.ToTarget(chains, byCode)).ToList(), s.Provinces, s.Cities)).ToList();
            var mark = await MarkAsync(cancellationToken);
            return new InvestmentMap(gaps, home, segments) { Freshness = new DataFreshness(stored.AsOf, stored.WriteMark != mark) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A kept investment map ({Key}) cannot be read; it is ignored and rebuilt", key);
            return null;
        }
    }

    /// <summary>Keeps a list's first page in the background, once per built page (the same items are not written twice).</summary>
    public void KeepPage(TargetFilter filter, HomeRegion home, TargetPage page, long mark)
    {
        if (page.Items.Count == 0 || page.Freshness is not { Stale: false } freshness || !ReadAfterMark(freshness) || !MarkOnce(page.Items))
        {
            return;
        }

        var key = PageKey(filter, home);
        Queue(key, mark, freshness.AsOf, () =>
        {
            var gaps = page.Items.Select(t => t.Gap).DistinctBy(g => g.Segment.Code).ToDictionary(g => g.Segment.Code, StringComparer.Ordinal);
            return Encode(new StoredPage(page.Total, page.Reason, gaps, page.Items.Select(StoredTarget.Of).ToList()));
        });
    }

    /// <summary>Keeps a map in the background, once per built map.</summary>
    public void KeepMap(ChainDefinition chain, HomeRegion home, IReadOnlyCollection<string>? regionCodes, int top, int paths, InvestmentMap map, long mark)
    {
        if (map.Freshness is not { Stale: false } freshness || !ReadAfterMark(freshness) || !MarkOnce(map.Segments))
        {
            return;
        }

        var key = MapKey(chain, home, regionCodes, top, paths);
        Queue(key, mark, freshness.AsOf, () => Encode(new StoredMap(
            map.Gaps.HomeName,
            map.Gaps.ChainShare,
            map.Gaps.Segments,
            map.Segments.Select(s => new StoredMapSegment(s.Gap.Segment.Code, s.Candidates, s.TopTargets.Select(StoredTarget.Of).ToList(), s.Provinces, s.Cities)).ToList())));
    }

    /// <summary>The key of a list's page: everything its answer depends on besides the store's data (chains by their fingerprint, home by code and name).</summary>
    internal static string PageKey(TargetFilter filter, HomeRegion home) => Hash(
        "list",
        string.Join(';', filter.Chains.Select(DiscoveryCache.Fingerprint)),
        filter.SegmentCodes is null ? "*" : string.Join(',', filter.SegmentCodes.Order(StringComparer.Ordinal)),
        filter.RegionCodes is null ? "*" : string.Join(',', filter.RegionCodes.Order(StringComparer.Ordinal)),
        filter.RegionLabel,
        string.Join(',', filter.Tags.Order(StringComparer.Ordinal)),
        filter.MinCapital?.ToString(CultureInfo.InvariantCulture) ?? "-",
        string.Create(CultureInfo.InvariantCulture, $"{filter.Page}|{filter.PageSize}|{filter.Paths}"),
        home.Code,
        home.Name);

    internal static string MapKey(ChainDefinition chain, HomeRegion home, IReadOnlyCollection<string>? regionCodes, int top, int paths) => Hash(
        "map",
        DiscoveryCache.Fingerprint(chain),
        regionCodes is null ? "*" : string.Join(',', regionCodes.Order(StringComparer.Ordinal)),
        string.Create(CultureInfo.InvariantCulture, $"{top}|{paths}"),
        home.Code,
        home.Name);

    private static string Hash(string kind, params string[] parts) =>
        kind + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))));

    /// <summary>
    /// True when the oldest data of an answer were read after this service read the store's write mark: a write made by
    /// another process before that read is then in the data or in the mark (never current data with an older mark's entry).
    /// </summary>
    private bool ReadAfterMark(DataFreshness freshness)
    {
        lock (gate)
        {
            return markReadAt is { } read && freshness.AsOf >= read;
        }
    }

    private bool MarkOnce(object built)
    {
        lock (gate)
        {
            if (saved.TryGetValue(built, out _))
            {
                return false;
            }

            saved.Add(built, built);
            return true;
        }
    }

    private async Task<DiscoverySnapshot?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await store.GetSnapshotAsync(key, cancellationToken);
        if (stored is not null && stored.Format != Format)
        {
            logger.LogInformation("A kept discovery answer ({Key}) is of format {Format}, not {Current}; it is ignored and rebuilt", key, stored.Format, Format);
            return null;
        }

        return stored;
    }

    private void Queue(string key, long mark, DateTimeOffset asOf, Func<byte[]> body)
    {
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            saves = saves.ContinueWith(
                async _ =>
                {
                    try
                    {
                        await store.SaveSnapshotAsync(new DiscoverySnapshot(key, Format, mark, asOf, body()), options.Value.KeptAnswers, CancellationToken.None);
                    }
                    catch (Exception ex)
                    {
                        logger.LogWarning(ex, "Keeping a discovery answer in the store failed; a restart waits for it to be built");
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
        }
    }

    private async Task FlushAsync()
    {
        var count = Interlocked.Exchange(ref unflushed, 0);
        if (count == 0)
        {
            return;
        }

        await writer.WaitAsync();
        try
        {
            await store.RaiseWriteMarkAsync(count, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Interlocked.Add(ref unflushed, count);
            logger.LogWarning(ex, "Raising the store's write mark failed; it is tried again with the next write");
        }
        finally
        {
            writer.Release();
        }
    }

    private static byte[] Encode<T>(T body)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, body, Json);
        }

        return buffer.ToArray();
    }

    private static T Decode<T>(byte[] body)
    {
        using var zip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(zip, Json) ?? throw new InvalidDataException("The kept answer is empty.");
    }

    /// <summary>A kept list page: the gaps of its targets once (by segment code), the targets with their chain by code.</summary>
    private sealed record StoredPage(long Total, string? Reason, Dictionary<string, SegmentGap> Gaps, List<StoredTarget> Items);

    private sealed record StoredMap(string HomeName, double ChainShare, IReadOnlyList<SegmentGap> Gaps, List<StoredMapSegment> Segments);

    private sealed record StoredMapSegment(string Segment, long Candidates, List<StoredTarget> TopTargets, IReadOnlyList<PlaceCount> Provinces, IReadOnlyList<PlaceCount> Cities);

    private sealed record StoredTarget(
        int Rank, Company Company, string Chain, string Gap, ScoreParts Score, IReadOnlyList<string> Reasons, HomeTiedCompany? Ties, IReadOnlyList<DescribedPath> Paths)
    {
        public static StoredTarget Of(Target target) =>
            new(target.Rank, target.Company, target.Chain.Chain.Code, target.Gap.Segment.Code, target.Score, target.Reasons, target.Ties, target.Paths);

        public Target ToTarget(IReadOnlyDictionary<string, ChainDefinition> chains, IReadOnlyDictionary<string, SegmentGap> gaps) =>
            new(Rank, Company ?? throw new InvalidDataException("A kept target has no company."), chains[Chain], gaps[Gap], Score, Reasons, Ties, Paths);
    }
}
