using System.Net;
using System.Net.Http.Json;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Api.Targets;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// Chain-level memberships (环节待定, ADR 0370) as an analyst works through them (ADR 0405): the review queue lists them alone
/// (chainLevel=true) with the segments their evidence fitted, the company detail shows the same suggestions, the chain map counts
/// them, and they stay out of gap figures and target lists, even confirmed, until an analyst gives one a segment.
/// </summary>
public sealed class ChainLevelReviewApiTests : ServiceFixture
{
    private const string Listed = "随州链级审核甲股份有限公司";
    private const string Moved = "襄阳链级审核乙股份有限公司"; // outside the home region (随州): counted elsewhere once in a segment
    private const string Parts = "随州链级审核丙股份有限公司";

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        await ImportJobWait.ImportCompaniesAsync(Client,
            $"企业名称,行政区划代码,行业,注册资本\n{Listed},421303,汽车配件,50000\n{Moved},420602,汽车配件,80000\n{Parts},421303,元器件,30000\n", "chain-level.csv");
    }

    private async Task<T> GetAsync<T>(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private async Task<CompanyResponse> FindAsync(string name) =>
        (await GetAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}")).Items.Single();

    [Test]
    public async Task The_review_queue_lists_only_chain_level_memberships_with_the_segments_their_evidence_fitted()
    {
        var queue = await GetAsync<ReviewMembershipPageResponse>("/api/memberships?chainLevel=true&pageSize=200");
        var ours = queue.Items.Where(i => i.CompanyName.Contains("链级审核", StringComparison.Ordinal)).ToDictionary(i => i.CompanyName);
        var zq = (await GetAsync<ChainResponse>("/api/chains/ZQ")).Segments.Select(s => s.Code).ToList();
        var dz = (await GetAsync<ChainResponse>("/api/chains/DZ")).Segments.Select(s => s.Code).ToList();

        Assert.That(queue.Items.Select(i => (i.Segment == i.Chain, i.SegmentName)), Has.All.EqualTo((true, "环节待定")), "only memberships that name no segment");
        Assert.That(ours.Keys, Is.SupersetOf(new[] { Listed, Parts }));
        var listed = ours[Listed];
        Assert.That((listed.Chain, listed.Segment), Is.EqualTo(("ZQ", "ZQ")));
        Assert.That(listed.SuggestedSegments, Has.Count.GreaterThanOrEqualTo(2), "the label's usual segment and those its codes fit as well");
        Assert.That(listed.SuggestedSegments[0], Is.EqualTo("ZQ-POWER-ENGINE"), "the label's usual segment first");
        Assert.That(listed.SuggestedSegments, Is.SubsetOf(zq).And.Unique);
        Assert.That(ours[Parts].SuggestedSegments, Is.Not.Empty.And.SubsetOf(dz));

        var byChain = await GetAsync<ReviewMembershipPageResponse>("/api/memberships?chainLevel=true&chain=ZQ&pageSize=200");
        Assert.That(byChain.Items.Select(i => i.Chain), Has.All.EqualTo("ZQ"));
        Assert.That(byChain.Items.Select(i => i.CompanyName), Does.Contain(Listed).And.Not.Contain(Parts));

        var company = await FindAsync(Listed);
        var detail = await GetAsync<CompanyDetailResponse>($"/api/companies/{company.Id}");
        Assert.That(detail.Company.Segments.Single().SuggestedSegments, Is.EqualTo(listed.SuggestedSegments), "the company detail shows the same choices");

        var all = await GetAsync<ReviewMembershipPageResponse>("/api/memberships?pageSize=200");
        Assert.That(all.Items.Where(i => i.Segment != i.Chain).SelectMany(i => i.SuggestedSegments), Is.Empty, "a membership that names its segment suggests none");
    }

    [Test]
    public async Task The_chain_map_counts_the_chain_level_memberships_the_review_queue_lists()
    {
        var map = await GetAsync<ChainMapResponse>("/api/chains/ZQ/map");
        var queue = await GetAsync<ReviewMembershipPageResponse>("/api/memberships?chainLevel=true&chain=ZQ&pageSize=1");

        Assert.That(map.ChainLevel, Is.EqualTo(queue.Total).And.GreaterThanOrEqualTo(1));
        Assert.That(map.Tiers.SelectMany(t => t.Segments).Select(s => s.Code), Has.None.EqualTo("ZQ"), "no segment of the map is the chain");
    }

    [Test]
    public async Task Chain_level_with_a_segment_is_refused()
    {
        var response = await Client.GetAsync(new Uri("/api/memberships?chainLevel=true&segment=ZQ-CHASSIS-AXLE", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("chainLevel"));
    }

    // Confirmed or not, a chain-level membership is in no gap figure and no target list (ADR 0370); given a segment it is.
    [Test]
    public async Task A_chain_level_membership_counts_in_gaps_and_targets_only_once_given_a_segment()
    {
        var company = await FindAsync(Moved);
        var before = await ElsewhereAsync();
        var targetsBefore = await GetAsync<TargetPageResponse>("/api/targets?chain=ZQ&region=420000&pageSize=100");

        var confirm = await Client.PostAsJsonAsync("/api/memberships/review",
            new ReviewRequest([new ReviewItemRequest(company.Id, "ZQ", "confirm")]));
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirm.Content.ReadAsStringAsync());
        Assert.That((await FindAsync(Moved)).Segments.Select(s => (s.Segment, s.Status)), Is.EqualTo(new[] { ("ZQ", "confirmed") }));

        Assert.That(await ElsewhereAsync(), Is.EqualTo(before), "a confirmed chain-level membership is in no segment's gap figure");
        var targetsConfirmed = await GetAsync<TargetPageResponse>("/api/targets?chain=ZQ&region=420000&pageSize=100");
        Assert.That(targetsConfirmed.Total, Is.EqualTo(targetsBefore.Total));
        Assert.That(targetsConfirmed.Items.Select(t => t.CompanyId), Does.Not.Contain(company.Id), "nor in the target list");

        var suggested = company.Segments.Single().SuggestedSegments[0];
        var mapBefore = await GetAsync<ChainMapResponse>("/api/chains/ZQ/map");
        var move = await Client.PostAsJsonAsync("/api/memberships/review",
            new ReviewRequest([new ReviewItemRequest(company.Id, "ZQ", "move", suggested)]));
        Assert.That(move.StatusCode, Is.EqualTo(HttpStatusCode.OK), await move.Content.ReadAsStringAsync());

        var after = await ElsewhereAsync();
        Assert.That(after[suggested], Is.EqualTo(before[suggested] + 1), "given a segment, it counts there");
        Assert.That((await GetAsync<ChainMapResponse>("/api/chains/ZQ/map")).ChainLevel, Is.EqualTo(mapBefore.ChainLevel - 1), "and waits no longer");
    }

    /// <summary>Companies elsewhere per segment of 专汽's investment map over 湖北 (confirmed memberships, sub-segments rolled up).</summary>
    private async Task<Dictionary<string, int>> ElsewhereAsync() =>
        (await GetAsync<InvestmentMapResponse>("/api/chains/ZQ/investment-map?region=420000&top=0&paths=0")).Segments.ToDictionary(s => s.Code, s => s.Elsewhere.Companies);
}
