using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Api.Projects;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// The project pipeline through HTTP. One host for the fixture; every test makes its own projects
/// and only looks at those.
/// </summary>
public sealed class ProjectApiTests
{
    /// <summary>The bootstrap admin that the factory signs every client in as.</summary>
    private const string Admin = "管理员 (admin)";

    private ProjectApiHost host = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        host = await ProjectApiHost.StartAsync();
        client = host.Client();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        host.Dispose();
    }

    private CreateProjectRequest NewProject(string team = "csj", string unit = "曾都区", bool key = false) => new(
        CompanyId: host.NextCompanyId(), Chain: "T1", Team: team, Unit: unit, Channel: "商会", PlannedInvestment: 50000m, IsKey: key, Date: "2026-03-01");

    private async Task<ProjectDetailResponse> CreateAsync(CreateProjectRequest? request = null)
    {
        var response = await client.PostAsJsonAsync("/api/projects", request ?? NewProject());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProjectDetailResponse>())!;
    }

    private async Task<ProjectDetailResponse> GetAsync(long id) => (await client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{id}"))!;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    [Test]
    public async Task Project_is_created_from_a_target_in_one_call_with_names_resolved_in_either_script()
    {
        var response = await client.PostAsJsonAsync("/api/projects", new CreateProjectRequest(
            Uscc: ProjectApiHost.TargetUscc, Chain: "測試鏈", Segment: "部件", Channel: "以商招商", ChannelDetail: "随州丙公司推荐",
            Team: "長三角驻点招商专班", Unit: "隨縣", PlannedInvestment: 80000m, IsKey: true, Notes: "液压件配套", Date: "2026-03-01", Note: "首次接触"));
        var created = await response.Content.ReadFromJsonAsync<ProjectDetailResponse>();
        var raw = await client.GetStringAsync($"/api/projects/{created!.Project.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(raw, Does.Contain("\"plannedInvestment\":80000,"), "money reads back as written, without a trailing .0");
        var p = created.Project;
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/projects/{p.Id}"));
        Assert.That(p.Name, Is.EqualTo("苏州甲液压有限公司测试链项目"));
        Assert.That(p.Company, Is.EqualTo(new CompanyRef(host.TargetId, "苏州甲液压有限公司", ProjectApiHost.TargetUscc)));
        Assert.That(p.Chain, Is.EqualTo(new NamedRef("T1", "测试链")));
        Assert.That(p.Segment, Is.EqualTo(new NamedRef("T1-PART", "部件")));
        Assert.That((p.Channel, p.ChannelName, p.ChannelDetail), Is.EqualTo(("business-referral", "以商招商", "随州丙公司推荐")));
        Assert.That(p.Team, Is.EqualTo(new NamedRef("csj", "长三角驻点招商专班")));
        Assert.That(p.Unit, Is.EqualTo(new NamedRef("421321", "随县")));
        Assert.That((p.PlannedInvestment, p.IsKey, p.Notes), Is.EqualTo(((decimal?)80000m, true, "液压件配套")));
        Assert.That((p.Stage, p.StageName, p.StageDate, p.Version), Is.EqualTo(("planning", "谋划", "2026-03-01", 1L)));
        Assert.That(p.CreatedBy, Is.EqualTo(Admin));
        var first = created.History.Single();
        Assert.That((first.Sequence, first.From, first.To, first.Kind, first.Date, first.By, first.Note), Is.EqualTo((1, (string?)null, "planning", "created", "2026-03-01", Admin, (string?)"首次接触")));
        Assert.That(created.Transitions.Single(t => t.Stage == "negotiating"), Is.EqualTo(new TransitionOption("negotiating", "洽谈", "forward", false)));
        Assert.That(created.Transitions.Single(t => t.Stage == "signed"), Is.EqualTo(new TransitionOption("signed", "签约", "skip", true)));
        Assert.That(created.Transitions.Single(t => t.Stage == "terminated"), Is.EqualTo(new TransitionOption("terminated", "终止", "terminate", true)));
    }

    [Test]
    public async Task Changes_are_recorded_as_made_by_the_signed_in_user()
    {
        var created = await CreateAsync(NewProject());
        var moved = await client.PostAsJsonAsync($"/api/projects/{created.Project.Id}/stage", new StageChangeRequest("洽谈", "2026-03-02"));
        var read = await GetAsync(created.Project.Id);

        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(read.History.Select(h => h.By), Is.All.EqualTo(Admin));
    }

    [TestCase("company", "4040404", "4040404")]
    [TestCase("uscc", "914403001922038216", "914403001922038216")]
    [TestCase("team", "西北专班", "西北专班")]
    [TestCase("unit", "孝感市", "孝感市")]
    [TestCase("chain", "NOPE", "NOPE")]
    [TestCase("segment", "轮胎", "轮胎")]
    public async Task Unknown_reference_is_404_naming_it_and_creates_nothing(string field, string value, string named)
    {
        var request = field switch
        {
            "company" => NewProject() with { CompanyId = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "uscc" => NewProject() with { CompanyId = null, Uscc = value },
            "team" => NewProject(team: value),
            "unit" => NewProject(unit: value),
            "chain" => NewProject() with { Chain = value },
            _ => NewProject() with { Segment = value },
        };
        var before = await client.GetFromJsonAsync<ProjectPageResponse>($"/api/projects?company={host.TargetId}&pageSize=500");

        var response = await client.PostAsJsonAsync("/api/projects", request);
        var problem = await ProblemAsync(response);
        var after = await client.GetFromJsonAsync<ProjectPageResponse>($"/api/projects?company={host.TargetId}&pageSize=500");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(named));
        Assert.That(after!.Total, Is.EqualTo(before!.Total));
    }

    [TestCase("date", "2026/03/01")]
    [TestCase("plannedInvestment", "-5")]
    [TestCase("channel", "微信群")]
    [TestCase("stage", "孵化")]
    [TestCase("companyId", "")]
    [TestCase("uscc", "91350100M000100Y44")]
    [TestCase("team", "")]
    public async Task Invalid_field_is_400_naming_the_field(string field, string value)
    {
        var request = field switch
        {
            "date" => NewProject() with { Date = value },
            "plannedInvestment" => NewProject() with { PlannedInvestment = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "channel" => NewProject() with { Channel = value },
            "stage" => NewProject() with { Stage = value },
            "companyId" => NewProject() with { CompanyId = null },
            "uscc" => NewProject() with { CompanyId = null, Uscc = value },
            _ => NewProject() with { Team = value },
        };

        var response = await client.PostAsJsonAsync("/api/projects", request);
        var problem = await ProblemAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Creating_past_谋划_needs_a_reason()
    {
        var refused = await client.PostAsJsonAsync("/api/projects", NewProject() with { Stage = "签约" });
        var allowed = await client.PostAsJsonAsync("/api/projects", NewProject() with { Stage = "签约", Reason = "上线前已签约，补录" });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemAsync(refused)).GetProperty("errors").GetProperty("reason")[0].GetString(), Does.Contain("谋划、洽谈"));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Stage_moves_forward_and_the_history_grows()
    {
        var id = (await CreateAsync()).Project.Id;

        var response = await client.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("negotiating", "2026-03-05", Note: "首次会谈"));
        var moved = await response.Content.ReadFromJsonAsync<ProjectDetailResponse>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((moved!.Project.Stage, moved.Project.StageDate, moved.Project.Version), Is.EqualTo(("negotiating", "2026-03-05", 2L)));
        var last = moved.History[^1];
        Assert.That((last.Sequence, last.From, last.To, last.Kind, last.By, last.Note), Is.EqualTo((2, (string?)"planning", "negotiating", "forward", Admin, (string?)"首次会谈")));
    }

    [Test]
    public async Task Invalid_transition_is_409_saying_which_and_why_and_the_project_stays()
    {
        var id = (await CreateAsync()).Project.Id;
        var before = await GetAsync(id);

        var response = await client.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("落地", "2026-03-05"));
        var problem = await ProblemAsync(response);
        var after = await GetAsync(id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("rule").GetString(), Is.EqualTo("skip-needs-reason"));
        Assert.That(problem.GetProperty("from").GetString(), Is.EqualTo("planning"));
        Assert.That(problem.GetProperty("to").GetString(), Is.EqualTo("landed"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("谋划 → 落地").And.Contain("洽谈、签约"));
        Assert.That(after.Project, Is.EqualTo(before.Project));
        Assert.That(after.History, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Change_dated_before_the_previous_one_is_409()
    {
        var id = (await CreateAsync()).Project.Id;

        var response = await client.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("洽谈", "2026-02-28"));
        var problem = await ProblemAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("rule").GetString(), Is.EqualTo("date-before-previous"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("2026-02-28").And.Contain("2026-03-01"));
    }

    [Test]
    public async Task Stage_change_with_a_stale_expected_version_is_409_with_the_current_version()
    {
        var id = (await CreateAsync()).Project.Id;
        await client.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("洽谈", "2026-03-02"));

        var response = await client.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("签约", "2026-03-03", ExpectedVersion: 1));
        var problem = await ProblemAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("rule").GetString(), Is.EqualTo("version-conflict"));
        Assert.That(problem.GetProperty("currentVersion").GetInt64(), Is.EqualTo(2));
        Assert.That((await GetAsync(id)).Project.Stage, Is.EqualTo("negotiating"));
    }

    [Test]
    public async Task Two_simultaneous_identical_changes_apply_once()
    {
        var id = (await CreateAsync()).Project.Id;
        using var second = host.Client();

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("洽谈", "2026-03-02")),
            second.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("洽谈", "2026-03-02")));
        var read = await GetAsync(id);

        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.That(read.History, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Unknown_stage_in_a_change_is_400_naming_stage()
    {
        var id = (await CreateAsync()).Project.Id;

        var response = await client.PostAsJsonAsync($"/api/projects/{id}/stage", new StageChangeRequest("完成"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("stage", out _), Is.True);
    }

    [Test]
    public async Task Unknown_project_is_404()
    {
        var get = await client.GetAsync("/api/projects/999999");
        var stage = await client.PostAsJsonAsync("/api/projects/999999/stage", new StageChangeRequest("洽谈"));

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(stage.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ProblemAsync(stage)).GetProperty("detail").GetString(), Does.Contain("999999"));
    }

    [Test]
    public async Task Patch_changes_only_the_given_fields_and_bumps_the_version()
    {
        var created = await CreateAsync(NewProject() with { Segment = "T1-PART", Notes = "旧备注" });

        var response = await client.PatchAsJsonAsync($"/api/projects/{created.Project.Id}", new UpdateProjectRequest(Team: "zsj", IsKey: true, Notes: ""));
        var updated = await response.Content.ReadFromJsonAsync<ProjectDetailResponse>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var p = updated!.Project;
        Assert.That((p.Team.Code, p.IsKey, p.Notes, p.UpdatedBy, p.Version), Is.EqualTo(("zsj", true, (string?)null, Admin, 2L)));
        Assert.That((p.Unit.Code, p.Segment!.Code, p.PlannedInvestment, p.Stage), Is.EqualTo(("421303", "T1-PART", (decimal?)50000m, "planning")), "untouched fields stay");
    }

    [Test]
    public async Task Patch_with_unknown_unit_is_404_and_with_stale_version_is_409()
    {
        var id = (await CreateAsync()).Project.Id;

        var unknown = await client.PatchAsJsonAsync($"/api/projects/{id}", new UpdateProjectRequest(Unit: "火星"));
        var stale = await client.PatchAsJsonAsync($"/api/projects/{id}", new UpdateProjectRequest(IsKey: true, ExpectedVersion: 7));
        var read = await GetAsync(id);

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ProblemAsync(unknown)).GetProperty("detail").GetString(), Does.Contain("火星"));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((read.Project.IsKey, read.Project.Version), Is.EqualTo((false, 1L)));
    }

    [Test]
    public async Task List_filters_by_team_unit_stage_chain_and_key()
    {
        var a = (await CreateAsync(NewProject(team: "jjj", unit: "广水市", key: true))).Project.Id;
        var b = (await CreateAsync(NewProject(team: "jjj", unit: "随州高新区"))).Project.Id;
        var c = (await CreateAsync(NewProject(team: "cy", unit: "广水市"))).Project.Id;
        await client.PostAsJsonAsync($"/api/projects/{b}/stage", new StageChangeRequest("洽谈", "2026-03-02"));
        var mine = new[] { a, b, c };

        async Task<List<long>> Ids(string query)
        {
            var page = await client.GetFromJsonAsync<ProjectPageResponse>($"/api/projects?{query}&pageSize=500");
            return page!.Items.Select(p => p.Id).Where(mine.Contains).ToList();
        }

        Assert.That(await Ids("team=jjj"), Is.EquivalentTo(new[] { a, b }));
        Assert.That(await Ids($"team={Uri.EscapeDataString("京津冀驻点招商专班")}&unit={Uri.EscapeDataString("广水市")}"), Is.EqualTo(new[] { a }));
        Assert.That(await Ids("unit=421381"), Is.EquivalentTo(new[] { a, c }));
        Assert.That(await Ids($"stage={Uri.EscapeDataString("洽谈")}"), Is.EqualTo(new[] { b }));
        Assert.That(await Ids("stage=planning,negotiating&team=jjj"), Is.EquivalentTo(new[] { a, b }));
        Assert.That(await Ids("key=true"), Is.EqualTo(new[] { a }));
        Assert.That(await Ids("chain=T1&team=cy"), Is.EqualTo(new[] { c }));
        var unknownTeam = await client.GetAsync("/api/projects?team=nowhere");
        var badStage = await client.GetAsync("/api/projects?stage=done");
        Assert.That(unknownTeam.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(badStage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Activities_are_logged_on_projects_and_companies_and_listed_by_team_and_date()
    {
        var project = (await CreateAsync(NewProject(team: "whdsq"))).Project.Id;

        var onProject = await client.PostAsJsonAsync($"/api/projects/{project}/activities",
            new ActivityRequest("拜访", Date: "2026-03-03", PeopleMet: ["王总", "李经理"], Notes: "参观生产线"));
        var onCompany = await client.PostAsJsonAsync("/api/activities",
            new CompanyActivityRequest(CompanyId: host.OtherId, Kind: "推介会", Date: "2026-03-10", Team: "whdsq"));
        var noTeam = await client.PostAsJsonAsync("/api/activities", new CompanyActivityRequest(CompanyId: host.OtherId, Kind: "call", Date: "2026-03-10"));
        var noCompany = await client.PostAsJsonAsync("/api/activities", new CompanyActivityRequest(CompanyId: 888888, Kind: "call", Team: "whdsq"));
        var logged = await onProject.Content.ReadFromJsonAsync<ActivityResponse>();
        var eventLogged = await onCompany.Content.ReadFromJsonAsync<ActivityResponse>();
        var march3 = await client.GetFromJsonAsync<ActivityPageResponse>("/api/activities?team=whdsq&from=2026-03-01&to=2026-03-05");
        var all = await client.GetFromJsonAsync<ActivityPageResponse>("/api/activities?team=whdsq");
        var detail = await GetAsync(project);

        Assert.That(onProject.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((logged!.Kind, logged.KindName, logged.Team.Code, logged.ProjectId, logged.Company.Id), Is.EqualTo(("visit", "拜访", "whdsq", (long?)project, detail.Project.Company.Id)), "team defaults to the project's");
        Assert.That(logged.PeopleMet, Is.EqualTo(new[] { "王总", "李经理" }));
        Assert.That(onCompany.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((eventLogged!.Kind, eventLogged.Title, eventLogged.ProjectId), Is.EqualTo(("event", (string?)"推介会", (long?)null)));
        Assert.That(noTeam.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemAsync(noTeam)).GetProperty("errors").TryGetProperty("team", out _), Is.True);
        Assert.That(noCompany.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(march3!.Items.Select(a => a.Id), Is.EqualTo(new[] { logged.Id }));
        Assert.That(all!.Items.Select(a => a.Id), Is.EqualTo(new[] { eventLogged.Id, logged.Id }), "newest first");
        Assert.That(detail.Activities.Select(a => a.Id), Is.EqualTo(new[] { logged.Id }));
    }

    [Test]
    public async Task Blockers_open_show_on_the_project_and_close_once()
    {
        var project = (await CreateAsync()).Project.Id;

        var opened = await client.PostAsJsonAsync($"/api/projects/{project}/blockers", new BlockerRequest("用地", "缺 50 亩工业用地", "市自然资源和规划局", "2026-03-02"));
        var blocker = await opened.Content.ReadFromJsonAsync<BlockerResponse>();
        var whileOpen = await GetAsync(project);
        var closed = await client.PostAsJsonAsync($"/api/projects/{project}/blockers/{blocker!.Id}/close", new CloseBlockerRequest("2026-03-20", "已挂牌出让"));
        var again = await client.PostAsJsonAsync($"/api/projects/{project}/blockers/{blocker.Id}/close", new CloseBlockerRequest("2026-03-21"));
        var missing = await client.PostAsJsonAsync($"/api/projects/{project}/blockers/{blocker.Id + 1000}/close", new CloseBlockerRequest());
        var noKind = await client.PostAsJsonAsync($"/api/projects/{project}/blockers", new BlockerRequest(Description: "x"));
        var afterClose = await GetAsync(project);

        Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((blocker.Kind, blocker.KindName, blocker.Status, blocker.Owner, blocker.OpenedOn), Is.EqualTo(("land", "用地", "open", (string?)"市自然资源和规划局", "2026-03-02")));
        Assert.That(whileOpen.Project.OpenBlockers, Is.EqualTo(1));
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var closedBody = await closed.Content.ReadFromJsonAsync<BlockerResponse>();
        Assert.That((closedBody!.Status, closedBody.ClosedOn, closedBody.ClosedBy, closedBody.ClosingNote), Is.EqualTo(("closed", (string?)"2026-03-20", (string?)Admin, (string?)"已挂牌出让")));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(noKind.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(afterClose.Project.OpenBlockers, Is.Zero);
        Assert.That(afterClose.Blockers.Single().Status, Is.EqualTo("closed"));
    }

    [Test]
    public async Task OpenApi_document_lists_the_project_endpoints()
    {
        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.That(document, Does.Contain("/api/projects/{id}/stage").And.Contain("/api/results/export").And.Contain("/api/activities"));
    }
}
