using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Api.Access;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Api.Projects;
using ChainMap.Api.Targets;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// GET and DELETE /api/demo (issue 16, ADR 0195) and Storage:SeedDemoData, on a fresh store per test loaded with a small
/// demo set (<see cref="SmallDemoData"/>); the same tests run on SQLite and on Neo4j.
/// </summary>
public abstract class DemoDataApiTests
{
    private const string RealTwin = "宿迁正和市政养护服务集团有限公司";

    private SmallDemoData data = null!;
    private ChainMapApiFactory? factory;

    [OneTimeSetUp]
    public void CreateDataFolder() => data = new SmallDemoData();

    [OneTimeTearDown]
    public void DeleteDataFolder() => data.Dispose();

    [TearDown]
    public void StopService()
    {
        factory?.Dispose();
        factory = null;
    }

    /// <summary>Settings that run the service on this fixture's store (emptied first).</summary>
    private protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync();

    /// <summary>A service on an empty store that loads the data folder at start, and an admin client once it has (Neo4j loads after the host answers).</summary>
    private async Task<HttpClient> StartAsync(bool seedDemo = true)
    {
        var settings = await StoreSettingsAsync();
        settings["Storage:DefaultDataPath"] = data.Path;
        settings["Storage:SeedDemoData"] = seedDemo ? "true" : "false";
        factory = new ChainMapApiFactory(seed: true, settings: settings);
        var client = factory.CreateClient();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            using var chains = await client.GetAsync("/api/chains", limit.Token);
            using var demo = await client.GetAsync("/api/demo", limit.Token);
            if (chains.IsSuccessStatusCode && (await chains.Content.ReadFromJsonAsync<List<ChainSummaryResponse>>(limit.Token))!.Count == 8 && demo.IsSuccessStatusCode
                && (!seedDemo || (await demo.Content.ReadFromJsonAsync<DemoResponse>(limit.Token))!.Counts is { Companies: 4, Relations: 1, ChannelLinks: 2 }))
            {
                return client;
            }

            await Task.Delay(250, limit.Token);
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<ImportJobResponse> ImportAsync(HttpClient client, string path, string fileName, string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName);
        var upload = await client.PostAsync(path, form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var job = await ImportJobWait.UntilAsync(client, (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id);
        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        return job;
    }

    private static async Task<IReadOnlyList<CompanyResponse>> FindAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}&pageSize=50"))!.Items;

    private static async Task<List<string>> TargetNamesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<TargetPageResponse>($"/api/targets?chain=ZQ&segment={SmallDemoData.TargetSegment}&region=&pageSize=100"))!.Items.Select(t => t.Name).ToList();

