using System.Net.Http.Json;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Browser;

/// <summary>
/// An analyst removes the demo set from the imports page: the counts, a confirmation, the answer, and no demo after.
/// Its own host and store, loaded with a small demo set: removing the demo from the shared host would break the other journeys.
/// </summary>
[NonParallelizable]
public sealed class DemoRemovalJourney
{
    private SmallDemoData data = null!;
    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        data = new SmallDemoData();
        host = await WebPageHost.StartAsync(new Dictionary<string, string?> { ["Storage:DefaultDataPath"] = data.Path });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    [Test]
    public async Task An_analyst_removes_the_demo_set_after_confirming_and_the_page_offers_it_no_more()
    {
        using var api = host.ApiClient();
        var analystKey = await host.CreateKeyAsync(Role.Analyst);
        string? confirmation = null;

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        page.Dialog += (_, dialog) =>
        {
            confirmation = dialog.Message;
            dialog.AcceptAsync();
        };
        await journey.GoAsync("#/import");
        await journey.SignInAsync(analystKey);
        var counts = await page.Locator("#demo-counts").TextContentAsync();
        await journey.ScreenshotAsync("demo-present");
        await page.Locator("#remove-demo").ClickAsync();
        var answer = page.Locator("#demo-removed, #demo-error");
        await answer.First.WaitForAsync();
        Assert.That(await page.Locator("#demo-error").CountAsync(), Is.Zero, await answer.First.TextContentAsync());
        var removed = await page.Locator("#demo-removed").TextContentAsync();
        await journey.ScreenshotAsync("demo-removed");

        Assert.That(counts, Does.Contain("企业 4 家").And.Contain("渠道 1 个").And.Contain("企业关系 1 条"));
        Assert.That(confirmation, Does.Contain("示例企业 4 家"), "the removal asks first, naming what goes");
        Assert.That(removed, Does.Contain("已移除示例数据：企业 4 家"));
        Assert.That(await page.Locator("#remove-demo").CountAsync(), Is.Zero);
        Assert.That((await api.GetFromJsonAsync<DemoResponse>("/api/demo"))!.Present, Is.False);
        Assert.That((await api.GetFromJsonAsync<CompanyPageResponse>("/api/companies?pageSize=1"))!.Total, Is.Zero);

        // Shown again, the page has no demo to offer.
        await page.ReloadAsync();
        await page.Locator("#demo-data[data-state='none']").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        Assert.That(await page.Locator("#remove-demo").CountAsync(), Is.Zero);
        journey.AssertNoErrors();
    }
}
