using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Api.Targets;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// Every analyst change to a company moves its version on (ADR 0197): a membership review, an added or removed
/// membership and a merge into it; a change made from an older view of the company is refused (409 with the
/// current version) and changes nothing. A merge keeps the merged company's rejections; an import job records
/// whether it was asked to overwrite analysts' values; an undo after an analyst's edit is refused naming it; and
/// targets show a merge and an undo at once. The same tests run on SQLite and on Neo4j.
/// </summary>
public abstract class CurationVersionApiTests
{
    private const string Axle = "ZQ-CHASSIS-AXLE";
    private const string Brake = "ZQ-CHASSIS-BRAKE";

    private static int serial;

    private ChainMapApiFactory factory = null!;
    private HttpClient client = null!;

    /// <summary>Settings that run the service on this fixture's store (emptied first).</summary>
    private protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync();

    /// <summary>A service with the default regions and chains but no demo companies; on Neo4j they load after the host answers.</summary>
    [OneTimeSetUp]
    public async Task StartService()
    {
        var settings = await StoreSettingsAsync();
        settings["Storage:SeedDemoData"] = "false";
        factory = new ChainMapApiFactory(seed: true, settings: settings);
        client = factory.CreateClient();
        await factory.WaitForChainsAsync();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        client.Dispose();
        factory.Dispose();
    }

    private static string Name(string stem) => $"昆山{stem}{Interlocked.Increment(ref serial)}号车桥有限公司";