    private static async Task<int> LocalCompaniesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<ChainMapResponse>("/api/chains/ZQ/map"))!.Tiers.SelectMany(t => t.Segments).Single(s => s.Code == SmallDemoData.HomeSegment).LocalCompanies;

    [Test]
    public async Task Removing_the_demo_removes_exactly_it_and_its_network_answers_the_counts_and_shows_at_once()
    {
        var client = await StartAsync();
        // The city's own list: a company of the demo's name without the mark, in the same segment, and its relation to a demo company.
        await ImportAsync(client, "/api/imports/companies", "city.csv", $"企业名称,行政区划代码,环节,注册资本\n{RealTwin},321324,{SmallDemoData.TargetSegment},9000\n");
        await ImportAsync(client, "/api/imports/relations", "city-relations.csv", $"供应商,供应商地区,客户信用代码,关系\n{RealTwin},321324,{SmallDemoData.HomeUscc},供应\n");
        var twin = (await FindAsync(client, RealTwin)).Single(c => c.Name == RealTwin);
        var demoCompany = (await FindAsync(client, SmallDemoData.TargetCompany)).Single();
        Assert.That((await client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{twin.Id}"))!.Relations, Has.Count.EqualTo(1));
        Assert.That(await TargetNamesAsync(client), Does.Contain(SmallDemoData.TargetCompany).And.Contain(RealTwin));
        Assert.That(await LocalCompaniesAsync(client), Is.EqualTo(1), "the Suizhou demo company in the map");

        var before = (await client.GetFromJsonAsync<DemoResponse>("/api/demo"))!;
        var response = await client.DeleteAsync("/api/demo");

        Assert.That(before.Present, Is.True);
        Assert.That(before.Counts, Is.EqualTo(new DemoCountsResponse(4, 1, 2, 2, 1)), "relations: the demo's own and the city's to a demo company");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.Content.ReadFromJsonAsync<DemoRemovedResponse>())!.Removed, Is.EqualTo(before.Counts));
        var after = (await client.GetFromJsonAsync<DemoResponse>("/api/demo"))!;
        Assert.That((after.Present, after.Counts), Is.EqualTo((false, new DemoCountsResponse(0, 0, 0, 0, 0))));
        Assert.That(await FindAsync(client, "(示例)"), Is.Empty, "no demo company is left");
        Assert.That(await FindAsync(client, RealTwin), Has.Count.EqualTo(1), "the city's company of the same name stays");
        Assert.That((await client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{twin.Id}"))!.Relations, Is.Empty, "its relation to a demo company went with it");
        var targets = await TargetNamesAsync(client);
        Assert.That(targets, Does.Contain(RealTwin).And.Not.Contain(SmallDemoData.TargetCompany), "the target list shows the removal at once");
        Assert.That(await LocalCompaniesAsync(client), Is.EqualTo(0), "the map shows the removal at once");
        Assert.That((await client.GetAsync($"/api/companies/{demoCompany.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var channels = await client.GetFromJsonAsync<JsonElement>("/api/channels");
        Assert.That(channels.GetProperty("total").GetInt64(), Is.EqualTo(0), "the demo channel is gone");
        var audit = (await client.GetFromJsonAsync<List<AuditResponse>>("/api/audit?limit=20"))!;
        Assert.That(audit.Select(a => (a.Method, a.Path, a.Status)), Does.Contain(("DELETE", "/api/demo", 200)));

        var again = await ProblemAsync(await client.DeleteAsync("/api/demo"), HttpStatusCode.NotFound);
        Assert.That(again.GetProperty("code").GetString(), Is.EqualTo("no-demo"));
        Assert.That(again.GetProperty("detail").GetString(), Does.Contain("no demo data").And.Contain("Nothing was changed"));
    }

    [Test]
    public async Task Removing_the_demo_is_refused_naming_the_project_on_a_demo_company_and_nothing_is_removed()
    {
        var client = await StartAsync();
        var company = (await FindAsync(client, SmallDemoData.TargetCompany)).Single();
        var created = await client.PostAsJsonAsync("/api/projects", new CreateProjectRequest(CompanyId: company.Id, Chain: "ZQ", Team: "csj", Unit: "曾都区", Date: "2026-03-01"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var project = (await created.Content.ReadFromJsonAsync<ProjectDetailResponse>())!.Project;

        var refused = await ProblemAsync(await client.DeleteAsync("/api/demo"), HttpStatusCode.Conflict);

        Assert.That(refused.GetProperty("code").GetString(), Is.EqualTo("demo-in-use"));
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain($"project {project.Id}").And.Contain(SmallDemoData.TargetCompany).And.Contain("Nothing was removed"));
        Assert.That(refused.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()), Is.EqualTo(new[] { project.Id }));
        var demo = (await client.GetFromJsonAsync<DemoResponse>("/api/demo"))!;
        Assert.That(demo.Counts, Is.EqualTo(new DemoCountsResponse(4, 1, 2, 1, 1)), "nothing was removed");
        Assert.That(await TargetNamesAsync(client), Does.Contain(SmallDemoData.TargetCompany));
    }

    [Test]
    public async Task Starting_without_the_demo_loads_the_chains_but_no_demo_and_removal_answers_there_is_none()
    {
        var client = await StartAsync(seedDemo: false);

        var demo = (await client.GetFromJsonAsync<DemoResponse>("/api/demo"))!;
        var companies = (await client.GetFromJsonAsync<CompanyPageResponse>("/api/companies?pageSize=1"))!;
        var removal = await ProblemAsync(await client.DeleteAsync("/api/demo"), HttpStatusCode.NotFound);

        Assert.That((demo.Present, demo.Counts), Is.EqualTo((false, new DemoCountsResponse(0, 0, 0, 0, 0))));
        Assert.That(companies.Total, Is.EqualTo(0));
        Assert.That((await client.GetFromJsonAsync<JsonElement>("/api/channels")).GetProperty("total").GetInt64(), Is.EqualTo(0));
        Assert.That((await client.GetFromJsonAsync<JsonElement>("/api/home")).GetProperty("code").GetString(), Is.EqualTo("421300"));
        Assert.That(removal.GetProperty("code").GetString(), Is.EqualTo("no-demo"));
    }
}

/// <summary>The demo API on SQLite (a fresh file per test).</summary>
[TestFixture]
public sealed class SqliteDemoDataApiTests : DemoDataApiTests
{
    private protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

/// <summary>The demo API on the real Neo4j test server (emptied per test); ignored without one unless NEO4J_TEST_REQUIRED.</summary>
[TestFixture]
public sealed class Neo4jDemoDataApiTests : DemoDataApiTests
{
    private protected override async Task<Dictionary<string, string?>> StoreSettingsAsync()
    {
        var settings = Neo4jTestServer.Configuration();
        await using var services = Neo4jTestServer.CreateServices();
        await Neo4jTestServer.WipeAsync(services);
        return settings;
    }
}
