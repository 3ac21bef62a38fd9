using ChainMap.Chains;
using ChainMap.Curation;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using ChainMap.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// The same writes on SQLite and on the Neo4j test server give the same target lists and investment maps (ADRs 0250
/// and 0270: on Neo4j the candidates come from a candidate index and the statistics and place counts from segment
/// counts that every write keeps): the hand-made graph plus 600 generated companies, then analysts' edits, curation,
/// reclassification, a merge, a delete and a second import, with the lists compared (targets, order, scores, segments,
/// totals) and the maps (gap figures and ratings, candidates, top targets, provinces and cities, in three scopes) after
/// the import and after the other writes.
/// </summary>
public sealed class Neo4jTargetParityTests
{
    private static readonly string[] Places = ["320505", "320213", "320102", "320500", "310101", "330106", "340104", "420102", "441900", "421303", "110105"];
    private static readonly string[] Segments = ["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC"];
    private static readonly DateTimeOffset At = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private ChainMapApiFactory sqlite = null!;
    private ChainMapApiFactory neo4j = null!;

    [OneTimeSetUp]
    public async Task StartBothAsync()
    {
        await using (var services = Neo4jTestServer.CreateServices())
        {
            await Neo4jTestServer.WipeAsync(services);
        }

        sqlite = new ChainMapApiFactory(seed: false);
        neo4j = new ChainMapApiFactory(seed: false, settings: Neo4jTestServer.Configuration());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        sqlite?.Dispose();
        neo4j?.Dispose();
    }

    [Test]
    public async Task Neo4j_lists_and_maps_equal_the_sqlite_ones_after_imports_edits_and_curation()
    {
        var graphs = new[] { await ImportAsync(sqlite), await ImportAsync(neo4j) };
        await AssertSameListsAsync("after the import");

        await WriteAsync(sqlite, graphs[0]);
        await WriteAsync(neo4j, graphs[1]);
        await AssertSameListsAsync("after edits, curation, reclassification, a merge, a delete and a second import");
    }

    private static readonly string[] Delta = ["310000", "320000", "330000", "340000"];

    /// <summary>The lists compared: scope, segments, tags, minimum capital, page and page size (chain T1, no paths).</summary>
    internal static readonly (string[]? Scope, string[]? Segments, string[] Tags, decimal? MinCapital, int Page, int PageSize)[] Filters =
    [
        (null, null, [], null, 1, 30),
        (Delta, null, [], null, 1, 50),
        (Delta, null, [], null, 3, 20),
        (["320500", "441900"], null, [], null, 1, 30),
        (null, ["T1-PART", "T1-PART-PUMP"], [], null, 2, 10),
        (Delta, null, ["专精特新"], null, 1, 20),
        (null, null, [], 5_000m, 1, 25),
    ];

    /// <summary>A target list of <see cref="Filters"/>.</summary>
    internal static TargetFilter List(ChainDefinition chain, int filter)
    {
        var (scope, segments, tags, minCapital, page, pageSize) = Filters[filter];
        return new TargetFilter([chain], segments, scope, "范围", tags, minCapital, page, pageSize, 0);
    }

    /// <summary>What a list shows that the ranking decides: rank, company, score and segment of each target.</summary>
    internal static IEnumerable<(int Rank, string Name, double Score, string Segment)> Ranked(TargetPage page) =>
        page.Items.Select(t => (t.Rank, t.Company.Name, t.Score.Total, t.Gap.Segment.Code));

    /// <summary>
    /// The ties each target's reasons name (read for the page shown, ADR 0385): home companies by name, kind and direction,
    /// channels by name, kind, role and steps to home; store ids differ between the stores, so none is compared.
    /// </summary>
    internal static IEnumerable<string> Tied(TargetPage page) =>
        page.Items.Select(t => string.Join(
            ";",
            (t.Ties?.Relations ?? []).Select(r => $"{r.HomeCompanyName}/{r.Kind}/{r.OutsideIsFrom}")
                .Concat((t.Ties?.Channels ?? []).Select(c => $"{c.ChannelName}/{c.Kind}/{c.Role}/{c.HopsToHome}"))
                .Order(StringComparer.Ordinal)));

