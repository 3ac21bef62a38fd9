using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// A list ranked ahead searches the introduction paths of all its ranked targets not searched yet in one store search before
/// its ranking is kept (ADR 0340), so its next pages are built from kept paths: a page asked for right after the first does not wait for a
/// search of its own behind the pages built before it. The pages are the same as those of a service that searches each
/// page's paths when the page is asked for.
/// </summary>
public sealed class RankAheadPathTests
{
    private const int PageSize = 10;
    private ChainMapApiFactory factory = null!;
    private ServiceCompanies seeded = null!;

    [SetUp]
    public async Task SeedAsync()
    {
        factory = new ChainMapApiFactory(seed: false);

        // 45 service companies in Heilongjiang (five pages of 10), some tied to home so that they have paths.
        seeded = await ServiceCompanies.SeedAsync(factory, 45, "ahead.csv");
        await seeded.Store.SaveRelationsAsync(
            seeded.Ids.Where((_, i) => i % 3 == 0).Select(id => new CompanyRelation(id, seeded.Graph.Ids["H1"], CompanyRelationKind.Supplies, null, "test")).ToList(),
            CancellationToken.None);
    }

    [TearDown]
    public void Dispose() => factory.Dispose();

    private TargetFilter Page(int page) => new([seeded.Chain], ["T1-SVC"], ["230000"], "黑龙江省", [], null, page, PageSize, 3);

    /// <summary>A service of its own over the factory's store, with its path searches counted.</summary>
    private (DiscoveryService Discovery, DiscoveryCache Cache, CountingStore Store) Service(int rankAheadPages)
    {
        var counting = new CountingStore(seeded.Store);
        var options = Options.Create(new DiscoveryOptions { RankAheadPages = rankAheadPages, KeepAnswers = false, WarmAtStart = false });
        var cache = new DiscoveryCache(counting, TimeProvider.System, options, NullLogger<DiscoveryCache>.Instance);
        var discovery = new DiscoveryService(
            counting, factory.Services.GetRequiredService<RegionDirectory>(), cache, factory.Services.GetRequiredService<DiscoverySnapshots>(),
            TimeProvider.System, options, NullLogger<DiscoveryService>.Instance);
        return (discovery, cache, counting);
    }

    private async Task<List<(int Rank, long Id, string Paths, string Reasons)>> PagesAsync(DiscoveryService discovery)
    {
        var shown = new List<(int, long, string, string)>();
        for (var page = 1; page <= 5; page++)
        {
            foreach (var target in (await discovery.FindTargetsAsync(Page(page), CancellationToken.None)).Items)
            {
                shown.Add((target.Rank, target.Company.Id, string.Join(" | ", target.Paths.Select(p => p.Summary)), string.Join(" ", target.Reasons)));
            }

            if (page == 1)
            {
                await discovery.RankingsAheadAsync();
            }
        }

        return shown;
    }

    [Test]
    public async Task A_list_ranked_ahead_searches_its_targets_paths_once_and_its_pages_equal_those_searched_page_by_page()
    {
        var (ahead, aheadCache, aheadStore) = Service(rankAheadPages: 21);
        var (plain, plainCache, plainStore) = Service(rankAheadPages: 0);
        using (aheadCache)
        using (plainCache)
        using (ahead)
        using (plain)
        {
            var pages = await PagesAsync(ahead);
            var searched = await PagesAsync(plain);

            Assert.That(pages, Has.Count.EqualTo(45));
            Assert.That(pages.Count(p => p.Paths.Length > 0), Is.GreaterThan(0), "some targets have paths");
            Assert.That(pages, Is.EqualTo(searched), "the same ranks, companies, paths and reasons");
            var sizes = $"ahead: {string.Join(",", aheadStore.PathSearches.Select(s => s.Length))}; plain: {string.Join(",", plainStore.PathSearches.Select(s => s.Length))}";
            Assert.That(aheadStore.PathSearches, Has.Count.LessThanOrEqualTo(2), "at most page 1's search and the list's; " + sizes);
            Assert.That(aheadStore.PathSearches, Has.Some.Matches<long[]>(s => pages.Skip(PageSize).All(p => s.Contains(p.Id))), "one search covers pages 2–5; " + sizes);
            Assert.That(plainStore.PathSearches, Has.Count.EqualTo(5), "without ranking ahead each page searches its own");
        }
    }

    /// <summary>The store, with the targets of each introduction path search recorded.</summary>
    private sealed class CountingStore(IDiscoveryStore inner) : ForwardingDiscoveryStore(inner)
    {
        public List<long[]> PathSearches { get; } = [];

        public override Task<IReadOnlyList<IntroductionPath>> FindIntroductionPathsAsync(IReadOnlyCollection<long> targetIds, IReadOnlyCollection<string> homeRegionCodes, int maxHops, int perTarget, CancellationToken cancellationToken)
        {
            lock (PathSearches)
            {
                PathSearches.Add([.. targetIds]);
            }

            return base.FindIntroductionPathsAsync(targetIds, homeRegionCodes, maxHops, perTarget, cancellationToken);
        }
    }
}
