using System.Net.Http.Json;
using System.Text;
using ChainMap.Api.Targets;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using ChainMap.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// The fit of a target to its segment (ADR 0225), on SQLite and on Neo4j: a real-style list without capital or revenue
/// (企业名称, 省份, 所属行业, 主营产品, 股票代码) imported alone and reviewed, plus companies a segment column placed. Main products
/// that lie in the segment, earlier in the revenue order, rank a company higher; a pure-play ranks above a group whose
/// other business lies in another chain; each says so in its reasons with the points.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("neo4j")]
public sealed class FitRankingTests(string storeKind)
{
    private const string List = """
        企业名称,省份,所属行业,主营产品,股票代码
        浙江甲一科技股份有限公司,浙江,轮胎轮毂,铝合金轮毂、钢制车轮、轮辋、模具,600901
        浙江乙二科技股份有限公司,浙江,轮胎轮毂,模具、压铸件、铝合金轮毂、加工费,600902
        """;

    private RealListStore list = null!;

    [OneTimeSetUp]
    public async Task ImportAsync()
    {
        Dictionary<string, string?>? settings = null;
        if (storeKind == "neo4j")
        {
            settings = Neo4jTestServer.Configuration();
            await using var services = Neo4jTestServer.CreateServices();
            await Neo4jTestServer.WipeAsync(services);
        }

        await using (var csv = new MemoryStream(Encoding.UTF8.GetBytes(List)))
        {
            list = await RealListStore.ImportAloneAsync(csv, "fit.csv", 2, settings);
        }

        // Placed by a segment column (confidence 1, no classifier evidence): the same strength, the same segment.
        var place = TestData.Regions.Place("320102");
        CompanyRecord Record(string name, params string[] segments) => new(
            $"n:{name}", null, name, ChineseText.NormalizeCompanyName(name), "320102", place.Province, place.City, place.County,
            null, null, null, null, null, [], null, null, 14, [.. segments.Select(s => new SegmentMembership(s, "maker", 1.0, "segment column", "focus.csv"))]);
        await list.Services.GetRequiredService<IChainMapStore>().UpsertCompaniesAsync(
            [Record("江苏专一轮毂有限公司", "ZQ-TIRE"), Record("江苏兼营轮毂集团有限公司", "ZQ-TIRE", "SW-CHEM"), Record("江苏同链两环节有限公司", "ZQ-TIRE", "ZQ-CHASSIS")],
            new ImportStamp("imp-focus", "focus.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        RealListStore.Refresh(list.Services);
    }

    [OneTimeTearDown]
    public void Dispose() => list?.Dispose();

    [Test]
    public async Task More_of_the_main_products_in_the_segment_and_earlier_in_the_revenue_order_rank_higher()
    {
        var items = await TargetsAsync();
        var first = items.Single(t => t.Name == "浙江甲一科技股份有限公司");
        var later = items.Single(t => t.Name == "浙江乙二科技股份有限公司");

        Assert.That((first.Segment.Code, later.Segment.Code), Is.EqualTo(("ZQ-TIRE", "ZQ-TIRE")));
        Assert.That(first.Score, Is.GreaterThan(later.Score));
        Assert.That(first.Rank, Is.LessThan(later.Rank));
        Assert.That(Fit(first), Does.Contain("主营产品：4 项中第 1、2、3 项属本环节"));
        Assert.That(Fit(later), Does.Contain("主营产品：4 项中第 3 项属本环节"));
        Assert.That(first.ScoreParts.Strength, Is.EqualTo(later.ScoreParts.Strength), "both main board: the difference is the fit");
    }

    [Test]
    public async Task A_pure_play_ranks_above_a_group_whose_other_business_is_in_another_chain()
    {
        var items = await TargetsAsync();
        var pure = items.Single(t => t.Name == "江苏专一轮毂有限公司");
        var sideLine = items.Single(t => t.Name == "江苏兼营轮毂集团有限公司");
        var sameChain = items.Single(t => t.Name == "江苏同链两环节有限公司");

        Assert.That(pure.Score, Is.GreaterThan(sideLine.Score));
        Assert.That(pure.Rank, Is.LessThan(sideLine.Rank));
        Assert.That(sameChain.Score, Is.EqualTo(pure.Score), "two segments of the same chain are no side line");
        Assert.That(Fit(pure), Does.Contain("专注度 1（只归入本产业链）"));
        Assert.That(Fit(sideLine), Does.Contain("专注度 0.5（已确认的 2 个环节中 1 个属本产业链"));
        Assert.That(Fit(sameChain), Does.Contain("专注度 1（已确认的 2 个环节中 2 个属本产业链"));
        Assert.That(Fit(pure), Does.Contain("主营产品：由名单的环节列或分析师直接归入，按 1 计"));
    }

    [Test]
    public async Task The_fit_sentence_gives_each_part_its_points_and_they_add_up_to_the_gap_part()
    {
        foreach (var target in await TargetsAsync())
        {
            var fit = Fit(target);
            var points = System.Text.RegularExpressions.Regex.Matches(fit, @"(基础|匹配度|主营产品|专注度) ([0-9.]+) 分")
                .Select(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.That(points, Has.Count.EqualTo(4), fit);
            Assert.That(points.Sum(), Is.EqualTo(target.ScoreParts.Gap).Within(0.03), fit);
            Assert.That(fit, Does.Contain($"= {target.ScoreParts.Gap.ToString(System.Globalization.CultureInfo.InvariantCulture)}"), fit);
        }
    }

    [TestCase("轮毂、车轮、轮辋", 1.0)]
    [TestCase("轮毂、模具、加工费", 1.0 / 2.8)]
    [TestCase("模具、加工费、轮毂", 0.8 / 2.8)]
    [TestCase("模具、加工费、压铸件、涂装、电镀、抛光、轮毂", 0.5 / 5.3)]
    [TestCase("模具、加工费", 0.0)]
    [TestCase(null, 0.0)]
    public void The_product_share_weighs_items_by_their_revenue_order(string? products, double share)
    {
        Assert.That(TargetScoring.ProductShare(products, "产品: 轮毂、车轮、轮辋; 行业: 轮毂; 独立依据: 产品 0.50 + 行业 0.55", null), Is.EqualTo(share).Within(1e-9));
        Assert.That(TargetScoring.ProductShare(products, "名称: 轮毂; 独立依据: 名称 0.28", null), Is.Zero, "no product word found: no share");
    }

    private async Task<List<TargetResponse>> TargetsAsync()
    {
        var page = await list.Client.GetFromJsonAsync<TargetPageResponse>("/api/targets?chain=ZQ&region=长三角&pageSize=50&paths=0");
        return page!.Items.ToList();
    }

    private static string Fit(TargetResponse target) => target.Reasons.Single(r => r.StartsWith("环节匹配度", StringComparison.Ordinal));
}
