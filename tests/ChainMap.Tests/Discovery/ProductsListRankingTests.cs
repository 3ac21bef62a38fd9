using System.Net.Http.Json;
using ChainMap.Api.Targets;
using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// Ranking on a real list that carries main products and an industry name (issue #19, round 4): the labelled products set
/// (tests/ChainMap.Tests/Evaluation/labelled/products.csv: full name, province, 申万 industry, main products, stock code; its
/// segment labels are not read by the importer) imported alone, every 待确认 guess confirmed as a review would. The fit
/// of each membership now follows its independent sources, so targets with different evidence score differently; the
/// count of distinct scores is printed for docs/benchmarks.md.
/// </summary>
public sealed class ProductsListRankingTests
{
    private static readonly string Fixture = Path.Combine(
        Path.GetDirectoryName(TestData.DataPath)!, "tests", "ChainMap.Tests", "Evaluation", "labelled", "products.csv");

    private ChainMapApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task ImportTheProductsListAloneAsync()
    {
        factory = new ChainMapApiFactory(seed: false);
        var services = factory.Services;
        await services.GetRequiredService<DefaultData>().LoadAsync(TestData.DataPath, includeCompanies: false, CancellationToken.None);
        await using (var stream = File.OpenRead(Fixture))
        {
            var summary = await services.GetRequiredService<CompanyImporter>().ImportCsvAsync(stream, "products.csv", CancellationToken.None);
            Assert.That(summary.Inserted, Is.GreaterThan(400), "the list imports");
        }

        var store = services.GetRequiredService<IChainMapStore>();
        var curation = services.GetRequiredService<MembershipCuration>();
        for (IReadOnlyList<Company> batch = await store.ListCompaniesAfterAsync(0, 500, CancellationToken.None); batch.Count > 0;
             batch = await store.ListCompaniesAfterAsync(batch[^1].Id, 500, CancellationToken.None))
        {
            foreach (var company in batch)
            {
                foreach (var membership in company.Memberships.Where(m => m.Status == MembershipStatus.Unconfirmed))
                {
                    await curation.SetStatusAsync(company.Id, membership.SegmentCode, MembershipStatus.Confirmed, CancellationToken.None);
                }
            }
        }

        services.GetRequiredService<RegionDirectory>().Invalidate();
        services.GetRequiredService<ChainDirectory>().Invalidate();
        services.GetRequiredService<DiscoveryCache>().Clear();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    [TestCase("ZQ")]
    [TestCase("DZ")]
    [TestCase(null)]
    public async Task Targets_in_a_region_group_score_by_their_evidence_and_say_which_sources_support_their_segment(string? chain)
    {
        var query = chain is null ? string.Empty : $"chain={chain}&";
        var page = await client.GetFromJsonAsync<TargetPageResponse>($"/api/targets?{query}region=长三角&pageSize=50&paths=0");

        var items = page!.Items;
        var distinct = items.Select(t => t.Score).Distinct().Count();
        TestContext.Out.WriteLine($"{chain ?? "all chains"} in 长三角: top {items.Count} of {page.Total}, {distinct} distinct scores, "
            + $"{items.Select(t => t.ScoreParts.Gap).Distinct().Count()} distinct gap parts, {items.Select(t => t.ScoreParts.Strength).Distinct().Count()} distinct strengths");

        Assert.That(items, Is.Not.Empty);
        Assert.That(items.Select(t => t.Reasons.Single(r => r.StartsWith("环节匹配度", StringComparison.Ordinal))), Has.All.Contains("独立依据: "));
        Assert.That(distinct, Is.GreaterThan(1), "different evidence, different scores");
        for (var i = 1; i < items.Count; i++)
        {
            Assert.That(items[i - 1].Score, Is.GreaterThanOrEqualTo(items[i].Score));
        }
    }
}
