using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Api.Targets;
using ChainMap.Api.Teams;
using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Api;

/// <summary>Target lists, team lists and the investment map over the hand-made <see cref="DiscoveryGraph"/>.</summary>
public sealed class TargetApiTests
{
    private static readonly string[] YangtzeDelta = ["310000", "320000", "330000", "340000"];
    private ChainMapApiFactory factory = null!;
    private HttpClient client = null!;
    private DiscoveryGraph graph = null!;

    [OneTimeSetUp]
    public async Task BuildGraph()
    {
        factory = new ChainMapApiFactory(seed: false);
        graph = await BuildAsync(factory);
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    internal static async Task<DiscoveryGraph> BuildAsync(ChainMapApiFactory factory)
    {
        var services = factory.Services;
        var built = await DiscoveryGraph.BuildAsync(services.GetRequiredService<IChainMapStore>());
        services.GetRequiredService<RegionDirectory>().Invalidate();
        services.GetRequiredService<ChainDirectory>().Invalidate();
        services.GetRequiredService<DiscoveryCache>().Clear();
        return built;
    }

    private async Task<TargetPageResponse> GetPageAsync(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TargetPageResponse>())!;
    }

    private async Task<ProblemDetails> GetProblemAsync(string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    [Test]
    public async Task Lists_and_maps_say_when_their_gap_ratings_and_ties_were_read_and_whether_a_refresh_is_running()
    {
        var cache = factory.Services.GetRequiredService<DiscoveryCache>();
        await client.GetStringAsync(new Uri("/api/targets?chain=T1", UriKind.Relative));
        await cache.RefreshesAsync();
        var before = DateTimeOffset.UtcNow;

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/targets?chain=T1", UriKind.Relative)));
        using var map = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/chains/T1/investment-map?top=1", UriKind.Relative)));

        Assert.That(list.RootElement.GetProperty("stale").GetBoolean(), Is.False);
        Assert.That(list.RootElement.GetProperty("asOf").GetDateTimeOffset(), Is.LessThanOrEqualTo(before), "read before this request, kept");
        Assert.That(map.RootElement.GetProperty("stale").GetBoolean(), Is.False);
        Assert.That(map.RootElement.TryGetProperty("asOf", out var mapAsOf) && mapAsOf.ValueKind == JsonValueKind.String, Is.True);
    }

    [Test]
    public async Task Targets_are_ranked_by_gap_strength_links_and_channels()
    {
        var page = await GetPageAsync("/api/targets?chain=T1&region=长三角&pageSize=20");

        // D: 服务 extends a local strength (36) + customer of H1 (8) + member of a home-tied chamber (10);
        // C: 部件 is weak and supplies the strong 整车 (34) + a chamber with a home member (7);
        // B: 原料 is missing (30) + supplier of H5 (10); G: 液压泵 missing (30) + ambassador (10);
        // A: 原料 (30) + the strongest company; P: 部件 (34) alone; F: 整车 is strong here (6).
        Assert.That(page.Items.Select(t => graph.KeyOf(t.CompanyId)), Is.EqualTo(new[] { "D", "C", "B", "G", "A", "P", "F" }));
        Assert.That(page.Items.Select(t => t.Rank), Is.EqualTo(Enumerable.Range(1, 7)));
        Assert.That(page.Total, Is.EqualTo(7));
        Assert.That(page.Items.Select(t => t.Score), Is.Ordered.Descending);

        var d = page.Items[0];
        Assert.That(d.ScoreParts, Is.EqualTo(new ScorePartsResponse(36, d.ScoreParts.Strength, 8, 10)));
        Assert.That(d.Segment.Action, Is.EqualTo("extend"));
        Assert.That(d.Score, Is.EqualTo(Math.Round(36 + d.ScoreParts.Strength + 8 + 10, 2)));
        Assert.That(d.HomeLinks.Single().Relation, Is.EqualTo("customer-of"));
        Assert.That(d.Reasons, Has.Some.Contains("下游顺藤摸瓜"));
        Assert.That(d.Reasons, Has.Some.Contains("是随州市企业「随州整车一厂」的客户"));
        Assert.That(d.Reasons, Has.Some.Contains("上海随州商会"));

        var c = page.Items[1];
        Assert.That((c.ScoreParts.Gap, c.ScoreParts.Links, c.ScoreParts.Channels), Is.EqualTo((34.0, 0.0, 7.0)));
        Assert.That(c.Segment.Rating, Is.EqualTo("weak"));
        Assert.That(c.Reasons[0], Does.Contain("上游追根溯源"));
        Assert.That(c.Reasons, Has.Some.Contains("专精特新"));

        var b = page.Items[2];
        Assert.That((b.ScoreParts.Gap, b.ScoreParts.Links), Is.EqualTo((30.0, 10.0)));
        Assert.That(b.Reasons, Has.Some.Contains("是随州市企业「随州部件厂」的供应商，可请其牵线（以商招商）"));
        Assert.That(page.Items[^1].Segment.Rating, Is.EqualTo("strong"));
    }

    [Test]
    public async Task Every_target_of_a_region_group_lies_inside_it_and_none_at_home()
    {
        var delta = await GetPageAsync("/api/targets?chain=T1&region=长三角&pageSize=100");
        var everywhere = await GetPageAsync("/api/targets?region=&pageSize=100");

        Assert.That(delta.Items.Select(t => t.ProvinceCode), Is.All.AnyOf(YangtzeDelta));
        Assert.That(delta.Region.Kind, Is.EqualTo("group"));
        Assert.That(everywhere.Items.Select(t => t.CityCode), Has.None.EqualTo("421300"));
        Assert.That(everywhere.Total, Is.EqualTo(8), "every chain company outside 随州");
    }

    [Test]
    public async Task A_region_that_contains_the_home_region_lists_only_the_companies_outside_it()
    {
        var page = await GetPageAsync("/api/targets?chain=測試鏈&region=湖北省&pageSize=100");

        Assert.That(page.ChainName, Is.EqualTo("测试链"), "chain names match in either script");
        Assert.That(page.Items.Select(t => graph.KeyOf(t.CompanyId)), Is.EqualTo(new[] { "E" }));
        Assert.That(page.Items.Single().Paths, Is.Empty, "E reaches home only in four steps");
    }

    [Test]
    public async Task Targets_carry_their_introduction_paths_with_labelled_steps()
    {
        var page = await GetPageAsync("/api/targets?chain=T1&region=长三角&pageSize=20&paths=3");
        var byKey = page.Items.ToDictionary(t => graph.KeyOf(t.CompanyId));

        var a = byKey["A"].Paths.Single();
        Assert.That(a.Hops, Is.EqualTo(3));
        Assert.That(a.Steps.Select(s => s.Label), Is.EqualTo(new[] { "苏州原料集团 是 苏州行业协会 的会员", "苏州贸易公司 是 苏州行业协会 的会员", "苏州贸易公司 向 随州整车二厂 供货" }));
        Assert.That(a.Steps[^1].To.IsHome, Is.True);
        Assert.That(byKey["G"].Paths.Single().Steps.Single().Label, Is.EqualTo("王某（招商大使） 是 常州液压泵公司 的高管"));
        Assert.That(byKey["D"].Paths, Has.Count.EqualTo(2));
        Assert.That(byKey["D"].Paths[0].Steps.Single().Direction, Is.EqualTo("backward"), "H1 supplies D: the stored relation runs to the target");
        Assert.That(byKey["P"].Paths, Is.Empty);
        Assert.That(byKey["A"].Reasons[^1], Does.StartWith("最佳引荐路径：苏州原料集团 → 苏州行业协会 → 苏州贸易公司 → 随州整车二厂"));

        var none = await GetPageAsync("/api/targets?chain=T1&region=长三角&paths=0");
        Assert.That(none.Items.SelectMany(t => t.Paths), Is.Empty);
    }

    [Test]
    public async Task Paging_is_stable_and_consistent_with_the_total()
    {
        var whole = await GetPageAsync("/api/targets?chain=T1&region=长三角&pageSize=100&paths=0");
        var pages = new List<TargetResponse>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await GetPageAsync($"/api/targets?chain=T1&region=长三角&page={p}&pageSize=3&paths=0");
            Assert.That(page.Total, Is.EqualTo(whole.Total));
            pages.AddRange(page.Items);
        }

        Assert.That(pages.Select(t => (t.CompanyId, t.Rank, t.Score)), Is.EqualTo(whole.Items.Select(t => (t.CompanyId, t.Rank, t.Score))));
        var again = await GetPageAsync("/api/targets?chain=T1&region=长三角&page=2&pageSize=3&paths=0");
        Assert.That(again.Items.Select(t => t.CompanyId), Is.EqualTo(pages.Skip(3).Take(3).Select(t => t.CompanyId)));
    }

