using System.Net.Http.Json;
using ChainMap.Api.Targets;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// Ranking on a real list that carries main products and an industry name (issue #19): the labelled products set
/// (tests/ChainMap.Tests/Evaluation/labelled/products.csv: full name, province, 申万 industry, main products, stock code; its
/// segment labels are not read by the importer) imported alone, every 待确认 guess confirmed as a review would
/// (<see cref="RealListStore"/>). The fit of each membership follows its independent sources, the share of the main products
/// in the segment and the company's focus on the chain (ADR 0225), so targets with different evidence score differently
/// and targets with the same evidence the same; the counts are printed for docs/benchmarks.md.
/// </summary>
public sealed class ProductsListRankingTests
{
    private static readonly string Fixture = Path.Combine(
        Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled", "products.csv");

    private RealListStore list = null!;

    [OneTimeSetUp]
    public async Task ImportTheProductsListAloneAsync() => list = await RealListStore.ImportAloneAsync(Fixture, 400);

    [OneTimeTearDown]
    public void Dispose() => list?.Dispose();

    /// <summary>
    /// Measured in session 25 (ADR 0225): all chains in 长三角 40 distinct scores in the top 50 on the ranking branch alone
    /// (was 23; issue #19's goal is 40), 39 once merged with the import's place-from-the-name rule (13 more rows of the list
    /// placed) and the classifier's side-line rule (ADR 0230); 专汽 26 among its 30 targets (was 18), 电子信息 24 among 24
    /// (was 19); all chains in 珠三角 19 among 21 (was 18). The all-chains 长三角 count is held at that figure less one.
    /// </summary>
    [TestCase("ZQ", "长三角")]
    [TestCase("DZ", "长三角")]
    [TestCase(null, "长三角")]
    [TestCase(null, "珠三角")]
    public async Task Targets_in_a_region_group_score_by_the_evidence_in_their_reasons_alone(string? chain, string region)
    {
        var query = chain is null ? string.Empty : $"chain={chain}&";
        var page = await list.Client.GetFromJsonAsync<TargetPageResponse>($"/api/targets?{query}region={region}&pageSize=50&paths=0");

        var items = page!.Items;
        var evidence = items.Select(RealListStore.Evidence).ToList();
        var distinct = items.Select(t => t.Score).Distinct().Count();
        TestContext.Out.WriteLine($"{chain ?? "all chains"} in {region}: top {items.Count} of {page.Total}, {distinct} distinct scores, "
            + $"{evidence.Distinct(StringComparer.Ordinal).Count()} distinct kinds of evidence, {items.Select(t => t.ScoreParts.Strength).Distinct().Count()} distinct strengths");

        Assert.That(items, Is.Not.Empty);
        Assert.That(items.Select(t => t.Reasons.Single(r => r.StartsWith("环节匹配度", StringComparison.Ordinal))), Has.All.Contains("独立依据: ").And.All.Contains("主营产品：").And.All.Contains("专注度 "));
        Assert.That(items.Zip(evidence).GroupBy(p => p.Second, StringComparer.Ordinal).Select(g => g.Select(p => p.First.Score).Distinct().Count()), Is.All.EqualTo(1), "equal evidence, equal score");
        Assert.That(distinct, Is.GreaterThan(items.Count / 2), "different evidence, different scores");
        if (chain is null && region == "长三角")
        {
            Assert.That(distinct, Is.GreaterThanOrEqualTo(38), "the recorded figure (39, goal 40) less one (docs/benchmarks.md, \"Issue #19: ranking, session 25\")");
        }

        for (var i = 1; i < items.Count; i++)
        {
            Assert.That(items[i - 1].Score, Is.GreaterThanOrEqualTo(items[i].Score));
        }
    }
}
