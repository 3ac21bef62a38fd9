using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Tests.Support;
using Microsoft.Playwright;

namespace ChainMap.Tests.Browser;

/// <summary>
/// An analyst merges a duplicate into the company it is from the duplicate's detail page, and undoes an import from
/// its job page. Its own host, because both remove companies the other journeys do not expect to lose.
/// </summary>
[NonParallelizable]
public sealed class CurationJourney
{
    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    private static async Task<ImportJobResponse> ImportAsync(HttpClient api, string csv, string fileName, bool overwriteAnalyst = false)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName);
        if (overwriteAnalyst)
        {
            form.Add(new StringContent("true"), "overwriteAnalyst");
        }

        var upload = await api.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        job = await ImportJobWait.UntilAsync(api, job.Id);

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        return job;
    }

    private static async Task<IReadOnlyList<CompanyResponse>> FindAsync(HttpClient api, string name) =>
        (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items;

    [Test]
    public async Task An_analyst_merges_a_duplicate_into_the_company_it_is()
    {
        const string Kept = "随州合并旅程专用汽车有限公司";
        const string Duplicate = "随州合并旅程专汽有限公司";
        using var api = host.ApiClient();
        await ImportAsync(api, $"企业名称,行政区划代码,注册资本,员工人数\n{Kept},421303,5000,\n{Duplicate},421303,,120\n", "merge-journey.csv");
        var kept = (await FindAsync(api, Kept)).Single();
        var duplicate = (await FindAsync(api, Duplicate)).Single();
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await journey.GoAsync($"#/companies?id={duplicate.Id}");
        await journey.SignInAsync(analystKey);
        await page.Locator("#merge-panel summary").ClickAsync();
        await page.Locator("#merge-search").FillAsync("合并旅程专用汽车");
        await page.Locator("#merge-search-button").ClickAsync();
        await page.Locator($"button[data-merge-into='{kept.Id}']").ClickAsync();
        // The page moves to the kept company by changing the address's hash (no load event): wait for what it shows.
        await page.Locator("button[data-merge-into]").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator(".side-panel h2", new() { HasText = Kept }).WaitForAsync();
        var facts = await page.Locator(".side-panel dl.facts", new() { HasText = "120" }).TextContentAsync();
        await journey.ScreenshotAsync("company-merged");

        Assert.That(page.Url, Does.Contain($"id={kept.Id}"), "the page shows the kept company");
        var afterKept = (await FindAsync(api, Kept)).Single();
        Assert.That(afterKept.Id, Is.EqualTo(kept.Id));
        Assert.That((afterKept.RegisteredCapital, afterKept.Employees), Is.EqualTo(((decimal?)5000m, (int?)120)), "the kept company takes the value it lacked");
        Assert.That(await FindAsync(api, Duplicate), Is.Empty, "the duplicate is gone");
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.BaseAddress };
        noRedirects.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        var old = await noRedirects.GetAsync($"/api/companies/{duplicate.Id}");
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.PermanentRedirect));
        Assert.That(old.Headers.Location?.ToString(), Does.EndWith($"/api/companies/{kept.Id}"));
        Assert.That(facts, Does.Contain("5,000").Or.Contain("5000"), "the page shows the kept company with both values");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task An_analyst_undoes_an_import_from_its_job_page()
    {
        const string First = "随州撤销旅程甲有限公司";
        const string Second = "随州撤销旅程乙有限公司";
        using var api = host.ApiClient();
        var job = await ImportAsync(api, $"企业名称,行政区划代码,注册资本\n{First},421303,100\n{Second},421303,200\n", "undo-journey.csv");
        Assert.That((await FindAsync(api, First)).Count + (await FindAsync(api, Second)).Count, Is.EqualTo(2));
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await journey.GoAsync($"#/import?job={job.Id}");
        await journey.SignInAsync(analystKey);
        await page.Locator("#undo-import").ClickAsync();
        var answer = page.Locator("#import-undone, #undo-error");
        await answer.First.WaitForAsync();
        Assert.That(await page.Locator("#undo-error").CountAsync(), Is.Zero, await answer.First.TextContentAsync());
        var state = await page.Locator("#import-state").GetAttributeAsync("data-state");
        await journey.ScreenshotAsync("import-undone");

        Assert.That(state, Is.EqualTo("undone"));
        Assert.That(await page.Locator("#undo-import").CountAsync(), Is.Zero, "an undone import offers no second undo");
        Assert.That(await FindAsync(api, First), Is.Empty);
        Assert.That(await FindAsync(api, Second), Is.Empty);
        Assert.That((await api.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{job.Id}"))!.State, Is.EqualTo("undone"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task A_merge_from_a_page_read_before_someone_changed_the_company_is_refused_and_changes_nothing()
    {
        const string Kept = "随州过期合并旅程专用汽车有限公司";
        const string Duplicate = "随州过期合并旅程专汽有限公司";
        using var api = host.ApiClient();
        await ImportAsync(api, $"企业名称,行政区划代码,注册资本\n{Kept},421303,5000\n{Duplicate},421303,300\n", "stale-merge-journey.csv");
        var kept = (await FindAsync(api, Kept)).Single();
        var duplicate = (await FindAsync(api, Duplicate)).Single();
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await journey.GoAsync($"#/companies?id={duplicate.Id}");
        await journey.SignInAsync(analystKey);
        await page.Locator(".side-panel h2", new() { HasText = Duplicate }).WaitForAsync();

        // A colleague adds a segment to the duplicate after this page read it: its version moves on.
        var added = await api.PostAsJsonAsync($"/api/companies/{duplicate.Id}/memberships", new { segment = "ZQ-CHASSIS-AXLE" });
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK), await added.Content.ReadAsStringAsync());

        await page.Locator("#merge-panel summary").ClickAsync();
        await page.Locator("#merge-search").FillAsync("过期合并旅程专用汽车");
        await page.Locator("#merge-search-button").ClickAsync();
        await page.Locator($"button[data-merge-into='{kept.Id}']").ClickAsync();
        var error = await page.Locator("#merge-error").TextContentAsync();
        await journey.ScreenshotAsync("company-merge-stale");

        Assert.That(error, Does.Contain("version").And.Contain("nothing was merged"));
        Assert.That(await FindAsync(api, Duplicate), Has.Count.EqualTo(1), "the duplicate is still there");
        Assert.That((await FindAsync(api, Kept)).Single().RegisteredCapital, Is.EqualTo(5000m));
        journey.AssertNoErrors(409);
    }

    [Test]
    public async Task An_import_jobs_page_says_it_overwrote_analysts_values()
    {
        using var api = host.ApiClient();
        var job = await ImportAsync(api, "企业名称,行政区划代码,注册资本\n随州覆盖旅程有限公司,421303,100\n", "overwrite-journey.csv", overwriteAnalyst: true);
        var analystKey = await host.CreateKeyAsync(Role.Analyst);

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync($"#/import?job={job.Id}");
        await journey.SignInAsync(analystKey);
        var options = await page.Locator("#import-options", new() { HasText = "overwrite-journey.csv" }).TextContentAsync();

        Assert.That(options, Does.Contain("覆盖分析员手工修改的值"));
        journey.AssertNoErrors();
    }
}