    /// <summary>The hand-made graph and 600 generated companies in five segments of T1, eleven places, some with two segments or tags.</summary>
    internal static async Task<(DiscoveryGraph Graph, List<long> Generated)> ImportAsync(ChainMapApiFactory factory)
    {
        var store = factory.Services.GetRequiredService<IChainMapStore>();
        var graph = await DiscoveryGraph.BuildAsync(store);
        var random = new Random(421300);
        var records = Enumerable.Range(0, 600).Select(i =>
        {
            var region = Places[random.Next(Places.Length)];
            var place = TestData.Regions.Place(region);
            var name = $"对照企业{i:D3}";
            var segments = random.Next(5) == 0 ? new[] { Segments[random.Next(5)], Segments[random.Next(5)] } : [Segments[random.Next(5)]];
            var capital = random.Next(1, 100) * 100m;
            var tags = random.Next(6) == 0 ? new[] { "专精特新" } : [];
            return new CompanyRecord(
                $"n:{name}", null, name, ChineseText.NormalizeCompanyName(name), region, place.Province, place.City, place.County,
                capital, null, null, null, null, tags, null, null, CompanyStrength.Score(capital, null, null, null, tags),
                segments.Distinct().Select(s => new SegmentMembership(s, "maker", 1.0, "parity", "parity.csv")).ToList());
        }).ToList();
        var outcomes = await store.UpsertCompaniesAsync(records, new ImportStamp("imp-parity", "parity.csv", At), CancellationToken.None);
        return (graph, outcomes.Select(o => o.CompanyId).ToList());
    }

