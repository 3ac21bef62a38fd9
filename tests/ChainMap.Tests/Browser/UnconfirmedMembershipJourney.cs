using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Browser;

/// <summary>
/// The company detail shows each membership with its confidence, evidence and a 待确认 badge when the
/// classifier was not sure; the chain map shows the unconfirmed count apart. Its own host, because it
/// imports companies that the other journeys' counts do not expect.
/// </summary>
[NonParallelizable]
public sealed class UnconfirmedMembershipJourney
{
    private const string Word = "瓅琭珫器";

    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    private static async Task SettleAsync(HttpClient api)
    {
        await ImportJobWait.UntilIdleAsync(api);
    }

    [Test]
    public async Task Company_detail_shows_confidence_evidence_and_the_unconfirmed_badge_and_the_map_counts_it_apart()
    {
        using var api = host.ApiClient();
        var chain = (await api.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!;
        var axle = chain.Segments.Single(s => s.Code == "ZQ-CHASSIS-AXLE");
        var put = await api.PutAsJsonAsync("/api/chains/ZQ/segments/ZQ-CHASSIS-AXLE",
            new SegmentRequest(axle.Code, axle.Name, axle.Tier, axle.Parent, axle.Aliases, axle.Products, [.. axle.Keywords, Word], axle.IndustryCodes));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"企业名称,行政区划代码,主营产品,环节\n随州甲乙丙有限公司,421303,{Word},\n随州丁戊己有限公司,421303,{Word},ZQ-MAT\n")), "file", "weak.csv");
        Assert.That((await api.PostAsync("/api/imports/companies", form)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await SettleAsync(api);
        var guessed = (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString("随州甲乙丙")}"))!.Items.Single();
        var given = (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString("随州丁戊己")}"))!.Items.Single();

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync($"#/companies?id={guessed.Id}");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var unsure = page.Locator("#company-segments li.membership[data-segment='ZQ-CHASSIS-AXLE']");
        await unsure.WaitForAsync();
        var unsureText = await unsure.TextContentAsync();
        var badge = await unsure.Locator(".tag.unconfirmed").TextContentAsync();
        await journey.ScreenshotAsync("company-unconfirmed");

        await journey.GoAsync($"#/companies?id={given.Id}");
        var sure = page.Locator("#company-segments li.membership[data-segment='ZQ-MAT']");
        await sure.WaitForAsync();
        var sureClass = await sure.GetAttributeAsync("class");
        var sureBadges = await sure.Locator(".tag.unconfirmed").CountAsync();

        await journey.GoAsync("#/map?chain=ZQ&segment=ZQ-CHASSIS-AXLE");
        var apart = page.Locator("#segment-unconfirmed");
        await apart.WaitForAsync();
        var apartText = await apart.TextContentAsync();
        await journey.ScreenshotAsync("map-unconfirmed");

        Assert.That(badge, Is.EqualTo("待确认"));
        Assert.That(unsureText, Does.Match(@"置信度 \d+%").And.Contain("依据：").And.Contain(Word));
        Assert.That(sureClass, Does.Contain("confirmed").And.Not.Contain("unconfirmed"));
        Assert.That(sureBadges, Is.Zero, "a membership from the file's segment column is confirmed");
        Assert.That(apartText, Does.Contain("待确认").And.Contain("本地 1 家"));
        journey.AssertNoErrors();
    }
}

/// <summary>
/// An analyst confirms a 待确认 membership with the 确认 button on the company detail (and sets it back
/// with 撤销确认); a viewer sees no buttons. Its own host, so the other journey's counts stay as they expect.
/// </summary>
[NonParallelizable]
public sealed class MembershipReviewJourney
{
    private const string Word = "瓅琭珫器";

    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    private static async Task SettleAsync(HttpClient api)
    {
        await ImportJobWait.UntilIdleAsync(api);
    }

    [Test]
    public async Task An_analyst_confirms_a_guess_with_the_button_and_the_badge_goes_and_a_viewer_sees_no_button()
    {
        using var api = host.ApiClient();
        var chain = (await api.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!;
        var axle = chain.Segments.Single(s => s.Code == "ZQ-CHASSIS-AXLE");
        if (!axle.Keywords.Contains(Word))
        {
            var put = await api.PutAsJsonAsync("/api/chains/ZQ/segments/ZQ-CHASSIS-AXLE",
                new SegmentRequest(axle.Code, axle.Name, axle.Tier, axle.Parent, axle.Aliases, axle.Products, [.. axle.Keywords, Word], axle.IndustryCodes));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await SettleAsync(api);
        }

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"企业名称,行政区划代码,主营产品,环节\n随州审核确认有限公司,421303,{Word},\n")), "file", "review.csv");
        Assert.That((await api.PostAsync("/api/imports/companies", form)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await SettleAsync(api);
        var guessed = (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString("随州审核确认")}"))!.Items.Single();
        var viewerKey = await host.CreateKeyAsync(ChainMap.Access.Role.Viewer);

        await using (var viewing = await host.OpenAsync())
        {
            await viewing.GoAsync($"#/companies?id={guessed.Id}");
            await viewing.SignInAsync(viewerKey);
            var item = viewing.Page.Locator("#company-segments li.membership[data-segment='ZQ-CHASSIS-AXLE']");
            await item.Locator(".tag.unconfirmed").WaitForAsync();
            Assert.That(await item.Locator("button").CountAsync(), Is.Zero, "a viewer may not change memberships");
            viewing.AssertNoErrors();
        }

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync($"#/companies?id={guessed.Id}");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var unsure = page.Locator("#company-segments li.membership[data-segment='ZQ-CHASSIS-AXLE']");
        var confirm = unsure.Locator("button.confirm-membership");
        await confirm.WaitForAsync();
        var confirmText = await confirm.TextContentAsync();
        await confirm.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var undo = unsure.Locator("button.unconfirm-membership");
        await undo.WaitForAsync();
        var badges = await unsure.Locator(".tag.unconfirmed").CountAsync();
        var sureClass = await unsure.GetAttributeAsync("class");
        await journey.ScreenshotAsync("company-confirmed");
        var stored = (await api.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{guessed.Id}"))!;

        Assert.That(confirmText, Is.EqualTo("确认"));
        Assert.That(badges, Is.Zero, "the 待确认 badge is gone");
        Assert.That(sureClass, Does.Not.Contain("unconfirmed"));
        Assert.That(await undo.TextContentAsync(), Is.EqualTo("撤销确认"));
        Assert.That(stored.Company.Segments.Single().Status, Is.EqualTo("confirmed"));

        await undo.ClickAsync();
        await unsure.Locator(".tag.unconfirmed").WaitForAsync();
        Assert.That((await api.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{guessed.Id}"))!.Company.Segments.Single().Status, Is.EqualTo("unconfirmed"));
        journey.AssertNoErrors();
    }
}
