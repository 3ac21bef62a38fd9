using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Api;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// An investment map is kept while what it was built from is current (ADR 0275): a repeated map is the same answer,
/// a noted write (a new company, a relation, a rejected membership) shows in the next map, and its freshness
/// (<c>asOf</c>, <c>stale</c>) is worked out per request. Runs on SQLite and on the Neo4j test server.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Neo4j")]
public sealed class KeptMapTests(string provider)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    private ChainMapApiFactory? factory;
    private DiscoveryGraph graph = null!;
    private IChainMapStore store = null!;
    private DiscoveryService discovery = null!;
    private DiscoveryCache cache = null!;
    private ChainDefinition chain = null!;

    [SetUp]
    public async Task BuildAsync()
    {
        if (provider == "Neo4j")
        {
            await using (var services = Neo4jTestServer.CreateServices())
            {
                await Neo4jTestServer.WipeAsync(services);
            }

            factory = new ChainMapApiFactory(seed: false, settings: Neo4jTestServer.Configuration(), time: clock);
        }
        else
        {
            factory = new ChainMapApiFactory(seed: false, time: clock);
        }

        // Six service companies in Heilongjiang, strengths 10.5 … 15.5, no ties.
        var seeded = await ServiceCompanies.SeedAsync(factory, 6, "map.csv");
        (store, graph, cache, discovery, chain) = (seeded.Store, seeded.Graph, seeded.Cache, seeded.Discovery, seeded.Chain);
    }

    [TearDown]
    public void Dispose() => factory?.Dispose();

    private static CompanyRecord Record(string name, double strength) => ServiceCompanies.Record(name, strength, "map.csv");

    private Task<InvestmentMap> MapAsync() => discovery.BuildMapAsync(chain, ["230000"], 3, 1, CancellationToken.None);

    private static IEnumerable<(string, int, long, double, string, int)> Shown(InvestmentMap map) => map.Segments.SelectMany(s => s.TopTargets.Select(t =>
        (s.Gap.Segment.Code, t.Rank, t.Company.Id, t.Score.Total, string.Join(" ", t.Reasons), t.Paths.Count)));

    [Test]
    public async Task A_repeated_map_is_the_same_answer_and_a_noted_write_shows_in_the_next_map()
    {
        var first = await MapAsync();
        var again = await MapAsync();
        var service = first.Segments.Single(s => s.Gap.Segment.Code == "T1-SVC");
        Assert.That(service.TopTargets.Select(t => t.Company.Name), Is.EqualTo(new[] { "黑龙江服务05", "黑龙江服务04", "黑龙江服务03" }));
        Assert.That(Shown(again), Is.EqualTo(Shown(first)));
        Assert.That(again.Segments.Select(s => s.Candidates), Is.EqualTo(first.Segments.Select(s => s.Candidates)));

        // The writes, each noted as the import, network and curation services note theirs.
        var third = service.TopTargets[2];
        var added = (await store.UpsertCompaniesAsync([Record("黑龙江服务新", 99)], new ImportStamp("imp-new", "new.csv", DateTimeOffset.UnixEpoch), CancellationToken.None)).Single().CompanyId;
        await cache.ChangedAsync(CancellationToken.None);
        await store.SaveRelationsAsync([new CompanyRelation(third.Company.Id, graph.Ids["H1"], CompanyRelationKind.Supplies, null, "kept")], CancellationToken.None);
        await cache.ChangedAsync(CancellationToken.None);
        Assert.That(await factory!.Services.GetRequiredService<MembershipCuration>().SetStatusAsync(service.TopTargets[0].Company.Id, "T1-SVC", MembershipStatus.Rejected, CancellationToken.None), Is.True);

        var after = (await MapAsync()).Segments.Single(s => s.Gap.Segment.Code == "T1-SVC");
        Assert.That(after.TopTargets[0].Company.Id, Is.EqualTo(added), "the new, strongest company leads the segment");
        Assert.That(after.TopTargets.Select(t => t.Company.Name), Does.Not.Contain("黑龙江服务05"), "a rejected membership leaves the map");
        var tied = after.TopTargets.Single(t => t.Company.Id == third.Company.Id);
        Assert.That(tied.Score.Links, Is.EqualTo(10), "the new relation to a home company scores");
        Assert.That(tied.Paths.Single().Steps.Single().To.Id, Is.EqualTo(graph.Ids["H1"]), "and shows as its introduction path");
        Assert.That(after.Candidates, Is.EqualTo(service.Candidates), "one company more, one membership rejected");
    }

    [Test]
    public async Task Freshness_is_worked_out_per_request_for_a_kept_map()
    {
        var fresh = await MapAsync();
        Assert.That((fresh.Freshness!.Stale, fresh.Freshness.AsOf), Is.EqualTo((false, clock.GetUtcNow())));

        // Past Discovery:CacheSeconds the same map is answered from the expired entries, marked stale.
        clock.Advance(TimeSpan.FromMinutes(5));
        var expired = await MapAsync();
        Assert.That((expired.Freshness!.Stale, expired.Freshness.AsOf), Is.EqualTo((true, fresh.Freshness.AsOf)));
        Assert.That(Shown(expired), Is.EqualTo(Shown(fresh)));

        // Once the refresh it started has ended, the map says the new read time and is no longer stale.
        await cache.RefreshesAsync();
        var refreshed = await MapAsync();
        Assert.That((refreshed.Freshness!.Stale, refreshed.Freshness.AsOf), Is.EqualTo((false, clock.GetUtcNow())));
        Assert.That(Shown(refreshed), Is.EqualTo(Shown(fresh)));
    }
}
