using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Api;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// A target list's ranking is kept and ranked ahead (ADR 0220): later pages are slices of it, the same as a fresh
/// ranking, and a write (a new company, a relation, a membership change) shows on every page once it is noted.
/// Runs on SQLite and on the Neo4j test server.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Neo4j")]
public sealed class KeptRankingTests(string provider)
{
    private const int PageSize = 10;
    private ChainMapApiFactory? factory;
    private DiscoveryGraph graph = null!;
    private IChainMapStore store = null!;
    private DiscoveryService discovery = null!;
    private DiscoveryCache cache = null!;
    private ChainDefinition chain = null!;
    private IReadOnlyList<long> generated = null!;

    [SetUp]
    public async Task BuildAsync()
    {
        if (provider == "Neo4j")
        {
            await using (var services = Neo4jTestServer.CreateServices())
            {
                await Neo4jTestServer.WipeAsync(services);
            }

            factory = new ChainMapApiFactory(seed: false, settings: Neo4jTestServer.Configuration());
        }
        else
        {
            factory = new ChainMapApiFactory(seed: false);
        }

        // 45 service companies in Heilongjiang (四 pages of 10 and a half), strengths 10.5 … 54.5, no ties yet.
        var seeded = await ServiceCompanies.SeedAsync(factory, 45, "kept.csv");
        (store, graph, cache, discovery, chain) = (seeded.Store, seeded.Graph, seeded.Cache, seeded.Discovery, seeded.Chain);
        generated = seeded.Ids;
    }

    [TearDown]
    public void Dispose() => factory?.Dispose();

    private static CompanyRecord Record(string name, double strength) => ServiceCompanies.Record(name, strength, "kept.csv");

    private TargetFilter Page(int page) => new([chain], ["T1-SVC"], ["230000"], "黑龙江省", [], null, page, PageSize, 3);

    private async Task<List<Target>> PagesAsync(int count)
    {
        var all = new List<Target>();
        for (var page = 1; page <= count; page++)
        {
            all.AddRange((await discovery.FindTargetsAsync(Page(page), CancellationToken.None)).Items);
        }

        return all;
    }

    private static IEnumerable<(int, long, double, string)> Shown(IEnumerable<Target> targets) =>
        targets.Select(t => (t.Rank, t.Company.Id, t.Score.Total, string.Join(" ", t.Reasons)));

    [Test]
    public async Task Later_pages_are_slices_of_the_ranking_kept_from_the_first_page_and_the_same_as_a_fresh_ranking()
    {
        await discovery.FindTargetsAsync(Page(1), CancellationToken.None);
        await discovery.RankingsAheadAsync();
        var kept = await PagesAsync(5);
        var total = (await discovery.FindTargetsAsync(Page(5), CancellationToken.None)).Total;

        cache.Clear();
        var fresh = new List<Target>();
        for (var page = 5; page >= 1; page--)
        {
            // Deepest first: each page is ranked for itself, none is a slice of another.
            cache.Clear();
            fresh.InsertRange(0, (await discovery.FindTargetsAsync(Page(page), CancellationToken.None)).Items);
        }

        Assert.That(total, Is.EqualTo(45));
        Assert.That(kept.Select(t => t.Rank), Is.EqualTo(Enumerable.Range(1, 45)));
        Assert.That(kept.Select(t => t.Company.Name).Take(2), Is.EqualTo(new[] { "黑龙江服务44", "黑龙江服务43" }));
        Assert.That(Shown(kept), Is.EqualTo(Shown(fresh)));
    }

    [Test]
    public async Task A_new_company_a_relation_and_a_membership_change_show_on_the_pages_of_a_kept_ranking_once_the_write_is_noted()
    {
        var before = await PagesAsync(5);
        await discovery.RankingsAheadAsync();
        var onPageThree = before[20];
        var lastOfPageTwo = before[19];
        Assert.That(onPageThree.Paths, Is.Empty, "no ties before the write");

        // The writes, each noted as the import, network and curation services note theirs.
        var added = (await store.UpsertCompaniesAsync([Record("黑龙江服务新", 99)], new ImportStamp("imp-new", "new.csv", DateTimeOffset.UnixEpoch), CancellationToken.None)).Single().CompanyId;
        await cache.ChangedAsync(CancellationToken.None);
        await store.SaveRelationsAsync([new CompanyRelation(onPageThree.Company.Id, graph.Ids["H1"], CompanyRelationKind.Supplies, null, "kept")], CancellationToken.None);
        await cache.ChangedAsync(CancellationToken.None);
        Assert.That(await factory!.Services.GetRequiredService<MembershipCuration>().SetStatusAsync(lastOfPageTwo.Company.Id, "T1-SVC", MembershipStatus.Rejected, CancellationToken.None), Is.True);
        var after = await PagesAsync(5);

        Assert.That(after[0].Company.Id, Is.EqualTo(added), "the new, strongest company leads page 1");
        Assert.That(after.Select(t => t.Company.Id), Does.Not.Contain(lastOfPageTwo.Company.Id), "a rejected membership leaves the list");
        var tied = after.Single(t => t.Company.Id == onPageThree.Company.Id);
        Assert.That(tied.Paths.Single().Steps.Single().To.Id, Is.EqualTo(graph.Ids["H1"]), "its page shows the new introduction path");
        Assert.That(tied.Score.Links, Is.EqualTo(10));
        Assert.That(tied.Rank, Is.LessThan(onPageThree.Rank), "the tie moves it up");
        Assert.That(after.Select(t => t.Rank), Is.EqualTo(Enumerable.Range(1, 45)), "45 + 1 new − 1 rejected");
        Assert.That((await discovery.FindTargetsAsync(Page(5), CancellationToken.None)).Total, Is.EqualTo(45));
        Assert.That(generated, Does.Contain(onPageThree.Company.Id));
    }

    [Test]
    public async Task A_ranking_started_before_a_write_is_not_kept_as_current_after_it()
    {
        const string strongestBefore = "黑龙江服务44";
        await discovery.FindTargetsAsync(Page(1), CancellationToken.None);
        var added = (await store.UpsertCompaniesAsync([Record("黑龙江服务新", 99)], new ImportStamp("imp-new", "new.csv", DateTimeOffset.UnixEpoch), CancellationToken.None)).Single().CompanyId;

        // The write is noted while the ranking ahead (started by page 1, before the write) may still run.
        cache.Changed();
        var page = await discovery.FindTargetsAsync(Page(1), CancellationToken.None);
        await discovery.RankingsAheadAsync();
        await cache.RefreshesAsync();
        var second = await discovery.FindTargetsAsync(Page(2), CancellationToken.None);

        Assert.That(page.Items[0].Company.Id, Is.EqualTo(added), "ranked again after the write, from the older tie index");
        Assert.That(page.Items[1].Company.Name, Is.EqualTo(strongestBefore));
        Assert.That(second.Items[0].Rank, Is.EqualTo(11));
        Assert.That(second.Items.Select(t => t.Company.Name).First(), Is.EqualTo("黑龙江服务35"));
    }
}