    [Test]
    public async Task Filters_narrow_by_segment_tier_tags_and_capital()
    {
        var parts = await GetPageAsync("/api/targets?chain=T1&segment=部件&pageSize=100");
        var upstream = await GetPageAsync("/api/targets?chain=T1&tier=上游&pageSize=100");
        var tagged = await GetPageAsync("/api/targets?chain=T1&tags=专精特新,上市&pageSize=100");
        var rich = await GetPageAsync("/api/targets?chain=T1&minCapital=50000&pageSize=100");

        Assert.That(parts.Items.Select(t => graph.KeyOf(t.CompanyId)), Is.EquivalentTo(new[] { "C", "P", "G" }), "a parent segment includes its sub-segments");
        Assert.That(upstream.Items.Select(t => t.Segment.Code), Is.All.EqualTo("T1-RAW"));
        Assert.That(tagged.Items.Select(t => graph.KeyOf(t.CompanyId)), Is.EquivalentTo(new[] { "A", "C" }));
        Assert.That(rich.Items.Select(t => graph.KeyOf(t.CompanyId)), Is.EquivalentTo(new[] { "A", "E", "F" }));
    }

    [Test]
    public async Task An_empty_result_is_an_empty_list_with_a_reason()
    {
        var tibet = await GetPageAsync("/api/targets?chain=T1&region=西藏");
        var tagged = await GetPageAsync("/api/targets?chain=T1&region=长三角&tags=500强");
        var beyond = await GetPageAsync("/api/targets?chain=T1&region=长三角&page=5&pageSize=20");

        Assert.That(tibet.Items, Is.Empty);
        Assert.That(tibet.Total, Is.Zero);
        Assert.That(tibet.Reason, Does.Contain("西藏自治区").And.Contain("测试链"));
        Assert.That(tagged.Reason, Does.Contain("500强").And.Contain("有 7 家"));
        Assert.That(beyond.Items, Is.Empty);
        Assert.That(beyond.Reason, Does.Contain("共 7 家"));
    }

