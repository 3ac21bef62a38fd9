using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChainMap.Access;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Browser;

/// <summary>
/// A company whose row names only a coarse label (汽车配件) is in 专汽 at chain level (ADR 0370): its detail shows "专汽 · 环节待定"
/// with confidence, evidence and the 待确认 badge, and an analyst gives it one of the chain's segments in the page; the chain map
/// counts the chain's 环节待定 and leads to them in the review queue, where one click gives one a suggested segment (ADR 0405); a
/// membership stored before the suggestions gets them there from 为环节待定的企业生成建议 (ADR 0425).
/// Its own host, because it imports companies the other journeys' counts do not expect.
/// </summary>
[NonParallelizable]
public sealed class ChainLevelMembershipJourney
{
    private const string Name = "随州链级旅程股份有限公司";
    private const string Queued = "随州链级审核旅程股份有限公司";
    private const string Older = "随州链级旧存旅程股份有限公司";

    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    /// <summary>Imports a home-region company whose row says only 汽车配件 (a chain-level membership of 专汽) and answers it as listed.</summary>
    private static async Task<CompanyResponse> ImportPartsMakerAsync(HttpClient api, string name)
    {
        await ImportJobWait.ImportCompaniesAsync(api, $"企业名称,行政区划代码,行业\n{name},421303,汽车配件\n", "chain-level.csv");
        return (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single();
    }

    [Test]
    public async Task An_analyst_gives_a_chain_level_membership_a_segment_of_its_chain()
    {
        using var api = host.ApiClient();
        var company = await ImportPartsMakerAsync(api, Name);
        Assert.That(company.Segments.Select(s => (s.Segment, s.Status)), Is.EqualTo(new[] { ("ZQ", "unconfirmed") }), "the label names the chain, not the segment");
        var byChain = (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?chain=ZQ&q={Uri.EscapeDataString(Name)}"))!.Items;
        Assert.That(byChain.Select(c => c.Id), Is.EqualTo(new[] { company.Id }), "a search by chain finds it");
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync($"#/companies?id={company.Id}");
        await journey.SignInAsync(analystKey);
        var pending = page.Locator("#company-segments li.membership[data-segment='ZQ']");
        await pending.WaitForAsync();
        var text = await pending.TextContentAsync();
        var badge = await pending.Locator(".tag.unconfirmed").TextContentAsync();
        var evidence = await pending.Locator(".evidence").TextContentAsync();
        var suggestedButtons = await pending.Locator("button.give-suggested").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.segment)");
        await journey.ScreenshotAsync("chain-level-membership");

        Assert.That(text, Does.Contain("专汽 · 环节待定"));
        Assert.That(text, Does.Contain("置信度"));
        Assert.That(badge, Is.EqualTo("待确认"));
        Assert.That(evidence, Does.Contain("链级: 汽车配件"));
        Assert.That(suggestedButtons, Is.EqualTo(company.Segments.Single().SuggestedSegments).And.Not.Empty, "the suggested segments are one click each (ADR 0405)");

        await pending.Locator("select.give-segment").SelectOptionAsync("ZQ-CHASSIS-AXLE");
        await pending.Locator("button.move-membership").ClickAsync();
        var given = page.Locator("#company-segments li.membership[data-segment='ZQ-CHASSIS-AXLE']");
        await given.WaitForAsync();
        var givenText = await given.TextContentAsync();

        Assert.That(givenText, Does.Contain("专汽 · ").And.Contain("已确认"));
        Assert.That(await page.Locator("#company-segments li.membership[data-segment='ZQ']").CountAsync(), Is.Zero, "the chain-level membership goes");
        var after = (await api.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{company.Id}"))!.Company;
        Assert.That(after.Segments.Select(s => (s.Segment, s.Source, s.Status)), Is.EqualTo(new[] { ("ZQ-CHASSIS-AXLE", (string?)"analyst", "confirmed") }));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task An_analyst_follows_the_chain_maps_count_to_the_review_queue_and_gives_a_suggested_segment_in_one_click()
    {
        using var api = host.ApiClient();
        var company = await ImportPartsMakerAsync(api, Queued);
        var suggested = company.Segments.Single().SuggestedSegments;
        Assert.That(suggested, Is.Not.Empty);
        var waiting = (await api.GetFromJsonAsync<ChainMapResponse>("/api/chains/ZQ/map"))!.ChainLevel;
        var segmentName = (await api.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!.Segments.Single(s => s.Code == suggested[0]).Name;
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync("#/map?chain=ZQ");
        await journey.SignInAsync(analystKey);
        var count = page.Locator("#chain-level-pending");
        await count.WaitForAsync();
        var countText = await count.TextContentAsync();
        await journey.ScreenshotAsync("chain-level-count");

        Assert.That(countText, Does.Contain("环节待定").And.Contain($"{waiting} 家"));

        await count.Locator("a").ClickAsync();
        var row = page.Locator($"#review-table tr.review-row[data-company='{company.Id}']");
        await row.WaitForAsync();
        var rows = await page.Locator("#review-table tr.review-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.segment)");
        var filtered = await page.Locator("#review-chain-level").IsCheckedAsync();
        var buttons = await row.Locator("button.give-suggested").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.segment)");
        var first = await row.Locator("button.give-suggested").First.TextContentAsync();
        await journey.ScreenshotAsync("chain-level-review");

        Assert.That(filtered, Is.True, "the link opens the queue filtered to 环节待定");
        Assert.That(rows, Has.All.EqualTo("ZQ"), "only 专汽's chain-level memberships are listed");
        Assert.That(buttons, Is.EqualTo(suggested), "one button per suggested segment, best first");
        Assert.That(first, Is.EqualTo($"定环节 → {segmentName}"));
        Assert.That(await row.Locator("select.give-segment option").CountAsync(), Is.EqualTo((await api.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!.Segments.Count),
            "every segment of the chain is still offered");

        await row.Locator("button.give-suggested").First.ClickAsync();
        await page.Locator(".review-status", new() { HasTextString = $"已定环节：{Queued}" }).WaitForAsync();

        Assert.That(await row.CountAsync(), Is.Zero, "it no longer waits");
        var after = (await api.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{company.Id}"))!.Company;
        Assert.That(after.Segments.Select(s => (s.Segment, s.Source, s.Status)), Is.EqualTo(new[] { (suggested[0], (string?)"analyst", "confirmed") }));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task An_analyst_on_a_store_from_before_the_suggestions_gets_them_from_the_review_queue()
    {
        using var api = host.ApiClient();
        var company = await ImportPartsMakerAsync(api, Older);
        var suggested = company.Segments.Single().SuggestedSegments;
        Assert.That(suggested, Is.Not.Empty);
        // As a build before ADR 0405 stored it: the same membership without 可定环节 in its evidence.
        var store = host.Services.GetRequiredService<IChainMapStore>();
        var stored = (await store.GetCompanyAsync(company.Id, CancellationToken.None))!;
        var old = stored.Memberships.Select(m => m with { Evidence = Regex.Replace(m.Evidence!, "可定环节: [^;]*; ", string.Empty) }).ToList();
        await store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(company.Id, old)], CancellationToken.None);
        await host.ForgetDiscoveryAsync();
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync("#/review?chain=ZQ&chainLevel=1");
        await journey.SignInAsync(analystKey);
        var row = page.Locator($"#review-table tr.review-row[data-company='{company.Id}']");
        await row.WaitForAsync();
        var before = await row.Locator("button.give-suggested").CountAsync();
        var offer = page.Locator("#review-suggest");
        var offerText = await offer.TextContentAsync();
        await journey.ScreenshotAsync("chain-level-old-rows");

        Assert.That(before, Is.Zero, "a membership stored before the suggestions suggests nothing");
        Assert.That(offerText, Is.EqualTo("为环节待定的企业生成建议"));

        await offer.ClickAsync();
        await page.Locator(".review-status", new() { HasTextString = "已生成建议" }).WaitForAsync();
        var buttons = await row.Locator("button.give-suggested").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.segment)");
        var offered = await page.Locator("#review-suggest").CountAsync();
        await journey.ScreenshotAsync("chain-level-old-rows-suggested");

        Assert.That(buttons, Is.EqualTo(suggested), "the suggestions the import would give it now, one click each");
        Assert.That(offered, Is.Zero, "nothing listed waits for suggestions any more");
        var after = (await api.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{company.Id}"))!.Company.Segments.Single();
        Assert.That((after.Segment, after.Status, after.Confidence), Is.EqualTo(("ZQ", "unconfirmed", company.Segments.Single().Confidence)), "still the chain's, still 待确认");
        journey.AssertNoErrors();
    }
}
