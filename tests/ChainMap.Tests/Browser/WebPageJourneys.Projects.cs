using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChainMap.Access;
using ChainMap.Tests.Support;
using Microsoft.Playwright;

namespace ChainMap.Tests.Browser;

/// <summary>
/// Journeys of the resident teams and leaders (issue 17): 立项 from a target, a project's stage moves,
/// activities and blockers, a team member refused on another team's project.
/// </summary>
public sealed partial class WebPageJourneys
{
    [Test]
    public async Task Launch_from_a_target_opens_a_prefilled_planning_form_and_then_links_to_the_project_instead_of_a_second_one()
    {
        await journey.GoAsync("#/targets?chain=ZQ&region=长三角");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#targets-table").WaitForAsync();
        var row = Page.Locator("#targets-table tbody tr", new() { Has = Page.Locator("button.launch") }).First;
        var companyId = long.Parse((await row.GetAttributeAsync("data-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        var companyName = await row.Locator("td.company a").First.TextContentAsync();
        var firstReason = await row.Locator("td.reasons li").First.TextContentAsync();
        var segment = await row.Locator("td.segment div").First.TextContentAsync();

        await row.Locator("button.launch").ClickAsync();
        await Page.Locator("#new-project-form").WaitForAsync();
        var prefilled = new
        {
            Company = await Page.Locator("#new-company").InputValueAsync(),
            Chain = await Page.Locator("#new-chain").InputValueAsync(),
            Segment = await Page.Locator("#new-segment option:checked").TextContentAsync(),
            Team = await Page.Locator("#new-team").InputValueAsync(),
            Notes = await Page.Locator("#new-notes").InputValueAsync(),
        };
        await journey.ScreenshotAsync("project-new");
        await Page.Locator("#new-submit").ClickAsync();
        var missingUnit = await Page.Locator("#project-error [role=alert]").TextContentAsync();
        await Page.Locator("#new-unit").SelectOptionAsync("421303");
        await Page.Locator("#new-investment").FillAsync("12000");
        await Page.Locator("#new-submit").ClickAsync();
        await Page.Locator("#project-title").WaitForAsync();
        var stage = await Page.Locator("#project-stage").GetAttributeAsync("data-stage");
        var projectUrl = Page.Url;

        using var api = host.ApiClient();
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/projects?company={companyId}");
        await journey.GoAsync("#/targets?chain=ZQ&region=长三角");
        var link = Page.Locator($"#targets-table tbody tr[data-id='{companyId}'] a.project-link");
        await link.WaitForAsync();
        var linkText = await link.TextContentAsync();
        await journey.GoAsync($"#/project?new={companyId}&chain=ZQ");
        await Page.Locator("#already-project").WaitForAsync();
        await Page.Locator("#existing-project-link").ClickAsync();
        await Page.Locator("#project-title").WaitForAsync();
        var again = await api.GetFromJsonAsync<JsonElement>($"/api/projects?company={companyId}");

        Assert.That(prefilled.Company, Is.EqualTo(companyName));
        Assert.That(prefilled.Chain, Is.EqualTo("ZQ"));
        Assert.That(prefilled.Segment?.Trim(), Is.EqualTo(segment), "the target's segment");
        Assert.That(prefilled.Team, Is.EqualTo("csj"), "the team of the region group the target is in");
        Assert.That(prefilled.Notes, Does.Contain(firstReason), "the target's reasons are the rationale");
        Assert.That(missingUnit, Does.Contain("承接单位"), "the receiving unit must be chosen");
        Assert.That(stage, Is.EqualTo("planning"));
        Assert.That(projectUrl, Does.Match(@"#/project\?id=\d+$"));
        Assert.That(stored.GetProperty("total").GetInt32(), Is.EqualTo(1));
        var project = stored.GetProperty("items")[0];
        Assert.That(project.GetProperty("team").GetProperty("code").GetString(), Is.EqualTo("csj"));
        Assert.That(project.GetProperty("unit").GetProperty("code").GetString(), Is.EqualTo("421303"));
        Assert.That(project.GetProperty("plannedInvestment").GetDecimal(), Is.EqualTo(12000m));
        Assert.That(project.GetProperty("notes").GetString(), Does.Contain(firstReason));
        Assert.That(linkText, Is.EqualTo("已立项 · 谋划"));
        Assert.That(Page.Url, Is.EqualTo(projectUrl), "the existing project, not a new one");
        Assert.That(again.GetProperty("total").GetInt32(), Is.EqualTo(1), "no second project");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Moving_a_project_to_signed_needs_the_amount_records_it_and_a_refused_move_shows_the_services_rule()
    {
        using var api = host.ApiClient();
        var id = await CreateProjectAsync(api, "csj", "浏览器测试签约项目");

        await journey.GoAsync($"#/project?id={id}");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#stage-form").WaitForAsync();
        await Page.Locator("#stage-select").SelectOptionAsync("signed");
        var reasonShownForSkip = await Page.Locator("#stage-reason").IsVisibleAsync();
        await Page.Locator("#stage-select").SelectOptionAsync("negotiating");
        var reasonShownForStep = await Page.Locator("#stage-reason").IsVisibleAsync();
        await Page.Locator("#stage-date").FillAsync("2020-01-01");
        await Page.Locator("#stage-submit").ClickAsync();
        var refusal = Page.Locator("#project-error [role=alert]");
        await refusal.WaitForAsync();
        var refusalText = await refusal.TextContentAsync();
        await journey.ScreenshotAsync("project-refused-move");

        await Page.Locator("#stage-date").FillAsync(TimeProvider.System.GetLocalNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#stage-submit").ClickAsync();
        await Assertions.Expect(Page.Locator("#project-stage")).ToHaveAttributeAsync("data-stage", "negotiating");
        await Page.Locator("#stage-select").SelectOptionAsync("signed");
        var amountShown = await Page.Locator("#stage-amount").IsVisibleAsync();
        await Page.Locator("#stage-amount").FillAsync("");
        await Page.Locator("#stage-submit").ClickAsync();
        var noAmount = await Page.Locator("#stage-message [role=alert]").TextContentAsync();
        await Page.Locator("#stage-amount").FillAsync("32000.5");
        await Page.Locator("#stage-note").FillAsync("签约仪式在随州举行");
        await Page.Locator("#stage-submit").ClickAsync();
        await Assertions.Expect(Page.Locator("#project-stage")).ToHaveAttributeAsync("data-stage", "signed");
        await Assertions.Expect(Page.Locator("#project-investment")).ToHaveAttributeAsync("data-value", "32000.5");
        var history = await Page.Locator("#stage-history tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.to)");
        await journey.ScreenshotAsync("project-signed");
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");

        Assert.That(reasonShownForSkip, Is.True, "skipping 洽谈 needs a reason");
        Assert.That(reasonShownForStep, Is.False, "one step forward needs none");
        Assert.That(refusalText, Does.Contain("409").And.Contain("不能早于上一次阶段变更").And.Contain("2020-01-01"), "the rule in words and the service's detail");
        Assert.That(amountShown, Is.True);
        Assert.That(noAmount, Does.Contain("签约金额"));
        Assert.That(history, Is.EqualTo(new[] { "signed", "negotiating", "planning" }), "newest first");
        Assert.That(stored.GetProperty("project").GetProperty("stage").GetString(), Is.EqualTo("signed"));
        Assert.That(stored.GetProperty("project").GetProperty("plannedInvestment").GetDecimal(), Is.EqualTo(32000.5m));
        Assert.That(stored.GetProperty("history")[2].GetProperty("note").GetString(), Is.EqualTo("签约仪式在随州举行"));
        journey.AssertNoErrors(409);
    }

    [Test]
    public async Task A_visit_is_logged_with_the_people_met_and_a_blocker_is_opened_and_closed()
    {
        using var api = host.ApiClient();
        var id = await CreateProjectAsync(api, "csj", "浏览器测试走访项目");
        var member = await host.CreateKeyAsync(Role.TeamMember, "csj");

        await journey.GoAsync($"#/project?id={id}");
        await journey.SignInAsync(member);
        await Page.Locator("#activity-form").WaitForAsync();
        await Page.Locator("#activity-kind").SelectOptionAsync("visit");
        await Page.Locator("#activity-title").FillAsync("考察液压件生产线");
        await Page.Locator("#activity-people").FillAsync("王总 董事长，李工");
        await Page.Locator("#activity-notes").FillAsync("对方有意在随州设厂");
        await Page.Locator("#activity-submit").ClickAsync();
        var activity = Page.Locator("#activity-list li").First;
        await Assertions.Expect(activity).ToContainTextAsync("考察液压件生产线");
        var activityText = await activity.TextContentAsync();

        await Page.Locator("#blocker-kind").SelectOptionAsync("land");
        await Page.Locator("#blocker-description").FillAsync("需要工业用地 80 亩");
        await Page.Locator("#blocker-owner").FillAsync("随县自然资源和规划局");
        await Page.Locator("#blocker-submit").ClickAsync();
        var blocker = Page.Locator("#blocker-list li[data-status=open]");
        await blocker.WaitForAsync();
        var openText = await blocker.TextContentAsync();
        await journey.ScreenshotAsync("project-activity-blocker");
        var whileOpen = await api.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");
        await blocker.Locator("button.close-blocker").ClickAsync();
        await blocker.Locator("input[name=note]").FillAsync("用地指标已落实");
        await blocker.Locator("button.confirm-close").ClickAsync();
        var closed = Page.Locator("#blocker-list li[data-status=closed]");
        await closed.WaitForAsync();
        var closedText = await closed.TextContentAsync();
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");

        Assert.That(activityText, Does.Contain("对方：王总 董事长、李工").And.Contain("拜访"));
        var logged = stored.GetProperty("activities")[0];
        Assert.That(logged.GetProperty("kind").GetString(), Is.EqualTo("visit"));
        Assert.That(logged.GetProperty("peopleMet").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "王总 董事长", "李工" }));
        Assert.That(logged.GetProperty("notes").GetString(), Is.EqualTo("对方有意在随州设厂"));
        Assert.That(openText, Does.Contain("未解决").And.Contain("用地").And.Contain("随县自然资源和规划局"));
        Assert.That(whileOpen.GetProperty("project").GetProperty("openBlockers").GetInt32(), Is.EqualTo(1));
        Assert.That(closedText, Does.Contain("已解决").And.Contain("用地指标已落实"));
        Assert.That(stored.GetProperty("project").GetProperty("openBlockers").GetInt32(), Is.Zero);
        Assert.That(stored.GetProperty("blockers")[0].GetProperty("status").GetString(), Is.EqualTo("closed"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task A_team_member_sees_why_another_teams_project_is_read_only_and_a_refused_change_shows_the_services_message()
    {
        using var api = host.ApiClient();
        var theirs = await CreateProjectAsync(api, "zsj", "浏览器测试珠三角项目");
        var ours = await CreateProjectAsync(api, "csj", "浏览器测试长三角项目");
        var member = await host.CreateKeyAsync(Role.TeamMember, "csj");

        await journey.GoAsync($"#/project?id={theirs}");
        await journey.SignInAsync(member);
        var notice = Page.Locator("#project-readonly");
        await notice.WaitForAsync();
        var noticeText = await notice.TextContentAsync();
        var disabled = await Page.Locator("#stage-submit, #activity-submit, #blocker-submit, #edit-project").EvaluateAllAsync<bool[]>("els => els.map(e => e.disabled)");
        var reason = await Page.Locator("#activity-submit").GetAttributeAsync("title");
        await journey.ScreenshotAsync("project-other-team");

        await journey.GoAsync($"#/project?id={ours}");
        // Only the hash changes: the other team's page stays until ours is drawn, so wait for our project's title.
        await Page.Locator("#project-title", new() { HasText = "浏览器测试长三角项目" }).WaitForAsync();
        await Page.Locator("#activity-form").WaitForAsync();
        var ownNotice = await Page.Locator("#project-readonly").CountAsync();
        // Meanwhile a coordinator hands the project to another team: the page still shows it as ours.
        var moved = await api.PatchAsJsonAsync($"/api/projects/{ours}", new { team = "zsj" });
        Assert.That((int)moved.StatusCode, Is.EqualTo(200), await moved.Content.ReadAsStringAsync());
        await Page.Locator("#activity-notes").FillAsync("这条不应保存");
        await Page.Locator("#activity-submit").ClickAsync();
        var refusal = Page.Locator("#project-error [role=alert]");
        await refusal.WaitForAsync();
        var refusalText = await refusal.TextContentAsync();
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/projects/{ours}");

        Assert.That(noticeText, Does.Contain("珠三角驻点招商专班").And.Contain("只能修改本专班（长三角驻点招商专班）"));
        Assert.That(disabled, Has.Length.EqualTo(4).And.All.True, "every change is disabled");
        Assert.That(reason, Does.Contain("只能修改本专班"), "a disabled button says why");
        Assert.That(ownNotice, Is.Zero, "the own team's project may be changed");
        Assert.That(refusalText, Does.Contain("403").And.Contain("Not your team").And.Contain("team 'zsj'"), "the service's own message");
        Assert.That(stored.GetProperty("activities").GetArrayLength(), Is.Zero, "nothing was written");
        journey.AssertNoErrors(403);
    }

    /// <summary>A project (谋划) for a 专汽 company that has none yet, through the API.</summary>
    private static async Task<long> CreateProjectAsync(HttpClient api, string team, string name)
    {
        var companies = await api.GetFromJsonAsync<JsonElement>("/api/companies?chain=ZQ&pageSize=100");
        foreach (var company in companies.GetProperty("items").EnumerateArray())
        {
            var id = company.GetProperty("id").GetInt64();
            var existing = await api.GetFromJsonAsync<JsonElement>($"/api/projects?company={id}");
            if (existing.GetProperty("total").GetInt32() > 0)
            {
                continue;
            }

            var created = await api.PostAsJsonAsync("/api/projects", new { name, companyId = id, chain = "ZQ", team, unit = "421321", plannedInvestment = 20000 });
            Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
            return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("id").GetInt64();
        }

        throw new InvalidOperationException("every 专汽 company already has a project");
    }
}
