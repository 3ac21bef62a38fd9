using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Discovery;

/// <summary>How long the home-tie index is reused, and what a request gets while it is refreshed (ADRs 0026, 0210).</summary>
public sealed class DiscoveryCacheTests
{
    private string directory = null!;
    private SqliteStore store = null!;
    private GatedStore gated = null!;
    private DiscoveryGraph graph = null!;
    private FakeTimeProvider time = null!;
    private DiscoveryCache cache = null!;

    [SetUp]
    public async Task CreateAsync()
    {
        directory = Directory.CreateTempSubdirectory("chainmap-cache-").FullName;
        store = new SqliteStore(Path.Combine(directory, "test.db"), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        graph = await DiscoveryGraph.BuildAsync(store);
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        gated = new GatedStore(store);
        cache = new DiscoveryCache(gated, time, Options.Create(new DiscoveryOptions { CacheSeconds = 30 }), NullLogger<DiscoveryCache>.Instance);
    }

    [TearDown]
    public void Delete()
    {
        cache.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Company A as the index has it (with its ties as reasons name them), null when it is not tied.</summary>
    private async Task<HomeTiedCompany?> FindAAsync(HomeTieIndex index) =>
        (await index.FindAsync([graph.Ids["A"]], CancellationToken.None)).GetValueOrDefault(graph.Ids["A"]);

    private Task TieAToHomeAsync() =>
        store.SaveRelationsAsync([new CompanyRelation(graph.Ids["A"], graph.Ids["H1"], CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);

    [Test]
    public async Task Within_the_cache_time_the_same_index_is_reused()
    {
        var first = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();
        time.Advance(TimeSpan.FromSeconds(29));

        Assert.That(await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None), Is.SameAs(first));
        Assert.That(await FindAAsync(first), Is.Null);
    }

    [Test]
    public async Task An_expired_index_is_served_while_one_refresh_reads_the_store_then_replaced()
    {
        var first = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();
        time.Advance(TimeSpan.FromSeconds(31));

        var during = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await cache.RefreshesAsync();
        var after = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);

        Assert.That(during, Is.SameAs(first), "the request after expiry does not wait");
        Assert.That(after, Is.Not.SameAs(first));
        Assert.That((await FindAAsync(after))!.Relations.Single().HomeCompanyId, Is.EqualTo(graph.Ids["H1"]));
    }

    [Test]
    public async Task After_a_quiet_spell_the_old_index_is_served_marked_stale_while_it_is_read_again()
    {
        var first = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();
        time.Advance(TimeSpan.FromHours(2));

        var note = new FreshnessNote();
        var during = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, note, CancellationToken.None);
        await cache.RefreshesAsync();

        Assert.That(during, Is.SameAs(first), "no request waits while an older index exists");
        Assert.That(note.Result(time.GetUtcNow()), Is.EqualTo(new DataFreshness(time.GetUtcNow().AddHours(-2), true)));
        Assert.That(await FindAAsync(await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None)), Is.Not.Null);
    }

    [Test]
    public async Task After_a_write_requests_get_the_older_index_marked_stale_while_the_refresh_runs_then_the_new_one()
    {
        var readAt = time.GetUtcNow();
        var first = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        var gate = gated.Hold();

        cache.Changed();
        await gate.Entered;
        var during = new FreshnessNote();
        var whileRefreshing = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, during, CancellationToken.None);
        gate.Release();
        await cache.RefreshesAsync();
        var after = new FreshnessNote();
        var refreshed = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, after, CancellationToken.None);

        Assert.That(whileRefreshing, Is.SameAs(first), "answered from the older entry while the refresh is held");
        Assert.That(await FindAAsync(whileRefreshing), Is.Null);
        Assert.That(during.Result(time.GetUtcNow()), Is.EqualTo(new DataFreshness(readAt, true)), "says it is stale and when it was read");
        Assert.That(await FindAAsync(refreshed), Is.Not.Null, "the background refresh started by the write, not by a request");
        Assert.That(after.Result(time.GetUtcNow()), Is.EqualTo(new DataFreshness(time.GetUtcNow(), false)));
        Assert.That(gated.TieReads, Is.EqualTo(2), "one read at first, one refresh after the write");
    }

    [Test]
    public async Task A_write_during_a_refresh_leaves_its_result_stale_and_reads_once_more()
    {
        await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        var gate = gated.Hold();
        cache.Changed();
        await gate.Entered;

        await TieAToHomeAsync();
        cache.Changed();
        gate.Release();
        await cache.RefreshesAsync();
        var note = new FreshnessNote();
        var ties = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, note, CancellationToken.None);

        Assert.That(await FindAAsync(ties), Is.Not.Null, "the write after the held read started is in the next read");
        Assert.That(note.Result(time.GetUtcNow()).Stale, Is.False);
    }

    [Test]
    public async Task Only_the_first_request_ever_waits_for_the_store()
    {
        var gate = gated.Hold();

        var first = cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await gate.Entered;
        var second = cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);

        Assert.That(first.IsCompleted || second.IsCompleted, Is.False, "without any entry both wait for the one read");
        gate.Release();
        Assert.That(await second, Is.SameAs(await first));
        Assert.That(gated.TieReads, Is.EqualTo(1));
    }

    [Test]
    public async Task Expire_makes_the_next_request_start_a_refresh_without_waiting_for_it()
    {
        var first = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();

        cache.Expire();
        var during = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await cache.RefreshesAsync();

        Assert.That(during, Is.SameAs(first));
        Assert.That(await FindAAsync(await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None)), Is.Not.Null);
    }

    [Test]
    public async Task When_the_service_stops_a_background_read_in_progress_is_cancelled_and_the_older_index_kept()
    {
        var first = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();
        var gate = gated.Hold();
        cache.Changed();
        await gate.Entered;

        cache.Dispose();
        var refreshes = cache.RefreshesAsync();
        var ended = await Task.WhenAny(refreshes, Task.Delay(TimeSpan.FromMinutes(1)));

        Assert.That(ended, Is.SameAs(refreshes), "the held read ended without being released: the stop cancelled it");
        Assert.That(await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None), Is.SameAs(first), "the cancelled read replaced nothing");
    }

    /// <summary>Lets a test hold the next home-tie read (after it has read the store) until it releases it.</summary>
    private sealed class Gate
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => entered.Task;

        public void Release() => released.TrySetResult();

        public async Task PassAsync(CancellationToken cancellationToken)
        {
            entered.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The SQLite store, with its home-tie reads counted and, when asked, held at a gate.</summary>
    private sealed class GatedStore(IDiscoveryStore inner) : ForwardingDiscoveryStore(inner)
    {
        private Gate? gate;
        private int tieReads;

        public int TieReads => tieReads;

        public Gate Hold() => gate = new Gate();

        public override async Task<IReadOnlyList<HomeTieFacts>> ListHomeTieFactsAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref tieReads);
            var read = await base.ListHomeTieFactsAsync(homeRegionCodes, channelHops, segmentCodes, cancellationToken);
            if (Interlocked.Exchange(ref gate, null) is { } held)
            {
                // Held after reading: what the store held then is what this read returns.
                await held.PassAsync(cancellationToken);
            }

            return read;
        }
    }
}
