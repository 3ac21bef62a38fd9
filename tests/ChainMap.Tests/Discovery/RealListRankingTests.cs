using System.Net.Http.Json;
using ChainMap.Api.Companies;
using ChainMap.Api.Targets;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// Ranking on a real list alone (issue #19): a store holding only an extract of the real A-share list
/// (企业名称, 股票代码, 省份, 所属行业: no capital, revenue or staff) and no demo companies. The targets must be
/// ordered by evidence a user can read, not tied and left in file order.
/// </summary>
public sealed class RealListRankingTests
{
    private static readonly string Fixture = Path.Combine(
        Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Discovery", "Fixtures", "a-shares-vehicle-extract.csv");

    private RealListStore list = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task ImportTheRealListAloneAsync()
    {
        // The classifier's guesses from a securities label alone sit below the threshold: every one is confirmed, as the
        // analyst's review of such a list would (RealListStore).
        list = await RealListStore.ImportAloneAsync(Fixture, 200);
        client = list.Client;
    }

    [OneTimeTearDown]
    public void Dispose() => list?.Dispose();

    [Test]
    public async Task The_top_50_of_a_chain_in_a_region_group_follow_the_documented_tie_rule()
    {
        var page = await client.GetFromJsonAsync<TargetPageResponse>("/api/targets?chain=ZQ&region=长三角&pageSize=50&paths=0");

        // Most of the extract's 专汽 companies carry only 汽车配件 or 汽车整车, which name the chain, not a segment: they are
        // chain-level members (环节待定, ADR 0370), found by chain but in no segment's target list. 16 targets remained (166 before).
        // Session 34 (ADR 0420): the label 工程机械 alone guesses no 专汽 segment any more; 11 of its 14 rows here make forklifts,
        // compressors, seals, bearings or aerial platforms, not special vehicles, so 3 targets remain: those whose name says
        // their trade (液压, 传动, 专用车). The tie rule is checked on them.
        var members = await client.GetFromJsonAsync<CompanyPageResponse>("/api/companies?chain=ZQ&region=长三角&pageSize=1");
        Assert.That(page!.Total, Is.GreaterThanOrEqualTo(3), "the extract's 专汽 companies whose row names a segment");
        Assert.That(members!.Total, Is.GreaterThan(page.Total + 100), "the chain-level members count in the chain, not in the targets");
        var items = page.Items;
        Assert.That(items, Has.Count.EqualTo(Math.Min(50, page.Total)));
        TestContext.Out.WriteLine($"distinct scores in the top 50: {items.Select(t => t.Score).Distinct().Count()} (total {page.Total})");

        // The goal of issue #19 is 40 distinct scores; this list carries only a board and an industry label per
        // company, and after the 待确认 review every top-50 专汽 target here has the same evidence, so the scores tie
        // (docs/benchmarks.md records the count; the goal is not met on such a list). What holds, and what a user
        // relies on: equal scores follow the stated rule (strength, kinds of evidence, name) instead of the file order.
        for (var i = 1; i < items.Count; i++)
        {
            var (a, b) = (items[i - 1], items[i]);
            Assert.That(Compare(a, b), Is.LessThan(0), $"rank {a.Rank} {a.Name} ({a.Score}) before rank {b.Rank} {b.Name} ({b.Score})");
        }
    }

    /// <summary>
    /// The count of issue #19's ranking goal on this real list: how many distinct scores the top 50 have. The score
    /// must follow the evidence a user reads in the reasons and nothing else: two targets with the same segment, fit
    /// sentence (confidence and evidence) and strength sentence score the same, so there are never more distinct
    /// scores than kinds of evidence. Measured in round 4 (ADR 0202: confidence from independent sources): 4 distinct
    /// scores from 10 kinds of evidence (fit 0.44 for the label alone, 0.53 when the name's 汽车 agrees, 0.50 for 液压 in
    /// the name; board 14 or 12); round 3 had 1. Session 25 (ADR 0225: main products and focus in the fit) leaves it at 4:
    /// the list has no products column and each of these companies sits in one chain. The goal of 40 is not reachable on
    /// this list without inventing differences (ADR 0177, docs/benchmarks.md). Session 32 (ADR 0370): the label-only guesses are
    /// chain-level memberships, in no target list; 16 targets remain, with 5 distinct scores from 7 kinds of evidence.
    /// </summary>
    [Test]
    public async Task The_top_50_score_by_the_evidence_in_their_reasons_alone()
    {
        var page = await client.GetFromJsonAsync<TargetPageResponse>("/api/targets?chain=ZQ&region=长三角&pageSize=50&paths=0");

        var items = page!.Items;
        var evidence = items.Select(RealListStore.Evidence).ToList();
        var distinctScores = items.Select(t => t.Score).Distinct().Count();
        var distinctEvidence = evidence.Distinct(StringComparer.Ordinal).Count();
        TestContext.Out.WriteLine($"top 50: {distinctScores} distinct scores, {distinctEvidence} distinct kinds of evidence");
        foreach (var kind in evidence.Distinct(StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"  {evidence.Count(e => e == kind)} × {kind}");
        }

        Assert.That(items, Has.Count.EqualTo(Math.Min(50, page.Total)), "the top 50, or all the targets when fewer (16 since ADR 0370, 3 since ADR 0420)");
        Assert.That(items.Zip(evidence).GroupBy(p => p.Second, StringComparer.Ordinal).Select(g => g.Select(p => p.First.Score).Distinct().Count()), Is.All.EqualTo(1), "equal evidence, equal score");
        Assert.That(distinctScores, Is.InRange(1, distinctEvidence), "recorded count on this list: 4 (goal 40 not reachable on it, ADR 0177)");
    }

    [Test]
    public async Task Every_target_says_which_evidence_it_was_ranked_on_and_which_is_missing()
    {
        var page = await client.GetFromJsonAsync<TargetPageResponse>("/api/targets?chain=ZQ&region=长三角&pageSize=50&paths=0");

        foreach (var target in page!.Items)
        {
            Assert.That(target.Reasons, Has.Some.Contains("环节匹配度"), target.Name);
            Assert.That(target.Reasons, Has.Some.Contains($"上市（{target.ListedCode}，"), target.Name);
            Assert.That(target.Reasons, Has.Some.Contains("未提供企业性质、注册资本、营收、员工人数、成立日期"), target.Name);
        }
    }

    [TestCase("600066", "上交所主板", 14)]
    [TestCase("000800", "深交所主板", 14)]
    [TestCase("688001", "上交所科创板", 12)]
    [TestCase("301039", "深交所创业板", 12)]
    [TestCase("832000", "北交所", 9)]
    [TestCase("920001", "北交所", 9)]
    public void A_stock_code_counts_by_its_board(string code, string board, double points)
    {
        var assessment = CompanyStrength.Assess(null, null, null, code, []);

        Assert.That(CompanyStrength.ListingBoard(code), Is.EqualTo(board));
        Assert.That(assessment.Score, Is.EqualTo(points));
        Assert.That(assessment.Missing, Is.EqualTo(new[] { "企业性质", "注册资本", "营收", "员工人数", "成立日期" }));
        Assert.That(assessment.Signals, Is.EqualTo(1));
    }

    [TestCase("中央国有企业", "央企", 8)]
    [TestCase("地方国有企业", "地方国企", 6)]
    [TestCase("民营企业", "民营企业", 2)]
    [TestCase("外商独资企业", "外资企业", 4)]
    [TestCase("有限责任公司（台港澳法人独资）", "外资企业", 4)]
    [TestCase("港、澳、台", "外资企业", 4)]
    [TestCase("中外合作经营企业", "外资企业", 4)]
    [TestCase("公众企业", "公众企业", 3)]
    public void A_controller_type_becomes_a_tag_that_adds_to_strength(string text, string tag, double points)
    {
        Assert.That(CompanyTags.Controller(text), Is.EqualTo(tag));
        var assessment = CompanyStrength.Assess(null, null, null, null, [tag]);
        Assert.That(assessment.Score, Is.EqualTo(points));
        Assert.That(assessment.Facts, Is.EqualTo(new[] { $"企业性质 {tag} {points} 分" }));
        Assert.That(assessment.Missing, Does.Not.Contain("企业性质"));
    }

    [TestCase("2000-01-01", 26, 6)]
    [TestCase("2010-06-30", 16, 4)]
    [TestCase("2016-12-06", 9, 2)]
    [TestCase("2019-01-01", 7, 2)]
    [TestCase("2024-01-01", 2, 0)]
    public void A_founding_date_counts_by_the_company_age_and_says_so(string founded, int years, double points)
    {
        var date = DateOnly.Parse(founded, System.Globalization.CultureInfo.InvariantCulture);

        var assessment = CompanyStrength.Assess(null, null, null, null, [], date, new DateOnly(2026, 12, 5));

        Assert.That(assessment.Score, Is.EqualTo(points));
        Assert.That(assessment.Facts, Is.EqualTo(new[] { $"成立 {years} 年（{founded}） {points} 分" }));
        Assert.That(assessment.Missing, Does.Not.Contain("成立日期"));
        Assert.That(assessment.Signals, Is.EqualTo(1));
    }

    [Test]
    public void Qualifications_add_by_what_they_prove_up_to_a_cap_and_every_fact_shows_its_points()
    {
        var assessment = CompanyStrength.Assess(null, null, null, "600066", ["工信部公告", "IATF 16949", "压力容器制造许可", "ISO 9001", "某某协会会员"]);

        // 14 (main board) + 4 (公告) + 3 (IATF 16949) + 1 (压力容器, up to the cap of 8) + 0 + 0
        Assert.That(assessment.Score, Is.EqualTo(22));
        Assert.That(assessment.Facts, Is.EqualTo(new[]
        {
            "上市（600066，上交所主板） 14 分", "工信部公告 4 分", "IATF 16949 3 分", "压力容器制造许可 1 分", "ISO 9001 0 分", "某某协会会员 0 分",
        }));
        Assert.That(assessment.Signals, Is.EqualTo(2), "the listing and the labels");
    }

    /// <summary>The documented order: score, strength, kinds of evidence present, name (ordinal).</summary>
    private static int Compare(TargetResponse a, TargetResponse b)
    {
        var order = b.Score.CompareTo(a.Score);
        if (order == 0)
        {
            order = b.ScoreParts.Strength.CompareTo(a.ScoreParts.Strength);
        }

        if (order == 0)
        {
            order = Signals(b).CompareTo(Signals(a));
        }

        return order != 0 ? order : string.CompareOrdinal(a.Name, b.Name);
    }

    private static int Signals(TargetResponse t) => CompanyStrength.Assess(t.RegisteredCapital, t.Revenue, t.Employees, t.ListedCode, t.Tags).Signals;
}
