using System.Net.Http.Json;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Browser;

/// <summary>
/// An analyst re-classifies every stored company from the review page (ADR 0136): a company whose classifier membership was
/// stored by older rules (here: in 专汽's 环卫专用车 although its row says 化学制药) gets the membership today's rules give it, the
/// page shows the job's counts and lists again; a planner is not offered the button. Its own host, because a re-classification
/// rewrites every company the other journeys read.
/// </summary>
[NonParallelizable]
public sealed class ReclassifyJourney
{
    private const string Name = "随州重分类旅程制药股份有限公司";

    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    [Test]
    public async Task An_analyst_reclassifies_every_company_from_the_review_page_and_an_old_rules_membership_is_replaced()
    {
        using var api = host.ApiClient();
        await ImportJobWait.ImportCompaniesAsync(api, $"企业名称,行政区划代码,行业\n{Name},421303,化学制药\n", "reclassify.csv");
        var company = (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(Name)}"))!.Items.Single();
        var today = company.Segments.Select(s => s.Segment).ToList();
        Assert.That(today, Is.Not.Empty.And.All.StartWith("SW"), "化学制药 is 生物医药's");
        // As older rules stored it: the same classifier membership, in a segment of another chain.
        var store = host.Services.GetRequiredService<IChainMapStore>();
        var stored = (await store.GetCompanyAsync(company.Id, CancellationToken.None))!;
        var old = stored.Memberships.Take(1).Select(m => m with { SegmentCode = "ZQ-SAN" }).ToList();
        Assert.That(old.Single().IsClassified, "the classifier's membership, which a re-classification may replace");
        await store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(company.Id, old)], CancellationToken.None);
        await host.ForgetDiscoveryAsync();
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await journey.GoAsync("#/review?chain=ZQ&segment=ZQ-SAN&status=all");
        await journey.SignInAsync(analystKey);
        var row = page.Locator($"#review-table tr.review-row[data-company='{company.Id}']");
        await row.WaitForAsync();
        var button = page.Locator("#review-reclassify");
        var title = await button.GetAttributeAsync("title");

        Assert.That(await button.TextContentAsync(), Is.EqualTo("重新分类全部企业"));
        Assert.That(title, Does.Contain("分析员确认或修改过的归属不变"), "the button says what it leaves alone");

        await button.ClickAsync();
        var done = page.Locator(".review-status", new() { HasTextString = "重新分类完成" });
        await done.WaitForAsync();
        var message = await done.TextContentAsync();
        await page.Locator($"#review-table tr.review-row[data-company='{company.Id}']").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        await journey.ScreenshotAsync("reclassify-done");

        Assert.That(message, Does.Match(@"读取 \d+ 家企业，[1-9]\d* 家的归属有变"), "the job's counts, at least this company changed");
        var after = (await api.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{company.Id}"))!.Company.Segments;
        Assert.That(after.Select(s => s.Segment), Is.EqualTo(today), "the membership today's rules give, not the old one");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task A_planner_is_not_offered_the_reclassification()
    {
        var plannerKey = await host.CreateKeyAsync(Role.Planner);

        await using var journey = await host.OpenAsync();
        await journey.GoAsync("#/review");
        await journey.SignInAsync(plannerKey);
        await journey.Page.Locator("#review-confirm").WaitForAsync();

        Assert.That(await journey.Page.Locator("#review-reclassify").CountAsync(), Is.Zero, "only analysts and admins may re-classify (the service refuses others)");
    }
}
