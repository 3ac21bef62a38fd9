using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Browser;

/// <summary>
/// An analyst reviews an import's 待确认 guesses on the review page from the keyboard (↓, Space, a, r),
/// adds a membership on the company page, and the investment map counts the confirmed ones at once.
/// Its own host, so the other journeys' counts stay as they expect.
/// </summary>
[NonParallelizable]
public sealed partial class ReviewQueueJourney
{
    private const string Word = "瑧璩瓈器";

    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    private static async Task SettleAsync(HttpClient api)
    {
        await ImportJobWait.UntilIdleAsync(api);
    }

    [GeneratedRegex(@"本地企业\s*(\d+)\s*家")]
    private static partial Regex LocalCount();

    [Test]
    public async Task A_bulk_review_from_the_keyboard_and_an_added_membership_change_the_map_at_once()
    {
        using var api = host.ApiClient();
        var chain = (await api.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!;
        var axle = chain.Segments.Single(s => s.Code == "ZQ-CHASSIS-AXLE");
        var put = await api.PutAsJsonAsync("/api/chains/ZQ/segments/ZQ-CHASSIS-AXLE",
            new SegmentRequest(axle.Code, axle.Name, axle.Tier, axle.Parent, axle.Aliases, axle.Products, [.. axle.Keywords, Word], axle.IndustryCodes));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await SettleAsync(api);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(
            $"企业名称,行政区划代码,主营产品,环节\n随州审核一号有限公司,421303,{Word},\n随州审核二号有限公司,421303,{Word},\n随州审核三号有限公司,421303,{Word},\n")), "file", "queue.csv");
        var upload = await api.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        await SettleAsync(api);
        async Task<CompanyResponse> FindAsync(string name) =>
            (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single();

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync("#/map?chain=ZQ&segment=ZQ-CHASSIS-AXLE");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var local = page.Locator("p", new() { HasTextRegex = LocalCount() }).First;
        await local.WaitForAsync();
        var before = int.Parse(LocalCount().Match((await local.TextContentAsync())!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await journey.GoAsync($"#/review?import={job.Id}");
        var rows = page.Locator("#review-table tr.review-row");
        await rows.First.WaitForAsync();
        var listed = await rows.CountAsync();
        var evidence = await rows.First.Locator("td.evidence").TextContentAsync();
        await page.Locator("#review-table").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync(" ");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync(" ");
        await journey.ScreenshotAsync("review-selected");
        await page.Keyboard.PressAsync("a");
        await page.Locator(".review-status", new() { HasTextString = "已确认 2 条" }).WaitForAsync();
        var left = await rows.CountAsync();
        await page.Keyboard.PressAsync("r");
        await page.Locator(".review-status", new() { HasTextString = "已驳回 1 条" }).WaitForAsync();
        await journey.ScreenshotAsync("review-done");

        var (one, two, three) = (await FindAsync("随州审核一号"), await FindAsync("随州审核二号"), await FindAsync("随州审核三号"));
        Assert.That(listed, Is.EqualTo(3));
        Assert.That(evidence, Does.Contain(Word));
        Assert.That(left, Is.EqualTo(1), "the confirmed rows leave the 待确认 queue");
        Assert.That(one.Segments.Select(m => (m.Segment, m.Status, m.Source)), Is.EqualTo(new[] { ("ZQ-CHASSIS-AXLE", "confirmed", "analyst") }));
        Assert.That(two.Segments.Select(m => (m.Segment, m.Status, m.Source)), Is.EqualTo(new[] { ("ZQ-CHASSIS-AXLE", "confirmed", "analyst") }));
        Assert.That(three.Segments, Is.Empty, "rejected from the keyboard");

        await journey.GoAsync($"#/companies?id={one.Id}");
        await page.Locator("#add-membership-segment").WaitForAsync();
        await page.Locator("#add-membership-segment").FillAsync("制動與轉向系統");
        await page.Locator("#add-membership-role").FillAsync("制动器");
        await page.Locator("form.add-membership button[type=submit]").ClickAsync();
        await page.Locator("#company-segments li.membership[data-segment='ZQ-CHASSIS-BRAKE']").WaitForAsync();
        var added = (await api.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{one.Id}"))!.Company.Segments;

        await journey.GoAsync("#/map?chain=ZQ&segment=ZQ-CHASSIS-AXLE");
        await page.ReloadAsync();
        var after = page.Locator("p", new() { HasTextRegex = LocalCount() }).First;
        await after.WaitForAsync();
        var afterCount = int.Parse(LocalCount().Match((await after.TextContentAsync())!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(added.Single(m => m.Segment == "ZQ-CHASSIS-BRAKE").Role, Is.EqualTo("制动器"));
        Assert.That(afterCount, Is.EqualTo(before + 2), "the two confirmed companies count on the map at once");
        journey.AssertNoErrors();
    }
}
