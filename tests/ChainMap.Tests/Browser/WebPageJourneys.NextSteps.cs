using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Tests.Support;
using Microsoft.Playwright;

namespace ChainMap.Tests.Browser;

/// <summary>Issue 17's remainder: a visit's next step with its due date and a blocker's due date, on the project and team pages.</summary>
public sealed partial class WebPageJourneys
{
    private static string Day(int offset) => TimeProvider.System.GetLocalNow().AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Test]
    public async Task A_visit_with_a_next_step_shows_on_the_team_page_as_overdue_and_a_blocker_past_its_due_date_is_marked_overdue()
    {
        using var api = host.ApiClient();
        var id = await CreateProjectAsync(api, "cy", "浏览器测试下一步项目");
        var member = await host.CreateKeyAsync(Role.TeamMember, "cy");

        await journey.GoAsync($"#/project?id={id}");
        await journey.SignInAsync(member);
        await Page.Locator("#activity-form").WaitForAsync();
        await Page.Locator("#activity-kind").SelectOptionAsync("visit");
        await Page.Locator("#activity-date").FillAsync(Day(-5));
        await Page.Locator("#activity-title").FillAsync("浏览器测试考察");
        await Page.Locator("#activity-people").FillAsync("王总");
        await Page.Locator("#activity-ours").FillAsync("李科长，赵主任");
        await Page.Locator("#activity-next-step").FillAsync("浏览器测试寄送用地方案");
        await Page.Locator("#activity-next-due").FillAsync(Day(-1));
        await Page.Locator("#activity-submit").ClickAsync();
        var activity = Page.Locator("#activity-list li").First;
        await Assertions.Expect(activity).ToContainTextAsync("浏览器测试寄送用地方案");
        var activityText = await activity.TextContentAsync();

        await Page.Locator("#blocker-kind").SelectOptionAsync("land");
        await Page.Locator("#blocker-date").FillAsync(Day(-10));
        await Page.Locator("#blocker-due").FillAsync(Day(-3));
        await Page.Locator("#blocker-description").FillAsync("浏览器测试缺工业用地");
        await Page.Locator("#blocker-submit").ClickAsync();
        var blocker = Page.Locator("#blocker-list li[data-status=open]");
        await blocker.WaitForAsync();
        var blockerText = await blocker.TextContentAsync();
        var blockerClass = await blocker.GetAttributeAsync("class");
        await journey.ScreenshotAsync("project-next-step-overdue-blocker");
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");

        await journey.GoAsync("#/team?team=cy");
        var step = Page.Locator("#team-next-steps-table tbody tr", new() { HasText = "浏览器测试寄送用地方案" });
        await step.WaitForAsync();
        var stepText = await step.TextContentAsync();
        var stepClass = await step.GetAttributeAsync("class");
        var teamBlocker = Page.Locator("#team-blockers-table tbody tr", new() { HasText = "浏览器测试缺工业用地" });
        await teamBlocker.WaitForAsync();
        var teamBlockerText = await teamBlocker.TextContentAsync();
        await journey.ScreenshotAsync("team-next-steps");

        var logged = stored.GetProperty("activities")[0];
        Assert.That(logged.GetProperty("nextStep").GetString(), Is.EqualTo("浏览器测试寄送用地方案"));
        Assert.That(logged.GetProperty("nextStepDue").GetString(), Is.EqualTo(Day(-1)));
        Assert.That(logged.GetProperty("ourPeople").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "李科长", "赵主任" }));
        Assert.That(activityText, Does.Contain("我方：李科长、赵主任").And.Contain($"期限 {Day(-1)}"));
        Assert.That(stored.GetProperty("blockers")[0].GetProperty("dueOn").GetString(), Is.EqualTo(Day(-3)));
        Assert.That(blockerText, Does.Contain("已逾期").And.Contain($"期限 {Day(-3)}"));
        Assert.That(blockerClass, Does.Contain("overdue"));
        Assert.That(stepText, Does.Contain(Day(-1)).And.Contain("逾期 1 天"));
        Assert.That(stepClass, Does.Contain("overdue"));
        Assert.That(teamBlockerText, Does.Contain($"{Day(-3)}（已逾期）"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task A_next_step_due_in_two_days_is_listed_as_due_and_not_overdue()
    {
        using var api = host.ApiClient();
        var id = await CreateProjectAsync(api, "cy", "浏览器测试将到期项目");
        var logged = await api.PostAsJsonAsync($"/api/projects/{id}/activities", new { kind = "call", nextStep = "浏览器测试约见董事长", nextStepDue = Day(2) });
        Assert.That((int)logged.StatusCode, Is.EqualTo(201), await logged.Content.ReadAsStringAsync());

        await journey.GoAsync("#/team?team=cy");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var step = Page.Locator("#team-next-steps-table tbody tr", new() { HasText = "浏览器测试约见董事长" });
        await step.WaitForAsync();
        var stepText = await step.TextContentAsync();
        var stepClass = await step.GetAttributeAsync("class");

        Assert.That(stepText, Does.Contain("2 天后到期"));
        Assert.That(stepClass ?? string.Empty, Does.Not.Contain("overdue"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task A_launch_refused_because_someone_else_just_started_the_companys_project_links_to_that_project()
    {
        using var api = host.ApiClient();
        var companies = await api.GetFromJsonAsync<JsonElement>("/api/companies?chain=ZQ&pageSize=100");
        long? free = null;
        foreach (var company in companies.GetProperty("items").EnumerateArray())
        {
            var candidate = company.GetProperty("id").GetInt64();
            if ((await api.GetFromJsonAsync<JsonElement>($"/api/projects?company={candidate}")).GetProperty("total").GetInt32() == 0)
            {
                free = candidate;
                break;
            }
        }

        Assert.That(free, Is.Not.Null, "a 专汽 company without a project");
        await journey.GoAsync($"#/project?new={free}&chain=ZQ&team=csj");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#new-project-form").WaitForAsync();
        var theirs = await api.PostAsJsonAsync("/api/projects", new { name = "浏览器测试抢先立项", companyId = free, chain = "ZQ", team = "zsj", unit = "421321" });
        Assert.That((int)theirs.StatusCode, Is.EqualTo(201), await theirs.Content.ReadAsStringAsync());
        var theirsId = (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("project").GetProperty("id").GetInt64();
        await Page.Locator("#new-unit").SelectOptionAsync("421303");
        await Page.Locator("#new-submit").ClickAsync();
        var link = Page.Locator("#existing-project-link");
        await link.WaitForAsync();
        var href = await link.GetAttributeAsync("href");
        var message = await Page.Locator("#new-project-form").TextContentAsync();
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/projects?company={free}");

        Assert.That(href, Does.Contain($"id={theirsId}"));
        Assert.That(message, Does.Contain("已有未终止的项目"));
        Assert.That(listed.GetProperty("total").GetInt32(), Is.EqualTo(1), "no second project");
        journey.AssertNoErrors(409);
    }
}