    /// <summary>Imports (name, segment or empty) rows in 昆山 and waits for the job.</summary>
    private async Task<ImportJobResponse> ImportAsync(bool overwriteAnalyst, params (string Name, string Segment)[] rows)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("企业名称,行政区划代码,注册资本,环节\n" + string.Concat(rows.Select(r => $"{r.Name},320583,9000000,{r.Segment}\n")))), "file", "versions.csv");
        if (overwriteAnalyst)
        {
            form.Add(new StringContent("true"), "overwriteAnalyst");
        }

        var upload = await client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        job = await ImportJobWait.UntilAsync(client, job.Id);

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        return job;
    }

    private async Task<CompanyDetailResponse> DetailAsync(string name)
    {
        var page = (await client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!;
        return (await client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{page.Items.Single(c => c.Name == name).Id}"))!;
    }

    private async Task<List<long>> TargetIdsAsync(string segment) =>
        (await client.GetFromJsonAsync<TargetPageResponse>($"/api/targets?chain=ZQ&segment={segment}&region=&pageSize=100"))!.Items.Select(t => t.CompanyId).ToList();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return JsonDocument.Parse(text).RootElement;
    }

    private Task<HttpResponseMessage> PatchAsync(long id, object body) =>
        client.PatchAsync($"/api/companies/{id}", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> ReviewAsync(params object[] items) => client.PostAsJsonAsync("/api/memberships/review", new { items });

    private static List<string> Segments(CompanyDetailResponse detail) => detail.Company.Segments.Select(s => $"{s.Segment} {s.Status} {s.Source}").ToList();

    [Test]
    public async Task A_review_moves_the_version_on_so_an_edit_or_a_review_from_the_older_view_is_refused_and_changes_nothing()
    {
        var name = Name("审核版本");
        await ImportAsync(false, (name, Axle));
        var before = await DetailAsync(name);
        var (id, version) = (before.Company.Id, before.Company.Version);

        var review = await ReviewAsync(new { companyId = id, segment = Axle, action = "confirm", role = "车桥", version });

        Assert.That(review.StatusCode, Is.EqualTo(HttpStatusCode.OK), await review.Content.ReadAsStringAsync());
        var reviewed = (await review.Content.ReadFromJsonAsync<ReviewResponse>())!;
        Assert.That(reviewed.Companies.Select(c => (c.CompanyId, c.Version)), Is.EqualTo(new[] { (id, version + 1) }), "the answer names the new version");
        var after = await DetailAsync(name);
        Assert.That(after.Company.Version, Is.EqualTo(version + 1));

        var edit = await ProblemAsync(await PatchAsync(id, new { version, products = "车桥总成" }), HttpStatusCode.Conflict);
        Assert.That(edit.GetProperty("currentVersion").GetInt64(), Is.EqualTo(version + 1), "an edit from the view before the review");

        var stale = await ProblemAsync(await ReviewAsync(new { companyId = id, segment = Axle, action = "reject", version }), HttpStatusCode.Conflict);
        Assert.That((stale.GetProperty("currentVersion").GetInt64(), stale.GetProperty("companyId").GetInt64(), stale.GetProperty("index").GetInt32()), Is.EqualTo((version + 1, id, 0)));
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain($"version {version + 1}, not {version}").And.Contain("Nothing was changed"));

        var now = await DetailAsync(name);
        Assert.That((now.Company.Version, now.Company.Products), Is.EqualTo((version + 1, after.Company.Products)));
        Assert.That(Segments(now), Is.EqualTo(Segments(after)), "nothing of the refused changes was written");

        var withoutVersion = await ReviewAsync(new { companyId = id, segment = Axle, action = "confirm" });
        Assert.That(withoutVersion.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a review item without a version is not checked");
        Assert.That((await DetailAsync(name)).Company.Version, Is.EqualTo(version + 2), "and still moves the version on");
    }

    [Test]
    public async Task Items_of_one_company_must_name_one_version()
    {
        var (first, second) = (Name("两版本甲"), Name("两版本乙"));
        await ImportAsync(false, (first, Axle), (second, Axle));
        var a = (await DetailAsync(first)).Company;
        var added = await client.PostAsJsonAsync($"/api/companies/{(await DetailAsync(second)).Company.Id}/memberships", new { segment = Brake });
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var before = await DetailAsync(second);
        var b = before.Company;

        var refused = await ProblemAsync(await ReviewAsync(
            new { companyId = b.Id, segment = Axle, action = "confirm", version = b.Version },
            new { companyId = a.Id, segment = Axle, action = "confirm", version = a.Version },
            new { companyId = b.Id, segment = Brake, action = "reject", version = b.Version + 5 }), HttpStatusCode.BadRequest);

        Assert.That(refused.GetProperty("index").GetInt32(), Is.EqualTo(2));
        Assert.That(refused.GetProperty("errors").TryGetProperty("items[2].version", out _), Is.True, refused.ToString());
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("one version per company"));
        Assert.That((await DetailAsync(first)).Company.Version, Is.EqualTo(a.Version));
        var after = await DetailAsync(second);
        Assert.That((after.Company.Version, Segments(after)), Is.EqualTo((b.Version, Segments(before))), "nothing changed");
    }

    [Test]
    public async Task Adding_or_removing_a_membership_moves_the_version_on_and_a_stale_or_bad_version_changes_nothing()
    {
        var name = Name("增删版本");
        await ImportAsync(false, (name, Axle));
        var before = await DetailAsync(name);
        var (id, version) = (before.Company.Id, before.Company.Version);

        var staleAdd = await ProblemAsync(await client.PostAsJsonAsync($"/api/companies/{id}/memberships", new { segment = Brake, version = version + 3 }), HttpStatusCode.Conflict);
        var badAdd = await ProblemAsync(await client.PostAsJsonAsync($"/api/companies/{id}/memberships", new { segment = Brake, version = 0 }), HttpStatusCode.BadRequest);
        var badRemove = await ProblemAsync(await client.DeleteAsync($"/api/companies/{id}/memberships/{Axle}?version=abc"), HttpStatusCode.BadRequest);

        Assert.That(staleAdd.GetProperty("currentVersion").GetInt64(), Is.EqualTo(version));
        Assert.That(badAdd.GetProperty("detail").GetString(), Does.Contain("version"));
        Assert.That(badRemove.GetProperty("detail").GetString(), Does.Contain("abc"));
        Assert.That(Segments(await DetailAsync(name)), Is.EqualTo(Segments(before)));
        Assert.That((await DetailAsync(name)).Company.Version, Is.EqualTo(version));

        var add = await client.PostAsJsonAsync($"/api/companies/{id}/memberships", new { segment = Brake, role = "制动器", version });
        Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.OK), await add.Content.ReadAsStringAsync());
        Assert.That((await add.Content.ReadFromJsonAsync<CompanyDetailResponse>())!.Company.Version, Is.EqualTo(version + 1), "the answer is the detail at its new version");

        var staleRemove = await ProblemAsync(await client.DeleteAsync($"/api/companies/{id}/memberships/{Axle}?version={version}"), HttpStatusCode.Conflict);
        Assert.That(staleRemove.GetProperty("currentVersion").GetInt64(), Is.EqualTo(version + 1));
        Assert.That((await DetailAsync(name)).Company.Segments.Select(s => s.Segment), Does.Contain(Axle));

        var remove = await client.DeleteAsync($"/api/companies/{id}/memberships/{Axle}?version={version + 1}");
        Assert.That(remove.StatusCode, Is.EqualTo(HttpStatusCode.OK), await remove.Content.ReadAsStringAsync());
        var removed = (await remove.Content.ReadFromJsonAsync<CompanyDetailResponse>())!;
        Assert.That((removed.Company.Version, removed.Company.Segments.Select(s => s.Segment).ToList()), Is.EqualTo((version + 2, new List<string> { Brake })));

        var status = await client.PutAsync($"/api/companies/{id}/memberships/{Brake}", new StringContent("{\"status\":\"unconfirmed\"}", Encoding.UTF8, "application/json"));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK), await status.Content.ReadAsStringAsync());
        Assert.That((await DetailAsync(name)).Company.Version, Is.EqualTo(version + 3), "setting a membership's status is an analyst's change too");
    }

    [Test]
    public async Task A_merge_checks_both_versions_moves_the_survivors_on_keeps_the_merged_ones_rejections_and_targets_show_it_at_once()
    {
        var (kept, gone) = (Name("合并留"), Name("合并去"));
        await ImportAsync(false, (kept, Brake), (gone, Axle));
        var survivor = (await DetailAsync(kept)).Company;
        var mergedId = (await DetailAsync(gone)).Company.Id;

        // An analyst says the merged company is not in 制动 (the survivor's segment from a file).
        var reject = await client.PostAsJsonAsync($"/api/companies/{mergedId}/memberships", new { segment = Brake });
        Assert.That(reject.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var removeReject = await client.DeleteAsync($"/api/companies/{mergedId}/memberships/{Brake}");
        Assert.That(removeReject.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var merged = (await DetailAsync(gone)).Company;
        Assert.That(await TargetIdsAsync(Brake), Does.Contain(survivor.Id));

        var staleSurvivor = await ProblemAsync(await client.PostAsJsonAsync($"/api/companies/{survivor.Id}/merge", new { from = merged.Id, version = survivor.Version + 1 }), HttpStatusCode.Conflict);
        var staleMerged = await ProblemAsync(await client.PostAsJsonAsync($"/api/companies/{survivor.Id}/merge", new { from = merged.Id, version = survivor.Version, fromVersion = merged.Version - 1 }), HttpStatusCode.Conflict);
        var badVersion = await ProblemAsync(await client.PostAsJsonAsync($"/api/companies/{survivor.Id}/merge", new { from = merged.Id, fromVersion = 0 }), HttpStatusCode.BadRequest);

        Assert.That((staleSurvivor.GetProperty("code").GetString(), staleSurvivor.GetProperty("field").GetString(), staleSurvivor.GetProperty("currentVersion").GetInt64()),
            Is.EqualTo(("stale-version", "version", survivor.Version)));
        Assert.That((staleMerged.GetProperty("field").GetString(), staleMerged.GetProperty("companyId").GetInt64(), staleMerged.GetProperty("currentVersion").GetInt64()),
            Is.EqualTo(("fromVersion", merged.Id, merged.Version)));
        Assert.That(staleMerged.GetProperty("detail").GetString(), Does.Contain("nothing was merged"));
        Assert.That(badVersion.GetProperty("detail").GetString(), Does.Contain("fromVersion"));
        Assert.That((await DetailAsync(gone)).Company.Id, Is.EqualTo(merged.Id), "a refused merge changes nothing");

        var response = await client.PostAsJsonAsync($"/api/companies/{survivor.Id}/merge", new { from = merged.Id, version = survivor.Version, fromVersion = merged.Version });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("company").GetProperty("company").GetProperty("version").GetInt64(), Is.EqualTo(survivor.Version + 1));
        Assert.That(body.RootElement.GetProperty("rejections").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { Brake }));
        var now = await DetailAsync(kept);
        Assert.That(now.Company.Segments.Select(s => s.Segment), Is.EqualTo(new[] { Axle }), "the merged company's rejection of 制动 removes the file's 制动; its 车桥 moves");
        Assert.That(await TargetIdsAsync(Brake), Does.Not.Contain(survivor.Id), "targets show the merge at once");
        Assert.That(await TargetIdsAsync(Axle), Does.Contain(survivor.Id).And.Not.Contain(merged.Id));

        await ImportAsync(false, (kept, Brake));
        Assert.That((await DetailAsync(kept)).Company.Segments.Select(s => s.Segment), Is.EqualTo(new[] { Axle }), "the moved rejection keeps a later import's 制动 out");

        var oldView = await ProblemAsync(await PatchAsync(survivor.Id, new { version = survivor.Version, products = "x" }), HttpStatusCode.Conflict);
        Assert.That(oldView.GetProperty("currentVersion").GetInt64(), Is.GreaterThan(survivor.Version), "an edit from the view before the merge is refused");
    }

    [Test]
    public async Task An_import_job_says_whether_it_was_asked_to_overwrite_analysts_values()
    {
        var name = Name("覆盖选项");
        var plain = await ImportAsync(false, (name, Axle));
        var overwriting = await ImportAsync(true, (name, Axle));

        Assert.That((plain.OverwriteAnalyst, overwriting.OverwriteAnalyst), Is.EqualTo((false, true)));
        var listed = (await client.GetFromJsonAsync<List<ImportJobResponse>>("/api/imports?limit=100"))!.ToDictionary(j => j.Id);
        Assert.That((listed[plain.Id].OverwriteAnalyst, listed[overwriting.Id].OverwriteAnalyst), Is.EqualTo((false, true)));
        using var raw = JsonDocument.Parse(await client.GetStringAsync($"/api/imports/{overwriting.Id}"));
        Assert.That(raw.RootElement.GetProperty("overwriteAnalyst").GetBoolean(), Is.True);
    }

    [Test]
    public async Task An_undo_after_an_analysts_edit_is_refused_naming_it_and_an_undo_shows_in_the_targets_at_once()
    {
        var (edited, plain) = (Name("撤销已编辑"), Name("撤销未编辑"));
        var first = await ImportAsync(false, (edited, Axle));
        var second = await ImportAsync(false, (plain, Axle));
        var company = (await DetailAsync(edited)).Company;
        var patch = await PatchAsync(company.Id, new { version = company.Version, products = "空气悬架" });
        Assert.That(patch.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patch.Content.ReadAsStringAsync());

        var refused = await ProblemAsync(await client.PostAsync($"/api/imports/{first.Id}/undo", null), HttpStatusCode.Conflict);

        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("undo-blocked"));
        Assert.That(refused.GetProperty("dependents").EnumerateArray().Select(e => e.GetString()), Has.Some.Contains($"products of company {company.Id}").And.Some.Contains("analyst"));
        Assert.That((await DetailAsync(edited)).Company.Products, Is.EqualTo("空气悬架"), "nothing changed");
        Assert.That((await client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{first.Id}"))!.State, Is.EqualTo("succeeded"));

        var plainId = (await DetailAsync(plain)).Company.Id;
        Assert.That(await TargetIdsAsync(Axle), Does.Contain(plainId));
        var undo = await client.PostAsync($"/api/imports/{second.Id}/undo", null);
        Assert.That(undo.StatusCode, Is.EqualTo(HttpStatusCode.OK), await undo.Content.ReadAsStringAsync());
        Assert.That(await TargetIdsAsync(Axle), Does.Not.Contain(plainId), "targets show the undo at once");
    }
}

/// <summary>The version rules on the embedded SQLite store.</summary>
[TestFixture]
public sealed class SqliteCurationVersionApiTests : CurationVersionApiTests
{
    private protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

/// <summary>The version rules on the real Neo4j test server (emptied first); ignored without one unless NEO4J_TEST_REQUIRED.</summary>
[TestFixture]
public sealed class Neo4jCurationVersionApiTests : CurationVersionApiTests
{
    private protected override async Task<Dictionary<string, string?>> StoreSettingsAsync()
    {
        var settings = Neo4jTestServer.Configuration();
        await using var services = Neo4jTestServer.CreateServices();
        await Neo4jTestServer.WipeAsync(services);
        return settings;
    }
}
