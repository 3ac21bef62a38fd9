using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Api.Projects;
using ChainMap.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Api;

/// <summary>
/// Issue 17's remainder through HTTP: one open project per company, next steps with due dates on activities,
/// due dates on blockers, and what is due or overdue by the service's clock (10 March 2026 here).
/// </summary>
public sealed class ProjectNextStepApiTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private ProjectApiHost host = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        host = await ProjectApiHost.StartAsync(clock);
        client = host.Client();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        host.Dispose();
    }

    private async Task<ProjectDetailResponse> CreateAsync(long companyId, string team = "csj")
    {
        var response = await client.PostAsJsonAsync("/api/projects", new CreateProjectRequest(CompanyId: companyId, Chain: "T1", Team: team, Unit: "曾都区", Date: "2026-03-01"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProjectDetailResponse>())!;
    }

    [Test]
    public async Task Second_open_project_for_a_company_is_409_naming_the_existing_one_and_nothing_is_written()
    {
        var company = host.NextCompanyId();
        var first = (await CreateAsync(company)).Project.Id;

        var second = await client.PostAsJsonAsync("/api/projects", new CreateProjectRequest(CompanyId: company, Chain: "T1", Team: "zsj", Unit: "随县", Date: "2026-03-02"));
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await client.GetFromJsonAsync<ProjectPageResponse>($"/api/projects?company={company}");

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("existingProjectId").GetInt64(), Is.EqualTo(first));
        Assert.That(problem.GetProperty("rule").GetString(), Is.EqualTo("company-has-open-project"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"/api/projects/{first}"));
        Assert.That(listed!.Items.Select(p => p.Id), Is.EqualTo(new[] { first }));
    }

    [Test]
    public async Task After_termination_a_new_project_may_start_and_the_old_one_cannot_be_reopened_beside_it()
    {
        var company = host.NextCompanyId();
        var old = (await CreateAsync(company)).Project.Id;
        var terminated = await client.PostAsJsonAsync($"/api/projects/{old}/stage", new StageChangeRequest("终止", "2026-03-03", Reason: "企业暂缓"));
        Assert.That(terminated.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var fresh = (await CreateAsync(company)).Project.Id;
        var before = await client.GetStringAsync($"/api/projects/{old}");
        var reopen = await client.PostAsJsonAsync($"/api/projects/{old}/stage", new StageChangeRequest("洽谈", "2026-03-05", Reason: "企业重新考虑"));
        var problem = await reopen.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(fresh, Is.Not.EqualTo(old));
        Assert.That(reopen.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.GetProperty("existingProjectId").GetInt64(), Is.EqualTo(fresh));
        Assert.That(await client.GetStringAsync($"/api/projects/{old}"), Is.EqualTo(before), "the terminated project is unchanged");
    }

    [Test]
    public async Task Activity_with_our_people_and_a_next_step_reads_back_and_is_listed_as_due_by_the_service_clock()
    {
        var project = (await CreateAsync(host.NextCompanyId(), team: "jjj")).Project.Id;
        var overdueProject = (await CreateAsync(host.NextCompanyId(), team: "jjj")).Project.Id;
        var laterProject = (await CreateAsync(host.NextCompanyId(), team: "jjj")).Project.Id;

        var logged = await client.PostAsJsonAsync($"/api/projects/{project}/activities", new ActivityRequest(
            "走访", Date: "2026-03-09", PeopleMet: ["王总"], OurPeople: ["李科长", "赵主任"], NextStep: "寄送用地方案", NextStepDue: "2026-03-12"));
        var activity = await logged.Content.ReadFromJsonAsync<ActivityResponse>();
        await client.PostAsJsonAsync($"/api/projects/{overdueProject}/activities", new ActivityRequest("电话", Date: "2026-03-02", NextStep: "约见董事长", NextStepDue: "2026-03-06"));
        await client.PostAsJsonAsync($"/api/projects/{laterProject}/activities", new ActivityRequest("电话", Date: "2026-03-02", NextStep: "年底回访", NextStepDue: "2026-12-01"));

        var detail = await client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{project}");
        var due = await client.GetFromJsonAsync<NextStepsResponse>("/api/activities/next-steps?team=京津冀驻点招商专班&days=7");

        Assert.That(logged.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(activity!.OurPeople, Is.EqualTo(new[] { "李科长", "赵主任" }));
        Assert.That((activity.NextStep, activity.NextStepDue), Is.EqualTo(("寄送用地方案", "2026-03-12")));
        Assert.That(detail!.Activities.Single().NextStepDue, Is.EqualTo("2026-03-12"));
        Assert.That(due!.Today, Is.EqualTo("2026-03-10"), "the service's date, not the caller's");
        Assert.That(due.Items.Select(i => (i.Activity.ProjectId, i.NextStep, i.Overdue, i.DaysLeft)), Is.EqualTo(new[]
        {
            ((long?)overdueProject, "约见董事长", true, -4),
            ((long?)project, "寄送用地方案", false, 2),
        }), "earliest first; the December step is not due within 7 days");
    }

    [Test]
    public async Task A_later_activity_replaces_the_projects_next_step()
    {
        var project = (await CreateAsync(host.NextCompanyId(), team: "cy")).Project.Id;
        await client.PostAsJsonAsync($"/api/projects/{project}/activities", new ActivityRequest("走访", Date: "2026-03-02", NextStep: "寄送方案", NextStepDue: "2026-03-05"));
        await client.PostAsJsonAsync($"/api/projects/{project}/activities", new ActivityRequest("电话", Date: "2026-03-06", Notes: "方案已寄出"));

        var due = await client.GetFromJsonAsync<NextStepsResponse>("/api/activities/next-steps?team=cy&days=30");

        Assert.That(due!.Items.Where(i => i.Activity.ProjectId == project), Is.Empty);
    }

    [TestCase("nextStepDue", "2026-02-30", "nextStepDue")]
    [TestCase("nextStepDue", "下周五", "nextStepDue")]
    [TestCase("nextStepDue", "2026-03-01", "nextStepDue")]
    [TestCase("onlyDue", "2026-03-20", "nextStep")]
    [TestCase("nextStep", "long", "nextStep")]
    [TestCase("ourPeople", "long", "ourPeople")]
    public async Task Bad_next_step_input_is_a_400_naming_the_field_and_nothing_is_written(string what, string value, string field)
    {
        var project = (await CreateAsync(host.NextCompanyId())).Project.Id;
        var request = what switch
        {
            "nextStepDue" => new ActivityRequest("走访", Date: "2026-03-09", NextStep: "回访", NextStepDue: value),
            "onlyDue" => new ActivityRequest("走访", Date: "2026-03-09", NextStepDue: value),
            "nextStep" => new ActivityRequest("走访", Date: "2026-03-09", NextStep: new string('专', ProjectInput.MaxTextLength + 1)),
            _ => new ActivityRequest("走访", Date: "2026-03-09", OurPeople: [new string('李', ProjectInput.MaxNameLength + 1)]),
        };

        var response = await client.PostAsJsonAsync($"/api/projects/{project}/activities", request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = await client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{project}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(detail!.Activities, Is.Empty);
    }

    [Test]
    public async Task Blocker_due_date_is_kept_and_overdue_by_the_service_clock_while_open()
    {
        var project = (await CreateAsync(host.NextCompanyId())).Project.Id;

        var late = await client.PostAsJsonAsync($"/api/projects/{project}/blockers", new BlockerRequest("用地", "缺 50 亩", "自然资源局", "2026-03-01", DueOn: "2026-03-09"));
        var today = await client.PostAsJsonAsync($"/api/projects/{project}/blockers", new BlockerRequest("能耗", "能耗指标", null, "2026-03-01", DueOn: "2026-03-10"));
        var undated = await client.PostAsJsonAsync($"/api/projects/{project}/blockers", new BlockerRequest("融资", "贷款", null, "2026-03-01"));
        var lateId = (await late.Content.ReadFromJsonAsync<BlockerResponse>())!.Id;
        var before = await client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{project}");
        await client.PostAsJsonAsync($"/api/projects/{project}/blockers/{lateId}/close", new CloseBlockerRequest("2026-03-10"));
        var after = await client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{project}");

        Assert.That(new[] { late, today, undated }.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(before!.Blockers.Select(b => (b.Kind, b.DueOn, b.Overdue)), Is.EquivalentTo(new[]
        {
            ("land", (string?)"2026-03-09", true),
            ("energy", (string?)"2026-03-10", false),
            ("financing", (string?)null, false),
        }), "due today is not yet overdue");
        Assert.That(after!.Blockers.Single(b => b.Id == lateId), Has.Property("Overdue").False.And.Property("DueOn").EqualTo("2026-03-09"), "a closed blocker is not overdue");
    }

    [TestCase("2026-13-01")]
    [TestCase("2026-02-28")]
    public async Task Bad_blocker_due_date_is_a_400_naming_dueOn_and_nothing_is_written(string dueOn)
    {
        var project = (await CreateAsync(host.NextCompanyId())).Project.Id;

        var response = await client.PostAsJsonAsync($"/api/projects/{project}/blockers", new BlockerRequest("用地", "缺地", null, "2026-03-01", DueOn: dueOn));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var detail = await client.GetFromJsonAsync<ProjectDetailResponse>($"/api/projects/{project}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty("dueOn", out _), Is.True, problem.ToString());
        Assert.That(detail!.Blockers, Is.Empty);
    }

    [TestCase("-1")]
    [TestCase("367")]
    public async Task Next_steps_window_out_of_range_is_a_400_naming_days(string days)
    {
        var response = await client.GetAsync($"/api/activities/next-steps?days={days}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty("days", out _), Is.True);
    }
}
