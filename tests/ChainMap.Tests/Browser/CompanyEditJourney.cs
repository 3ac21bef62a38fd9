using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Api.Projects;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Browser;

/// <summary>
/// An analyst edits a company on its detail page and sees the change with its analyst provenance, has a stale edit
/// refused with the way to reload, and has a delete refused because a project refers to the company; a viewer sees no
/// edit controls. Its own host, because it imports and changes companies the other journeys do not expect.
/// </summary>
[NonParallelizable]
public sealed class CompanyEditJourney
{
    private const string Edited = "随州编辑旅程有限公司";
    private const string Linked = "随州项目旅程有限公司";

    private WebPageHost host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    private static async Task<CompanyResponse> FindAsync(HttpClient api, string name) =>
        (await api.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single();

    [Test]
    public async Task An_analyst_edits_a_company_sees_its_provenance_has_a_stale_edit_and_a_blocked_delete_refused()
    {
        using var api = host.ApiClient();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"企业名称,行政区划代码,注册资本,员工人数\n{Edited},421303,5000,80\n{Linked},421303,3000,40\n")), "file", "journey.csv");
        var upload = await api.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        job = await ImportJobWait.UntilAsync(api, job.Id);

        var edited = await FindAsync(api, Edited);
        var linked = await FindAsync(api, Linked);
        var project = await api.PostAsJsonAsync("/api/projects", new CreateProjectRequest(CompanyId: linked.Id, Chain: "ZQ", Team: "csj", Unit: "曾都区", Date: "2026-03-01", Name: "旅程配套项目"));
        Assert.That(project.StatusCode, Is.EqualTo(HttpStatusCode.Created), await project.Content.ReadAsStringAsync());
        var analystKey = await host.CreateKeyAsync(Role.Analyst);
        var viewerKey = await host.CreateKeyAsync(Role.Viewer);

        await using (var viewing = await host.OpenAsync())
        {
            await viewing.GoAsync($"#/companies?id={edited.Id}");
            await viewing.SignInAsync(viewerKey);
            await viewing.Page.Locator("#company-provenance").WaitForAsync();
            Assert.That(await viewing.Page.Locator("#edit-company, #delete-company").CountAsync(), Is.Zero, "read-only for a viewer");
            viewing.AssertNoErrors();
        }

        await using var journey = await host.OpenAsync();
        var page = journey.Page;
        await journey.GoAsync($"#/companies?id={edited.Id}");
        await journey.SignInAsync(analystKey);

        await page.Locator("#edit-company").ClickAsync();
        await page.Locator("#edit-registeredCapital").FillAsync("8000");
        await page.Locator("#edit-products").FillAsync("环卫车底盘");
        await page.Locator("#save-company").ClickAsync();
        var capitalSource = page.Locator("#company-provenance li[data-field='registered_capital'][data-source='analyst']");
        await capitalSource.WaitForAsync();
        var capitalText = await capitalSource.TextContentAsync();
        var facts = await page.Locator(".side-panel dl.facts").TextContentAsync();
        var employeesSource = await page.Locator("#company-provenance li[data-field='employees']").GetAttributeAsync("data-source");
        await journey.ScreenshotAsync("company-edited");

        // Someone else changes the company meanwhile: the page still holds version 2.
        var other = await api.PatchAsync($"/api/companies/{edited.Id}", new StringContent("{\"version\":2,\"revenue\":12000}", Encoding.UTF8, "application/json"));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await page.Locator("#edit-company").ClickAsync();
        await page.Locator("#edit-employees").FillAsync("90");
        await page.Locator("#save-company").ClickAsync();
        var reload = page.Locator("#reload-company");
        await reload.WaitForAsync();
        var staleMessage = await page.Locator("#company-edit-message").TextContentAsync();
        await journey.ScreenshotAsync("company-stale-edit");
        await reload.ClickAsync();
        await page.Locator(".side-panel dl.facts", new() { HasText = "版本3" }).WaitForAsync();

        // The address changes only its hash: wait until the detail shows the other company, or the click may land on the
        // delete button of the one still on screen, whose confirmation the new detail then replaces.
        await journey.GoAsync($"#/companies?id={linked.Id}");
        await page.Locator(".side-panel .panel-head h2", new() { HasText = Linked }).WaitForAsync();
        await page.Locator("#delete-company").ClickAsync();
        await page.Locator("#confirm-delete").ClickAsync();
        var refused = page.Locator("#delete-refused");
        await refused.WaitForAsync();
        var refusedText = await refused.TextContentAsync();
        await journey.ScreenshotAsync("company-delete-refused");

        Assert.That(capitalText, Does.Contain("analyst 测试analyst ").And.Contain(DateTime.UtcNow.ToString("yyyy-", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(facts, Does.Contain("环卫车底盘").And.Contain("版本2"));
        Assert.That(employeesSource, Is.EqualTo("import"), "an unchanged field keeps its import");
        Assert.That(staleMessage, Does.Contain("version 3"));
        var stored = await FindAsync(api, Edited);
        Assert.That((stored.Employees, stored.Revenue, stored.RegisteredCapital, stored.Version), Is.EqualTo(((int?)80, (decimal?)12000m, (decimal?)8000m, 3L)), "the stale edit changed nothing");
        Assert.That(refusedText, Does.Contain("旅程配套项目"));
        Assert.That((await FindAsync(api, Linked)).Version, Is.EqualTo(1), "nothing deleted");
        journey.AssertNoErrors(409);
    }
}
