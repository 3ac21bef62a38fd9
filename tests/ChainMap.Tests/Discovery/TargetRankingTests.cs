using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using ChainMap.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// The ranking reads only what can reach the page (ADR 0024); these tests compare its pages and maps with
/// ranking every matching company, on the hand-made graph plus 1,000 generated companies, many of them
/// tied to home companies or channels and many with equal scores (ordered by the tie rule of ADR 0140).
/// </summary>
public sealed class TargetRankingTests
{
    private static readonly string[] Places = ["320505", "320213", "320102", "320500", "310101", "330106", "340104", "420102", "441900", "421303", "110105"];
    private static readonly string[] Segments = ["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC"];
    private ChainMapApiFactory factory = null!;
    private DiscoveryGraph graph = null!;
    private IChainMapStore store = null!;
    private DiscoveryService discovery = null!;
    private ChainDefinition chain = null!;

    [OneTimeSetUp]
    public async Task BuildAsync()
    {
        factory = new ChainMapApiFactory(seed: false);
        var services = factory.Services;
        store = services.GetRequiredService<IChainMapStore>();
        graph = await DiscoveryGraph.BuildAsync(store);
        var random = new Random(421300);
        var records = Enumerable.Range(0, 1000).Select(i =>
        {
            var region = Places[random.Next(Places.Length)];
            var place = TestData.Regions.Place(region);
            var name = $"排名企业{i:D3}";
            var segments = random.Next(5) == 0 ? new[] { Segments[random.Next(5)], Segments[random.Next(5)] } : [Segments[random.Next(5)]];
            var strength = random.Next(3) == 0 ? 40 + (random.Next(4) / 100.0) : Math.Round(random.NextDouble() * 90, 2);
            return new CompanyRecord(
                $"n:{name}", null, name, ChineseText.NormalizeCompanyName(name), region, place.Province, place.City, place.County,
                random.Next(1, 100) * 100m, null, null, null, null, random.Next(6) == 0 ? ["专精特新"] : [], null, null, strength,
                segments.Distinct().Select(s => new SegmentMembership(s, "maker", 1.0, "rank", "rank.csv")).ToList());
        }).ToList();
        var outcomes = await store.UpsertCompaniesAsync(records, new ImportStamp("imp-rank", "rank.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var ids = outcomes.Select(o => o.CompanyId).ToList();
        var homeIds = new[] { "H1", "H2", "H3", "H4", "H5" }.Select(k => graph.Ids[k]).ToList();
        var relations = ids.Where(_ => random.Next(4) == 0)
            .Select(id => random.Next(2) == 0
                ? new CompanyRelation(id, homeIds[random.Next(5)], CompanyRelationKind.Supplies, null, "rank")
                : new CompanyRelation(homeIds[random.Next(5)], id, random.Next(2) == 0 ? CompanyRelationKind.Supplies : CompanyRelationKind.InvestsIn, null, "rank"))
            .DistinctBy(r => (r.FromCompanyId, r.ToCompanyId, r.Kind))
            .ToList();
        await store.SaveRelationsAsync(relations, CancellationToken.None);
        var channels = graph.ChannelIds.Values.ToList();
        await store.SaveChannelLinksAsync(
            ids.Where(_ => random.Next(5) == 0).Select(id => new ChannelLink(channels[random.Next(channels.Count)], id, null, ChannelRole.Member, null, "rank")).ToList(),
            CancellationToken.None);

        services.GetRequiredService<RegionDirectory>().Invalidate();
        services.GetRequiredService<ChainDirectory>().Invalidate();
        services.GetRequiredService<DiscoveryCache>().Clear();
        discovery = services.GetRequiredService<DiscoveryService>();
        chain = (await services.GetRequiredService<ChainDirectory>().GetDefinitionAsync("T1", CancellationToken.None))!;
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        discovery.Dispose();
        factory.Dispose();
    }

    private static IEnumerable<TestCaseData> Lists()
    {
        string[] delta = ["310000", "320000", "330000", "340000"];
        yield return new TestCaseData(null, null, Array.Empty<string>(), 1, 20).SetName("Everywhere, first page");
        yield return new TestCaseData(null, null, Array.Empty<string>(), 4, 25).SetName("Everywhere, fourth page");
        yield return new TestCaseData(null, null, Array.Empty<string>(), 8, 25).SetName("Everywhere, eighth page");
        yield return new TestCaseData(delta, null, Array.Empty<string>(), 1, 50).SetName("Yangtze delta, 50");
        yield return new TestCaseData(delta, null, Array.Empty<string>(), 4, 50).SetName("Yangtze delta, fourth page of 50");
        yield return new TestCaseData(delta, null, Array.Empty<string>(), 3, 7).SetName("Yangtze delta, third page of 7");
        yield return new TestCaseData(new[] { "320500", "441900" }, null, Array.Empty<string>(), 1, 30).SetName("Two cities");
        yield return new TestCaseData(null, new[] { "T1-PART", "T1-PART-PUMP" }, Array.Empty<string>(), 2, 10).SetName("Two segments, second page");
        yield return new TestCaseData(delta, null, new[] { "专精特新" }, 1, 10).SetName("Tagged, in the delta");
    }

    [TestCaseSource(nameof(Lists))]
    public async Task A_page_holds_the_same_targets_in_the_same_order_as_ranking_every_matching_company(
        string[]? scope, string[]? segments, string[] tags, int page, int pageSize)
    {
        var filter = new TargetFilter([chain], segments, scope, "范围", tags, null, page, pageSize, 0);

        var result = await discovery.FindTargetsAsync(filter, CancellationToken.None);
        var expected = await RankEverythingAsync(segments ?? Segments, scope, tags);

        Assert.That(result.Items.Select(t => (t.Company.Id, t.Score.Total, t.Gap.Segment.Code)),
            Is.EqualTo(expected.Skip((page - 1) * pageSize).Take(pageSize).Select(r => (r.Id, r.Score, r.Segment))));
        Assert.That(result.Total, Is.EqualTo(expected.Count));
    }

    [TestCase(null)]
    [TestCase("310000,320000,330000,340000")]
    public async Task The_investment_map_shows_the_best_targets_of_each_segment_with_its_sub_segments(string? scopeText)
    {
        var scope = scopeText?.Split(',');

        var map = await discovery.BuildMapAsync(chain, scope, 3, 0, CancellationToken.None);

        foreach (var segment in map.Segments)
        {
            var own = chain.Segments.Where(s => s.Code == segment.Gap.Segment.Code || s.ParentCode == segment.Gap.Segment.Code).Select(s => s.Code).ToArray();
            var expected = await RankEverythingAsync(own, scope, []);
            Assert.That(segment.TopTargets.Select(t => (t.Company.Id, t.Score.Total)), Is.EqualTo(expected.Take(3).Select(r => (r.Id, r.Score))), segment.Gap.Segment.Code);
        }
    }

    [Test]
    public async Task Equal_scores_rank_the_stronger_company_first_then_by_name_not_by_id_and_the_reasons_say_so()
    {
        var place = TestData.Regions.Place("230102");
        CompanyRecord Record(string name, double strength) => new(
            $"n:{name}", null, name, ChineseText.NormalizeCompanyName(name), "230102", place.Province, place.City, place.County,
            null, null, null, null, null, [], null, null, strength, [new SegmentMembership("T1-SVC", "maker", 1.0, "tie", "tie.csv")]);

        // 0.3 × 44.46 = 13.338 and 0.3 × 44.47 = 13.341 both round to 13.34.
        var outcomes = await store.UpsertCompaniesAsync([Record("同分甲", 44.46), Record("同分乙", 44.47), Record("同分丙", 44.46)], new ImportStamp("imp-tie", "tie.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        factory.Services.GetRequiredService<DiscoveryCache>().Clear();

        var page = await discovery.FindTargetsAsync(new TargetFilter([chain], ["T1-SVC"], ["230000"], "黑龙江省", [], null, 1, 10, 0), CancellationToken.None);

        Assert.That(page.Items.Select(t => t.Company.Name), Is.EqualTo(new[] { "同分乙", "同分丙", "同分甲" }), "丙 (U+4E19) comes before 甲 (U+7532)");
        Assert.That(page.Items.Select(t => t.Score.Total).Distinct().Count(), Is.EqualTo(1));
        Assert.That(outcomes[0].CompanyId, Is.LessThan(outcomes[2].CompanyId), "甲 has the lower id and still comes after 丙");
        Assert.That(page.Items[1].Reasons, Has.Some.Contains("与第 1 名「同分乙」同分").And.Some.Contains("企业实力 44.46 低于其 44.47"));
        Assert.That(page.Items[2].Reasons, Has.Some.Contains("与第 2 名「同分丙」同分").And.Some.Contains("按企业名称（Unicode 顺序）排在其后"));
    }

    [Test]
    public async Task A_company_of_a_lower_gap_priority_that_ties_with_the_last_place_is_still_read()
    {
        // Chain T2: home makes only 整车 (优势), so 部件 (空白, supplies 整车) has priority 40 and 服务 (空白, buys from 整车) 36.
        await store.SaveChainAsync(TestData.SmallChain("T2", "测试二链"), CancellationToken.None);
        var home = TestData.Regions.Place("421303");
        var far = TestData.Regions.Place("230102");
        CompanyRecord Record(string name, string segment, double strength, bool atHome = false)
        {
            var (code, place) = atHome ? ("421303", home) : ("230102", far);
            return new(
                $"n:{name}", null, name, ChineseText.NormalizeCompanyName(name), code, place.Province, place.City, place.County,
                null, null, null, null, null, [], null, null, strength, [new SegmentMembership(segment, "maker", 1.0, "t2", "t2.csv")]);
        }

        // Five 部件 companies score 40 + 15 = 55; 服务 at 63.32 scores 36 + 19.00 = 55 too and is stronger; 服务 at 63.3 scores 54.99.
        await store.UpsertCompaniesAsync(
            [
                .. Enumerable.Range(1, 4).Select(i => Record($"二链整车{i}", "T2-VEH", 30, atHome: true)),
                .. Enumerable.Range(1, 5).Select(i => Record($"二链部件{i}", "T2-PART", 50)),
                Record("二链服务强", "T2-SVC", 63.32),
                Record("二链服务弱", "T2-SVC", 63.3),
            ],
            new ImportStamp("imp-t2", "t2.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        factory.Services.GetRequiredService<ChainDirectory>().Invalidate();
        factory.Services.GetRequiredService<DiscoveryCache>().Clear();
        var t2 = (await factory.Services.GetRequiredService<ChainDirectory>().GetDefinitionAsync("T2", CancellationToken.None))!;

        var page = await discovery.FindTargetsAsync(new TargetFilter([t2], ["T2-PART", "T2-SVC"], ["230000"], "黑龙江省", [], null, 1, 5, 0), CancellationToken.None);

        Assert.That(page.Items.Select(t => t.Gap.Priority).Distinct(), Is.EquivalentTo(new[] { 40.0, 36.0 }), "the priorities this test is built on");
        Assert.That(page.Items.Select(t => t.Company.Name), Is.EqualTo(new[] { "二链服务强", "二链部件1", "二链部件2", "二链部件3", "二链部件4" }));
        Assert.That(page.Items.Select(t => t.Score.Total), Is.All.EqualTo(55.0));
        Assert.That(page.Total, Is.EqualTo(7));
    }

    [Test]
    public async Task Introduction_paths_are_kept_with_the_tie_index_and_found_anew_after_it_is_refreshed()
    {
        var place = TestData.Regions.Place("150102");
        var outcome = await store.UpsertCompaniesAsync(
            [new CompanyRecord("n:呼市服务公司", null, "呼市服务公司", "呼市服务公司", "150102", place.Province, place.City, place.County,
                null, null, null, null, null, [], null, null, 20, [new SegmentMembership("T1-SVC", "maker", 1.0, "paths", "paths.csv")])],
            new ImportStamp("imp-paths", "paths.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var cache = factory.Services.GetRequiredService<DiscoveryCache>();
        cache.Clear();
        var filter = new TargetFilter([chain], ["T1-SVC"], ["150000"], "内蒙古自治区", [], null, 1, 10, 3);

        var before = await discovery.FindTargetsAsync(filter, CancellationToken.None);
        await store.SaveRelationsAsync([new CompanyRelation(outcome[0].CompanyId, graph.Ids["H1"], CompanyRelationKind.Supplies, null, "paths")], CancellationToken.None);
        var kept = await discovery.FindTargetsAsync(filter, CancellationToken.None);

        // The relation was written past the service (not noted), so a first page kept in the store (ADR 0295) would still
        // be served as current once the caches are dropped: the kept answers are dropped too.
        await factory.ForgetDiscoveryAsync();
        var refreshed = await discovery.FindTargetsAsync(filter, CancellationToken.None);

        Assert.That(before.Items.Single().Paths, Is.Empty);
        Assert.That(kept.Items.Single().Paths, Is.Empty, "paths are reused while the tie index is");
        Assert.That(refreshed.Items.Single().Paths.Single().Steps.Single().To.Id, Is.EqualTo(graph.Ids["H1"]));
        Assert.That(refreshed.Items.Single().Score.Links, Is.EqualTo(10));
    }

    [Test]
    public async Task Companies_without_a_county_code_are_targets_too()
    {
        // 东莞 (441900) has no county level, so its companies carry a city but no county.
        var page = await discovery.FindTargetsAsync(new TargetFilter([chain], null, ["441900"], "东莞市", [], null, 1, 100, 0), CancellationToken.None);

        Assert.That(page.Items, Is.Not.Empty);
        Assert.That(page.Items.Select(t => (t.Company.CityCode, t.Company.CountyCode)), Is.All.EqualTo(("441900", (string?)null)));
    }

    /// <summary>Every matching company, scored for its best segment, in the documented order.</summary>
    private async Task<List<(long Id, double Score, string Segment)>> RankEverythingAsync(IReadOnlyCollection<string> segments, IReadOnlyCollection<string>? scope, IReadOnlyList<string> tags)
    {
        var gaps = (await discovery.AnalyseAsync(chain, CancellationToken.None)).Segments.ToDictionary(g => g.Segment.Code);
        var ties = (await HomeTies.LoadAsync(store, DiscoveryGraph.HomeCodes, CancellationToken.None)).ToDictionary(t => t.CompanyId);
        var all = await store.FindTargetCandidatesAsync(new TargetCandidateQuery(segments, scope, DiscoveryGraph.HomeCodes, tags, null, 100_000), CancellationToken.None);
        var companies = (await store.GetCompaniesAsync(all.Candidates.Select(c => c.CompanyId).Distinct().ToList(), CancellationToken.None)).ToDictionary(c => c.Id);
        string? ChainOf(string code) => gaps.TryGetValue(code, out var g) ? g.Segment.ChainCode : null;
        double Part(TargetCandidate c) => TargetScoring.GapPart(gaps[c.SegmentCode].Priority, TargetScoring.FitOf(companies[c.CompanyId], gaps[c.SegmentCode].Segment, ChainOf).Value);
        return all.Candidates
            .GroupBy(c => c.CompanyId)
            .Select(g => g.OrderByDescending(Part).ThenBy(c => c.SegmentCode, StringComparer.Ordinal).First())
            .Select(c => (c.CompanyId, c.Strength, c.SegmentCode, Score: TargetScoring.Score(Part(c), c.Strength, ties.GetValueOrDefault(c.CompanyId)).Total,
                Company: companies[c.CompanyId]))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Strength).ThenByDescending(c => TargetScoring.Assess(c.Company).Signals)
            .ThenBy(c => c.Company.Name, StringComparer.Ordinal).ThenBy(c => c.CompanyId)
            .Select(c => (c.CompanyId, c.Score, c.SegmentCode))
            .ToList();
    }
}