    /// <summary>The same writes through every path that changes a company or its memberships.</summary>
    private static async Task WriteAsync(ChainMapApiFactory factory, (DiscoveryGraph Graph, List<long> Generated) written)
    {
        var store = factory.Services.GetRequiredService<IChainMapStore>();
        var (graph, generated) = written;
        var ct = CancellationToken.None;
        for (var i = 0; i < 40; i += 4)
        {
            var stored = (await store.GetCompanyForEditAsync(generated[i], ct))!;
            var edit = i % 8 == 0
                ? new CompanyEdit { Region = new EditedRegion("330106", "330000", "330100", "330106"), RegisteredCapital = new Given<decimal?>(9_000m + i) }
                : new CompanyEdit { Tags = ["专精特新", "上市"], RegisteredCapital = new Given<decimal?>(50m) };
            var decision = CompanyEditing.Apply(stored, edit, "analyst");
            Assert.That((await store.SaveCompanyEditAsync(decision.Company, stored.Version, decision.RegionChanged, At, ct)).Status, Is.EqualTo(CompanyWriteStatus.Written));
        }

        foreach (var id in generated.Skip(40).Take(10))
        {
            var company = (await store.GetCompanyAsync(id, ct))!;
            await store.SetMembershipStatusAsync(id, company.Memberships[0].SegmentCode, MembershipStatus.Unconfirmed, ct);
        }

        await store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(graph.Ids["F"], "T1-VEH", null),
            new MembershipWrite(graph.Ids["G"], "T1-VEH", new SegmentMembership("T1-VEH", "maker", 1.0, "analyst", MembershipSources.Analyst)),
            .. generated.Skip(50).Take(10).Select(id => new MembershipWrite(id, "T1-SVC", new SegmentMembership("T1-SVC", "maker", 1.0, "analyst", MembershipSources.Analyst))),
        ], new Dictionary<long, long>(), At, "analyst", ct);
        await store.ReplaceClassifiedMembershipsAsync(
            generated.Skip(60).Take(10).Select(id => new ClassifiedMemberships(id, [new SegmentMembership("T1-RAW", "maker", 0.9, "名称: 原料", "classifier:1")])).ToList(), ct);
        Assert.That((await store.MergeCompaniesAsync(graph.Ids["A"], generated[75], MergeExpectation.None, At, ct)).Merged, Is.True, "a company without a USCC merged into A");
        var deleted = (await store.GetCompanyForEditAsync(generated[70], ct))!;
        Assert.That((await store.DeleteCompanyAsync(deleted.Id, deleted.Version, ct)).Status, Is.EqualTo(CompanyWriteStatus.Written));

        var again = new List<CompanyRecord>();
        foreach (var id in generated.Skip(80).Take(10))
        {
            var c = (await store.GetCompanyAsync(id, ct))!;
            var place = TestData.Regions.Place(c.RegionCode);
            again.Add(new CompanyRecord(
                $"n:{c.Name}", null, c.Name, ChineseText.NormalizeCompanyName(c.Name), c.RegionCode, place.Province, place.City, place.County,
                77_700m, null, null, null, null, ["上市"], null, null, CompanyStrength.Score(77_700m, null, null, null, ["上市"]), []));
        }

        await store.UpsertCompaniesAsync(again, new ImportStamp("imp-parity-2", "parity2.csv", At), ct);
    }

    private async Task AssertSameListsAsync(string when)
    {
        var lists = new List<List<TargetPage>>();
        var coldLists = new List<List<TargetPage>>();
        var maps = new List<List<InvestmentMap>>();
        foreach (var factory in new[] { sqlite, neo4j })
        {
            factory.Services.GetRequiredService<RegionDirectory>().Invalidate();
            factory.Services.GetRequiredService<ChainDirectory>().Invalidate();
            // Written past the service (not noted): neither the caches nor the answers kept in the store (ADR 0295) may answer.
            await factory.ForgetDiscoveryAsync();
            var chain = (await factory.Services.GetRequiredService<ChainDirectory>().GetDefinitionAsync("T1", CancellationToken.None))!;
            var discovery = factory.Services.GetRequiredService<DiscoveryService>();
            var pages = new List<TargetPage>();
            for (var i = 0; i < Filters.Length; i++)
            {
                pages.Add(await discovery.FindTargetsAsync(List(chain, i), CancellationToken.None));
            }

            lists.Add(pages);

            // Each list again with the caches dropped: read from the store, not from the caches or a kept answer.
            var cold = new List<TargetPage>();
            for (var i = 0; i < Filters.Length; i++)
            {
                await factory.ForgetDiscoveryAsync();
                cold.Add(await discovery.FindTargetsAsync(List(chain, i), CancellationToken.None));
            }

            coldLists.Add(cold);
            var mapped = new List<InvestmentMap>();
            foreach (var scope in new string[]?[] { null, Delta, ["320500", "441900"] })
            {
                await factory.ForgetDiscoveryAsync();
                mapped.Add(await discovery.BuildMapAsync(chain, scope, 3, 0, CancellationToken.None));
            }

            maps.Add(mapped);
        }

        for (var i = 0; i < Filters.Length; i++)
        {
            var expected = lists[0][i];
            var list = $"{when}, list {i + 1}";
            Assert.That(expected.Items, Is.Not.Empty, list);
            foreach (var (actual, how) in new[] { (lists[1][i], "Neo4j"), (coldLists[0][i], "SQLite, caches dropped"), (coldLists[1][i], "Neo4j, caches dropped") })
            {
                Assert.That(Ranked(actual), Is.EqualTo(Ranked(expected)), $"{list}, {how}");
                Assert.That(actual.Total, Is.EqualTo(expected.Total), $"{list}, {how}");
                Assert.That(Tied(actual), Is.EqualTo(Tied(expected)), $"{list}, {how}: the ties its reasons name (ADR 0385)");
            }
        }

        Assert.That(lists[0].SelectMany(Tied).Count(t => t.Length > 0), Is.GreaterThan(1), $"{when}: the lists show tied targets");

        for (var i = 0; i < maps[0].Count; i++)
        {
            var (expected, actual) = (maps[0][i], maps[1][i]);
            var map = $"{when}, map {i + 1}";
            Assert.That(expected.Segments.Sum(s => s.Gap.Local.Companies + s.Gap.Elsewhere.Companies), Is.Positive, map);
            Assert.That(actual.Segments.Select(Describe), Is.EqualTo(expected.Segments.Select(Describe)), map);
        }

        static string Describe(MapSegment s) => string.Join(
            " | ",
            s.Gap.Segment.Code,
            FormattableString.Invariant($"{s.Gap.Local.Companies} {s.Gap.Local.RegisteredCapital:0.##} {s.Gap.Local.Strength:0.######}"),
            FormattableString.Invariant($"{s.Gap.Elsewhere.Companies} {s.Gap.Elsewhere.RegisteredCapital:0.##} {s.Gap.Elsewhere.Strength:0.######}"),
            s.Gap.Rating,
            s.Candidates,
            string.Join(',', s.TopTargets.Select(t => FormattableString.Invariant($"{t.Company.Name}:{t.Score.Total:0.######}"))),
            string.Join(',', s.Provinces.Select(p => p.ToString())),
            string.Join(',', s.Cities.Select(p => p.ToString())));
    }
}
