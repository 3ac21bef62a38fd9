using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Api.Access;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Api.Projects;
using ChainMap.Domain;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// POST /api/companies/{id}/merge: the other company's data moves to {id}, its id then redirects there; bad input,
/// unknown ids, two USCCs and two open projects are refused with a ProblemDetails naming what, and change nothing.
/// </summary>
public sealed class CompanyMergeApiTests : ServiceFixture
{
    private static int serial;

    private static string UniqueUscc() =>
        Uscc.FromBody("91421303MA4" + Interlocked.Increment(ref serial).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Value;

    /// <summary>Imports the rows (name, region code, USCC or empty, capital or empty, products or empty) and returns the companies' ids in order.</summary>
    private async Task<List<long>> ImportAsync(params (string Name, string Region, string? Uscc, string? Capital, string? Products)[] rows)
    {
        var csv = new StringBuilder("企业名称,行政区划代码,统一社会信用代码,注册资本,主营产品\n");
        foreach (var row in rows)
        {
            csv.Append(row.Name).Append(',').Append(row.Region).Append(',').Append(row.Uscc).Append(',').Append(row.Capital).Append(',').Append(row.Products).Append('\n');
        }

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "merge.csv");
        var upload = await Client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        await ImportJobWait.UntilAsync(Client, job.Id);

        var ids = new List<long>();
        foreach (var row in rows)
        {
            var page = await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(row.Name)}");
            ids.Add(page!.Items.Single(c => c.Name == row.Name).Id);
        }

