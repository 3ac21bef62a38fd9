using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Api.Projects;
using ChainMap.Api.Targets;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// Analysts edit a company's fields (PATCH /api/companies/{id}) and delete companies (DELETE ...?version=): the version
/// guards both, every changed field's provenance names the analyst, a later import keeps the analyst's values unless
/// asked to overwrite them, and bad requests are refused naming the field and change nothing.
/// </summary>
public sealed class CompanyEditApiTests : ServiceFixture
{
    private const string Segment = "ZQ-CHASSIS-AXLE";
    private const string Renamed = "昆山编辑甲车桥有限公司";
    private const string Stale = "昆山编辑乙车桥有限公司";
    private const string Invalid = "昆山编辑丙车桥有限公司";
    private const string Same = "昆山编辑丁车桥有限公司";
    private const string Collider = "昆山编辑戊车桥有限公司";
    private const string Reimported = "昆山编辑己车桥有限公司";
    private const string Deleted = "昆山编辑庚车桥有限公司";
    private const string InProject = "昆山编辑辛车桥有限公司";
    private const string Roles = "昆山编辑壬车桥有限公司";

    private static readonly string[] Names = [Renamed, Stale, Invalid, Same, Collider, Reimported, Deleted, InProject, Roles];

    private HttpClient analyst = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        analyst = await Factory.CreateClientAsAsync(Role.Analyst);
        var csv = new StringBuilder("企业名称,行政区划代码,主营产品,注册资本,员工人数,环节\n");
        foreach (var name in Names)
        {
            csv.Append(name).Append(",320583,车桥,5000,120,").Append(Segment).Append('\n');
        }

