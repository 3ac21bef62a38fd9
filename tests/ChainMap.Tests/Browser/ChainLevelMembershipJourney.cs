using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Browser;

/// <summary>
/// A company whose row names only a coarse label (汽车配件) is in 专汽 at chain level (ADR 0370): its detail shows "专汽 · 环节待定"
/// with confidence, evidence and the 待确认 badge, and an analyst gives it one of the chain's segments in the page. Its own host,
/// because it imports a company the other journeys' counts do not expect.
/// </summary>
[NonParallelizable]
public sealed class ChainLevelMembershipJourney
{
    private const string Name = "随州链级旅程股份有限公司";

    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    [Test]
    public async Task An_analyst_gives_a_chain_level_membership_a_segment_of_its_chain()
    {
        using var api = host.ApiClient();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"企业名称,行政区划代码,行业\n{Name},421303,汽车配件\n")), "file", "chain-level.csv");
        Assert.That((await api.PostAsync("/api/imports/companies", form)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await ImportJobWait.UntilIdleAsync(api);
        var company = (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(Name)}"))!.Items.Single();
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
        await journey.ScreenshotAsync("chain-level-membership");

        Assert.That(text, Does.Contain("专汽 · 环节待定"));
        Assert.That(text, Does.Contain("置信度"));
        Assert.That(badge, Is.EqualTo("待确认"));
        Assert.That(evidence, Does.Contain("链级: 汽车配件"));

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
}