        return ids;
    }

    private static string Name(string stem) => $"{stem}{Interlocked.Increment(ref serial)}号专用汽车有限公司";

    private async Task<string> DetailTextAsync(long id) => await Client.GetStringAsync($"/api/companies/{id}");

    private Task<HttpResponseMessage> MergeAsync(object id, object body) =>
        Client.PostAsync($"/api/companies/{id}/merge", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<long> CreateProjectAsync(long companyId)
    {
        var response = await Client.PostAsJsonAsync("/api/projects", new CreateProjectRequest(CompanyId: companyId, Chain: "ZQ", Team: "csj", Unit: "曾都区", Date: "2026-03-01"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProjectDetailResponse>())!.Project.Id;
    }

    [Test]
    public async Task Merge_takes_what_the_survivor_lacks_moves_the_project_and_the_old_id_redirects()
    {
        var uscc = UniqueUscc();
        var (keep, gone) = (Name("随州合并甲"), Name("随州合并甲简称"));
        var ids = await ImportAsync((keep, "421300", null, "500", null), (gone, "421303", uscc, "9000", "罐式车"));
        var project = await CreateProjectAsync(ids[1]);

        var response = await MergeAsync(ids[0], new { from = ids[1] });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var merged = (await response.Content.ReadFromJsonAsync<CompanyMergeResponse>())!;
        Assert.That((merged.Id, merged.Merged), Is.EqualTo((ids[0], ids[1])));
        Assert.That(merged.TakenFields, Is.EqualTo(new[] { "uscc", "region", "products" }));
        Assert.That(merged.Projects, Is.EqualTo(new[] { project }));
        Assert.That((merged.Company.Company.Name, merged.Company.Company.Uscc, merged.Company.Company.RegisteredCapital, merged.Company.Company.Products),
            Is.EqualTo((keep, (string?)uscc, (decimal?)500m, (string?)"罐式车")));
        Assert.That(merged.Company.Provenance.Select(p => p.Field), Does.Contain("uscc"));

        using var noRedirect = Factory.CreateDefaultClient(new Uri("http://localhost"));
        noRedirect.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ChainMapApiFactory.AdminKey);
        var old = await noRedirect.GetAsync($"/api/companies/{ids[1]}");
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.PermanentRedirect));
        Assert.That(old.Headers.Location?.ToString(), Is.EqualTo($"/api/companies/{ids[0]}"));
        // HttpClient drops the credential on a redirect (browsers keep it on the same origin): follow by hand.
        var followed = await Client.GetFromJsonAsync<CompanyDetailResponse>(old.Headers.Location);
        Assert.That(followed!.Company.Id, Is.EqualTo(ids[0]));
        Assert.That((await Client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{uscc}"))!.Company.Id, Is.EqualTo(ids[0]), "the USCC finds the survivor");
        var projectDetail = await Client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{project}");
        Assert.That(projectDetail!.Project.Company.Id, Is.EqualTo(ids[0]));
        var search = await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(gone)}");
        Assert.That(search!.Items, Is.Empty, "the merged company is no longer listed");

        var audit = await Client.GetFromJsonAsync<List<AuditResponse>>("/api/audit?limit=200");
        Assert.That(audit!.Any(a => a.Method == "POST" && a.Path == $"/api/companies/{ids[0]}/merge" && a.Status == 200), Is.True, "the merge is in the audit log");
    }

    [Test]
    public async Task Bad_input_and_unknown_ids_are_refused_naming_what_and_change_nothing()
    {
        var ids = await ImportAsync((Name("随州坏请求甲"), "421303", null, "100", null), (Name("随州坏请求乙"), "421303", UniqueUscc(), "200", null));
        var before = (await DetailTextAsync(ids[0]), await DetailTextAsync(ids[1]));

        var notANumber = await ProblemAsync(await MergeAsync("abc", new { from = ids[1] }), HttpStatusCode.BadRequest);
        var noFrom = await ProblemAsync(await MergeAsync(ids[0], new { }), HttpStatusCode.BadRequest);
        var itself = await ProblemAsync(await MergeAsync(ids[0], new { from = ids[0] }), HttpStatusCode.BadRequest);
        var unknownFrom = await ProblemAsync(await MergeAsync(ids[0], new { from = 98_765_432 }), HttpStatusCode.NotFound);
        var unknownBoth = await ProblemAsync(await MergeAsync(98_765_431, new { from = 98_765_432 }), HttpStatusCode.NotFound);

        Assert.That(notANumber.GetProperty("field").GetString(), Is.EqualTo("id"));
        Assert.That(noFrom.GetProperty("field").GetString(), Is.EqualTo("from"));
        Assert.That(itself.GetProperty("field").GetString(), Is.EqualTo("from"));
        Assert.That(itself.GetProperty("detail").GetString(), Does.Contain("itself"));
        Assert.That(unknownFrom.GetProperty("detail").GetString(), Does.Contain("98765432").And.Contain("from"));
        Assert.That(unknownFrom.GetProperty("field").GetString(), Is.EqualTo("from"));
        Assert.That(unknownBoth.GetProperty("detail").GetString(), Does.Contain("98765431").And.Contain("98765432"));
        Assert.That((await DetailTextAsync(ids[0]), await DetailTextAsync(ids[1])), Is.EqualTo(before), "nothing changed");
    }

    [Test]
    public async Task A_company_merged_already_is_named_as_such()
    {
        var ids = await ImportAsync((Name("随州再合并甲"), "421303", null, null, null), (Name("随州再合并乙"), "421303", null, null, null));
        Assert.That((await MergeAsync(ids[0], new { from = ids[1] })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var again = await ProblemAsync(await MergeAsync(ids[0], new { from = ids[1] }), HttpStatusCode.NotFound);

        Assert.That(again.GetProperty("detail").GetString(), Does.Contain($"already merged into company {ids[0]}"));
    }

    [Test]
    public async Task Two_different_usccs_are_a_conflict_and_change_nothing()
    {
        var ids = await ImportAsync((Name("随州两码甲"), "421303", UniqueUscc(), "100", null), (Name("随州两码乙"), "421303", UniqueUscc(), "200", "底盘"));
        var before = (await DetailTextAsync(ids[0]), await DetailTextAsync(ids[1]));

        var conflict = await ProblemAsync(await MergeAsync(ids[0], new { from = ids[1] }), HttpStatusCode.Conflict);

        Assert.That(conflict.GetProperty("code").GetString(), Is.EqualTo("different-uscc"));
        Assert.That(conflict.GetProperty("detail").GetString(), Does.Contain("nothing was merged"));
        Assert.That((await DetailTextAsync(ids[0]), await DetailTextAsync(ids[1])), Is.EqualTo(before));
    }

    [Test]
    public async Task Two_open_projects_are_a_conflict_naming_them()
    {
        var ids = await ImportAsync((Name("随州两项目甲"), "421303", null, null, null), (Name("随州两项目乙"), "421303", null, null, null));
        var first = await CreateProjectAsync(ids[0]);
        var second = await CreateProjectAsync(ids[1]);

        var conflict = await ProblemAsync(await MergeAsync(ids[0], new { from = ids[1] }), HttpStatusCode.Conflict);

        Assert.That(conflict.GetProperty("code").GetString(), Is.EqualTo("company-has-open-project"));
        Assert.That(conflict.GetProperty("openProjectIds").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new[] { first, second }));
        Assert.That((await Client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{second}"))!.Project.Company.Id, Is.EqualTo(ids[1]));
    }

    [Test]
    public async Task A_viewer_may_not_merge()
    {
        var ids = await ImportAsync((Name("随州只读甲"), "421303", null, null, null), (Name("随州只读乙"), "421303", null, null, null));
        using var viewer = await Factory.CreateClientAsAsync(Role.Viewer);

        var response = await viewer.PostAsJsonAsync($"/api/companies/{ids[0]}/merge", new { from = ids[1] });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Client.GetAsync($"/api/companies/{ids[1]}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
