using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Api.Projects;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// POST /api/imports/{id}/undo: removes what a company import created and restores what it changed, and the job
/// reads "undone"; refused (409, nothing changed) for a dry run, an undone job, or when a later change depends on it.
/// </summary>
public sealed class ImportUndoApiTests : ServiceFixture
{
    private async Task<ImportJobResponse> ImportAsync(string csv, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("企业名称,行政区划代码,注册资本\n" + csv)), "file", "undo.csv");
        if (dryRun)
        {
            form.Add(new StringContent("true"), "dryRun");
        }

        var upload = await Client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        job = await ImportJobWait.UntilAsync(Client, job.Id);

        return job;
    }

    private async Task<CompanyResponse?> FindAsync(string name) =>
        (await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.SingleOrDefault(c => c.Name == name);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Test]
    public async Task Undo_takes_back_the_import_and_the_job_reads_undone()
    {
        await ImportAsync("随州撤销接口甲有限公司,421303,800\n");
        var second = await ImportAsync("随州撤销接口甲有限公司,421303,1200\n随州撤销接口乙有限公司,421303,300\n");
        Assert.That((second.Inserted, second.Updated), Is.EqualTo((1L, 1L)));

        var response = await Client.PostAsync($"/api/imports/{second.Id}/undo", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.Content.ReadFromJsonAsync<ImportJobResponse>())!.State, Is.EqualTo("undone"));
        Assert.That((await Client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{second.Id}"))!.State, Is.EqualTo("undone"));
        Assert.That(await FindAsync("随州撤销接口乙有限公司"), Is.Null);
        Assert.That((await FindAsync("随州撤销接口甲有限公司"))!.RegisteredCapital, Is.EqualTo(800m));

        var again = await ProblemAsync(await Client.PostAsync($"/api/imports/{second.Id}/undo", null), HttpStatusCode.Conflict);
        Assert.That(again.GetProperty("detail").GetString(), Does.Contain("undone already"));
    }

    [Test]
    public async Task A_dry_run_and_an_unknown_job_have_nothing_to_undo()
    {
        var dry = await ImportAsync("随州撤销试运行有限公司,421303,100\n", dryRun: true);

        var dryUndo = await ProblemAsync(await Client.PostAsync($"/api/imports/{dry.Id}/undo", null), HttpStatusCode.Conflict);
        var unknown = await ProblemAsync(await Client.PostAsync("/api/imports/imp-nope/undo", null), HttpStatusCode.NotFound);

        Assert.That(dryUndo.GetProperty("code").GetString(), Is.EqualTo("nothing-to-undo"));
        Assert.That(dryUndo.GetProperty("detail").GetString(), Does.Contain("dry run"));
        Assert.That(unknown.GetProperty("detail").GetString(), Does.Contain("imp-nope"));
        Assert.That((await Client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{dry.Id}"))!.State, Is.EqualTo("succeeded"));
    }

    [Test]
    public async Task Undo_is_refused_naming_the_project_on_a_created_company_and_nothing_changes()
    {
        var job = await ImportAsync("随州撤销有项目有限公司,421303,100\n");
        var company = (await FindAsync("随州撤销有项目有限公司"))!;
        var project = await Client.PostAsJsonAsync("/api/projects", new CreateProjectRequest(CompanyId: company.Id, Chain: "ZQ", Team: "csj", Unit: "曾都区", Date: "2026-03-01"));
        Assert.That(project.StatusCode, Is.EqualTo(HttpStatusCode.Created), await project.Content.ReadAsStringAsync());
        var projectId = (await project.Content.ReadFromJsonAsync<ProjectDetailResponse>())!.Project.Id;

        var refused = await ProblemAsync(await Client.PostAsync($"/api/imports/{job.Id}/undo", null), HttpStatusCode.Conflict);

        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("undo-blocked"));
        Assert.That(refused.GetProperty("dependents").EnumerateArray().Select(e => e.GetString()), Has.Some.Contains($"project {projectId}"));
        Assert.That(await FindAsync("随州撤销有项目有限公司"), Is.Not.Null);
        Assert.That((await Client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{job.Id}"))!.State, Is.EqualTo("succeeded"));
    }
}