    [TestCase("/api/targets?chain=NOPE", "NOPE")]
    [TestCase("/api/targets?chain=T1&region=火星", "火星")]
    [TestCase("/api/targets?chain=T1&segment=XYZ", "XYZ")]
    [TestCase("/api/chains/NOPE/investment-map", "NOPE")]
    [TestCase("/api/chains/T1/investment-map?region=火星", "火星")]
    [TestCase("/api/teams/nope/targets", "nope")]
    [TestCase("/api/teams/lost/targets", "不存在的区域")]
    public async Task Unknown_names_are_404_naming_them(string url, string named)
    {
        var problem = await GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.That(problem.Detail, Does.Contain(named));
    }

    [TestCase("/api/targets?chain=T1&pageSize=0", "pageSize")]
    [TestCase("/api/targets?chain=T1&pageSize=101", "pageSize")]
    [TestCase("/api/targets?chain=T1&page=0", "page")]
    [TestCase("/api/targets?chain=T1&page=200&pageSize=100", "10000")]
    [TestCase("/api/targets?chain=T1&tier=sideways", "sideways")]
    [TestCase("/api/targets?chain=T1&paths=9", "paths")]
    [TestCase("/api/targets?chain=T1&minCapital=-5", "minCapital")]
    [TestCase("/api/teams/csj/targets?pageSize=500", "pageSize")]
    [TestCase("/api/chains/T1/investment-map?top=99", "top")]
    public async Task Out_of_range_parameters_are_400(string url, string named)
    {
        var problem = await GetProblemAsync(url, HttpStatusCode.BadRequest);

        Assert.That(problem.Detail, Does.Contain(named));
    }

