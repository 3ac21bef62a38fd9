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

/// <summary>How long the home-tie index is reused, and what a request gets while it is refreshed (ADR 0026).</summary>
public sealed class DiscoveryCacheTests
{
    private string directory = null!;
    private SqliteStore store = null!;
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
        cache = new DiscoveryCache(store, time, Options.Create(new DiscoveryOptions { CacheSeconds = 30, MaxStaleSeconds = 300 }), NullLogger<DiscoveryCache>.Instance);
    }

    [TearDown]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private Task TieAToHomeAsync() =>
        store.SaveRelationsAsync([new CompanyRelation(graph.Ids["A"], graph.Ids["H1"], CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);

    [Test]
    public async Task Within_the_cache_time_the_same_index_is_reused()
    {
        var first = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();
        time.Advance(TimeSpan.FromSeconds(29));

        Assert.That(await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None), Is.SameAs(first));
        Assert.That(first.Find(graph.Ids["A"]), Is.Null);
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
        Assert.That(after.Find(graph.Ids["A"])!.Relations.Single().HomeCompanyId, Is.EqualTo(graph.Ids["H1"]));
    }

    [Test]
    public async Task An_index_older_than_the_stale_limit_is_read_again_before_answering()
    {
        await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();
        time.Advance(TimeSpan.FromSeconds(30 + 301));

        var ties = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);

        Assert.That(ties.Find(graph.Ids["A"]), Is.Not.Null);
    }

    [Test]
    public async Task After_invalidation_the_next_request_reads_the_store()
    {
        await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);
        await TieAToHomeAsync();

        cache.Invalidate();
        var ties = await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None);

        Assert.That(ties.Find(graph.Ids["A"]), Is.Not.Null);
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
        Assert.That((await cache.GetHomeTiesAsync(DiscoveryGraph.Home, CancellationToken.None)).Find(graph.Ids["A"]), Is.Not.Null);
    }
}