        await ImportAsync(csv.ToString(), "edit.csv");
    }

    [OneTimeTearDown]
    public void SignOutAnalyst()
    {
        analyst.Dispose();
    }

    private async Task<ImportJobResponse> ImportAsync(string csv, string fileName, bool overwriteAnalyst = false)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName);
        if (overwriteAnalyst)
        {
            form.Add(new StringContent("true"), "overwriteAnalyst");
        }

        var upload = await Client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        job = await ImportJobWait.UntilAsync(Client, job.Id);

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        return job;
    }

    private async Task<CompanyDetailResponse> DetailAsync(string name)
    {
        var found = (await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single();
        return (await Client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{found.Id}"))!;
    }

    private async Task<List<string>> TargetNamesAsync() =>
        (await Client.GetFromJsonAsync<TargetPageResponse>($"/api/targets?chain=ZQ&segment={Segment}&region=&pageSize=100"))!.Items.Select(t => t.Name).ToList();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Test]
    public async Task An_analysts_edit_changes_the_fields_moves_the_version_records_the_analyst_and_shows_in_targets_at_once()
    {
        var before = await DetailAsync(Renamed);
        Assert.That(before.Company.Version, Is.EqualTo(1), "a company's first version");
        Assert.That(await TargetNamesAsync(), Does.Contain(Renamed));

        // Region by name in the traditional script; tags as one text.
        var response = await analyst.PatchAsync($"/api/companies/{before.Company.Id}", Json(
            "{\"version\":1,\"name\":\"昆山编辑甲车桥股份有限公司\",\"region\":\"吳中區\",\"registeredCapital\":8000,\"tags\":\"专精特新、高新技术企业\",\"founded\":\"2008-05-01\"}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var detail = (await response.Content.ReadFromJsonAsync<CompanyDetailResponse>())!;
        var c = detail.Company;
        Assert.That((c.Name, c.RegionCode, c.RegisteredCapital, c.Employees, c.Founded, c.Version),
            Is.EqualTo(("昆山编辑甲车桥股份有限公司", "320506", (decimal?)8000m, (int?)120, "2008-05-01", 2L)));
        Assert.That(c.Tags, Is.EqualTo(new[] { "专精特新", "高新技术企业" }));
        Assert.That(c.Segments.Select(s => s.Segment), Is.EqualTo(new[] { Segment }), "memberships are not the edit's");
        var byField = detail.Provenance.ToDictionary(p => p.Field);
        foreach (var field in new[] { "name", "region", "registered_capital", "tags", "founded" })
        {
            Assert.That(byField[field].Source, Is.EqualTo("analyst"), field);
            Assert.That(byField[field].By, Is.EqualTo("test analyst"), field);
            Assert.That(byField[field].ImportId, Is.Null, field);
        }

        Assert.That(byField["employees"].Source, Is.EqualTo("import"), "an unchanged field keeps its import");
        Assert.That(byField["employees"].File, Is.EqualTo("edit.csv"));
        Assert.That(await TargetNamesAsync(), Does.Contain("昆山编辑甲车桥股份有限公司").And.Not.Contain(Renamed), "the target list shows the edit at once");
        var audit = await Client.GetStringAsync("/api/audit");
        Assert.That(audit, Does.Contain($"/api/companies/{c.Id}").And.Contain("PATCH"), "audited like every change");
    }

    [Test]
    public async Task A_stale_version_is_refused_with_the_current_version_and_changes_nothing()
    {
        var company = (await DetailAsync(Stale)).Company;
        var first = await analyst.PatchAsync($"/api/companies/{company.Id}", Json("{\"version\":1,\"employees\":130}"));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());

        var stale = await analyst.PatchAsync($"/api/companies/{company.Id}", Json("{\"version\":1,\"employees\":140,\"revenue\":9000}"));

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await ProblemAsync(stale);
        Assert.That(problem.GetProperty("currentVersion").GetInt64(), Is.EqualTo(2));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("version 2"));
        var after = (await DetailAsync(Stale)).Company;
        Assert.That((after.Employees, after.Revenue, after.Version), Is.EqualTo(((int?)130, (decimal?)null, 2L)));
    }

    [Test]
    public async Task Unknown_company_is_404_and_bad_values_are_400_naming_the_field_and_change_nothing()
    {
        var before = await DetailAsync(Invalid);
        var id = before.Company.Id;
        var bad = new (string Body, string Field)[]
        {
            ("{\"version\":1,\"registeredCapital\":\"很多\"}", "registeredCapital"),
            ("{\"version\":1,\"revenue\":-5}", "revenue"),
            ("{\"version\":1,\"employees\":-1}", "employees"),
            ("{\"version\":1,\"employees\":1.5}", "employees"),
            ("{\"version\":1,\"founded\":\"2026-13-01\"}", "founded"),
            ("{\"version\":1,\"region\":\"无此地方\"}", "region"),
            ("{\"version\":1,\"region\":\"长三角\"}", "region"),
            ("{\"version\":1,\"region\":\"\"}", "region"),
            ("{\"version\":1,\"name\":\"\"}", "name"),
            ("{\"version\":1,\"name\":null}", "name"),
            ("{\"version\":1,\"tags\":[1,2]}", "tags"),
            ("{\"version\":1,\"uscc\":\"91350100M000100Y43\"}", "uscc"),
            ("{\"employees\":10}", "version"),
            ("{\"version\":\"1\",\"employees\":10}", "version"),
            ("{\"version\":1}", "fields"),
        };

        foreach (var (body, field) in bad)
        {
            var response = await analyst.PatchAsync($"/api/companies/{id}", Json(body));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            var problem = await ProblemAsync(response);
            Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, $"{body}: {problem}");
        }

        var unknown = await analyst.PatchAsync("/api/companies/99999999", Json("{\"version\":1,\"employees\":10}"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ProblemAsync(unknown)).GetProperty("detail").GetString(), Does.Contain("99999999"));

        var after = await DetailAsync(Invalid);
        Assert.That(after.Company, Is.EqualTo(before.Company).Using<CompanyResponse>((a, b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b)));
        Assert.That(after.Provenance, Is.EqualTo(before.Provenance));
    }

    [Test]
    public async Task Giving_the_stored_values_changes_nothing_and_keeps_the_version_and_provenance()
    {
        var before = await DetailAsync(Same);

        var response = await analyst.PatchAsync($"/api/companies/{before.Company.Id}", Json(
            $"{{\"version\":1,\"name\":\"{Same}\",\"region\":\"320583\",\"registeredCapital\":5000,\"employees\":120}}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var after = await DetailAsync(Same);
        Assert.That(after.Company.Version, Is.EqualTo(1));
        Assert.That(after.Provenance, Is.EqualTo(before.Provenance));
        Assert.That(after.Provenance.Select(p => p.Source).Distinct(), Is.EqualTo(new[] { "import" }));
    }

    [Test]
    public async Task An_edit_that_makes_the_company_another_ones_namesake_in_its_region_is_refused_naming_it()
    {
        var collider = (await DetailAsync(Collider)).Company;
        var other = (await DetailAsync(Roles)).Company;

        // 昆山 (320583) lies in 苏州市 (320500): the import identity rule would take the two for one.
        var response = await analyst.PatchAsync($"/api/companies/{collider.Id}", Json($"{{\"version\":1,\"name\":\"{Roles}\",\"region\":\"苏州市\"}}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await ProblemAsync(response);
        Assert.That(problem.GetProperty("otherCompanyId").GetInt64(), Is.EqualTo(other.Id));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain(Roles));
        var after = (await DetailAsync(Collider)).Company;
        Assert.That((after.Name, after.RegionCode, after.Version), Is.EqualTo((Collider, "320583", 1L)));
    }

    [Test]
    public async Task Only_analysts_and_admins_edit_or_delete()
    {
        var company = (await DetailAsync(Roles)).Company;
        using var planner = await Factory.CreateClientAsAsync(Role.Planner);
        using var member = await Factory.CreateClientAsAsync(Role.TeamMember, "csj");

        foreach (var user in new[] { planner, member })
        {
            Assert.That((await user.PatchAsync($"/api/companies/{company.Id}", Json("{\"version\":1,\"employees\":1}"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await user.DeleteAsync($"/api/companies/{company.Id}?version=1")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        Assert.That((await DetailAsync(Roles)).Company.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_later_import_keeps_the_analysts_values_and_counts_them_unless_asked_to_overwrite()
    {
        var company = (await DetailAsync(Reimported)).Company;
        var edit = await analyst.PatchAsync($"/api/companies/{company.Id}", Json("{\"version\":1,\"registeredCapital\":7000,\"employees\":150}"));
        Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edit.Content.ReadAsStringAsync());
        var file = $"企业名称,行政区划代码,主营产品,注册资本,员工人数,环节\n{Reimported},320583,车桥,6000,160,{Segment}\n";

        var kept = await ImportAsync(file, "again.csv");

        Assert.That(kept.AnalystValuesKept, Is.EqualTo(2), "capital and employees differ from the analyst's and were kept");
        var afterKeep = await DetailAsync(Reimported);
        Assert.That((afterKeep.Company.RegisteredCapital, afterKeep.Company.Employees, afterKeep.Company.Version), Is.EqualTo(((decimal?)7000m, (int?)150, 2L)));
        Assert.That(afterKeep.Provenance.Single(p => p.Field == "registered_capital").Source, Is.EqualTo("analyst"));

        var overwritten = await ImportAsync(file, "overwrite.csv", overwriteAnalyst: true);

        Assert.That(overwritten.AnalystValuesKept, Is.EqualTo(0));
        Assert.That(overwritten.Updated, Is.EqualTo(1));
        var afterOverwrite = await DetailAsync(Reimported);
        Assert.That((afterOverwrite.Company.RegisteredCapital, afterOverwrite.Company.Employees, afterOverwrite.Company.Version), Is.EqualTo(((decimal?)6000m, (int?)160, 3L)));
        Assert.That(afterOverwrite.Provenance.Single(p => p.Field == "registered_capital").File, Is.EqualTo("overwrite.csv"));
    }

    [Test]
    public async Task Deleting_removes_the_company_from_reads_and_targets_and_needs_the_current_version()
    {
        var company = (await DetailAsync(Deleted)).Company;

        var noVersion = await analyst.DeleteAsync($"/api/companies/{company.Id}");
        var stale = await analyst.DeleteAsync($"/api/companies/{company.Id}?version=7");
        Assert.That(noVersion.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemAsync(noVersion)).GetProperty("errors").TryGetProperty("version", out _), Is.True);
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await ProblemAsync(stale)).GetProperty("currentVersion").GetInt64(), Is.EqualTo(1));
        Assert.That(await TargetNamesAsync(), Does.Contain(Deleted), "refused deletes changed nothing");

        var deleted = await analyst.DeleteAsync($"/api/companies/{company.Id}?version=1");

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await deleted.Content.ReadAsStringAsync());
        Assert.That((await Client.GetAsync($"/api/companies/{company.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await TargetNamesAsync(), Does.Not.Contain(Deleted), "gone from the targets at once");
        Assert.That((await analyst.DeleteAsync($"/api/companies/{company.Id}?version=1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Deleting_a_company_a_project_refers_to_is_refused_naming_the_project()
    {
        var company = (await DetailAsync(InProject)).Company;
        var created = await Client.PostAsJsonAsync("/api/projects", new CreateProjectRequest(CompanyId: company.Id, Chain: "ZQ", Team: "csj", Unit: "曾都区", Date: "2026-03-01", Name: "车桥配套项目"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var project = (await created.Content.ReadFromJsonAsync<ProjectDetailResponse>())!.Project;

        var response = await analyst.DeleteAsync($"/api/companies/{company.Id}?version=1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await ProblemAsync(response);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("车桥配套项目").And.Contain(project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(problem.GetProperty("projects")[0].GetProperty("id").GetInt64(), Is.EqualTo(project.Id));
        Assert.That((await DetailAsync(InProject)).Company.Segments, Has.Count.EqualTo(1), "nothing deleted");
    }
}