    [Test]
    public async Task A_team_gets_the_target_list_of_its_region_group()
    {
        var teams = await client.GetFromJsonAsync<List<ResidentTeamResponse>>("/api/teams");
        var team = await GetPageAsync("/api/teams/csj/targets?chain=T1&pageSize=50");
        var direct = await GetPageAsync("/api/targets?chain=T1&region=长三角&pageSize=50");

        Assert.That(teams!.Select(t => t.Id), Is.EqualTo(new[] { "csj", "lost" }));
        Assert.That(teams![0].Members.Select(m => m.Code), Is.EqualTo(YangtzeDelta));
        Assert.That(team.Region.Name, Is.EqualTo("长三角"));
        Assert.That(team.Items.Select(t => (t.CompanyId, t.Score)), Is.EqualTo(direct.Items.Select(t => (t.CompanyId, t.Score))));
        Assert.That(team.Total, Is.EqualTo(direct.Total));
    }

    [Test]
    public async Task The_investment_map_rates_every_segment_and_shows_targets_and_where_companies_are()
    {
        var map = await client.GetFromJsonAsync<InvestmentMapResponse>("/api/chains/测试链/investment-map?top=3");
        var delta = await client.GetFromJsonAsync<InvestmentMapResponse>("/api/chains/T1/investment-map?region=长三角&top=3");
        var segments = map!.Segments.ToDictionary(s => s.Code);

        Assert.That(map.Segments.Select(s => s.Code), Is.EqualTo(new[] { "T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC" }));
        Assert.That((segments["T1-VEH"].Rating, segments["T1-VEH"].Action), Is.EqualTo(("strong", "consolidate")));
        Assert.That((segments["T1-PART"].Rating, segments["T1-PART"].Action), Is.EqualTo(("weak", "strengthen")));
        Assert.That(segments["T1-PART"].SuppliesStrong, Is.EqualTo(new[] { "T1-VEH" }));
        Assert.That((segments["T1-SVC"].Rating, segments["T1-SVC"].Action), Is.EqualTo(("missing", "extend")));
        Assert.That((segments["T1-RAW"].Rating, segments["T1-RAW"].Action), Is.EqualTo(("missing", "fill")));
        Assert.That(segments["T1-PART"].Local.Companies, Is.EqualTo(1));
        Assert.That(segments["T1-PART"].Elsewhere.Companies, Is.EqualTo(3), "C, P and the sub-segment's G");
        Assert.That(segments["T1-PART"].TopTargets.Select(t => graph.KeyOf(t.CompanyId)), Is.EqualTo(new[] { "C", "G", "P" }));
        Assert.That(segments["T1-SVC"].TopTargets.Single().Name, Is.EqualTo("上海服务公司"));
        Assert.That(segments["T1-RAW"].Provinces.Select(p => (p.Code, p.Companies)), Is.EqualTo(new[] { ("320000", 2), ("420000", 1) }));
        Assert.That(segments["T1-RAW"].Cities.Select(p => p.Name), Is.EquivalentTo(new[] { "江苏省苏州市", "江苏省无锡市", "湖北省武汉市" }));
        Assert.That(map.Summary.Single(s => s.Rating == "missing").Segments, Is.EqualTo(3));
        Assert.That(delta!.Segments.Single(s => s.Code == "T1-RAW").Provinces.Select(p => p.Code), Is.EqualTo(new[] { "320000" }));
        Assert.That(delta.Segments.SelectMany(s => s.TopTargets).Select(t => t.ProvinceCode), Is.All.AnyOf(YangtzeDelta));
    }
}
