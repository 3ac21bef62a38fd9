using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Tests.Support;
using Microsoft.Playwright;

namespace ChainMap.Tests.Browser;

/// <summary>Journeys of the team page and the leaders' cockpit (issue 17).</summary>
public sealed partial class WebPageJourneys
{
    private static string Today => TimeProvider.System.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Test]
    public async Task Team_page_shows_the_teams_targets_projects_by_stage_this_months_activities_and_open_blockers()
    {
        using var api = host.ApiClient();
        var id = await CreateProjectAsync(api, "csj", "浏览器测试专班页项目");
        var logged = await api.PostAsJsonAsync($"/api/projects/{id}/activities", new { kind = "visit", title = "浏览器测试本月走访", peopleMet = new[] { "赵总" } });
        Assert.That((int)logged.StatusCode, Is.EqualTo(201), await logged.Content.ReadAsStringAsync());
        var blocked = await api.PostAsJsonAsync($"/api/projects/{id}/blockers", new { kind = "energy", description = "浏览器测试能耗指标", owner = "随县发改局" });
        Assert.That((int)blocked.StatusCode, Is.EqualTo(201), await blocked.Content.ReadAsStringAsync());
        var member = await host.CreateKeyAsync(Role.TeamMember, "csj");

        await journey.GoAsync("#/team");
        await journey.SignInAsync(member);
        await Page.Locator("#team-targets-table").WaitForAsync();
        var url = Uri.UnescapeDataString(Page.Url);
        var planning = await Page.Locator("#team-projects .kanban-col[data-stage=planning] li").AllTextContentsAsync();
        await Assertions.Expect(Page.Locator("#team-activities")).ToContainTextAsync("浏览器测试本月走访");
        await Assertions.Expect(Page.Locator("#team-blockers-table")).ToContainTextAsync("浏览器测试能耗指标");
        var places = await Page.Locator("#team-targets-table td.region").AllTextContentsAsync();
        var launches = await Page.Locator("#team-targets-table td.launch-cell").CountAsync();
        await journey.ScreenshotAsync("team");

        Assert.That(url, Does.Contain("team=csj"), "a team member lands on their own team");
        Assert.That(planning, Has.Some.Contains("浏览器测试专班页项目"));
        Assert.That(places, Is.Not.Empty.And.All.Matches<string>(p => YangtzeDelta.Any(p.StartsWith)), "targets of the team's region group");
        Assert.That(launches, Is.EqualTo(places.Count), "every target has 立项 or its project");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Cockpit_results_equal_the_services_results_for_the_chosen_period_and_grouping_and_export_what_is_shown()
    {
        using var api = host.ApiClient();
        var id = await CreateProjectAsync(api, "zsj", "浏览器测试驾驶舱项目");
        var moved = await api.PostAsJsonAsync($"/api/projects/{id}/stage", new { stage = "signed", reason = "一次谈成" });
        Assert.That((int)moved.StatusCode, Is.EqualTo(200), await moved.Content.ReadAsStringAsync());
        var from = Today[..4] + "-01-01";

        await journey.GoAsync($"#/cockpit?from={from}&to={Today}&by=team");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#cockpit-results-table").WaitForAsync();
        await Page.Locator("#cockpit-ratings-table").WaitForAsync();
        var byTeam = await ShownResultsAsync();
        var ratings = await Page.Locator("#cockpit-ratings-table tbody tr[data-chain=ZQ] td").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.rating + '=' + e.textContent)");
        await journey.ScreenshotAsync("cockpit");
        var expectedByTeam = await ExpectedResultsAsync(api, $"from={from}&to={Today}&by=team");

        await Page.Locator("#cockpit-by").SelectOptionAsync("unit");
        await Page.Locator("#cockpit-results-table tbody tr[data-key='421303']").WaitForAsync();
        var byUnit = await ShownResultsAsync();
        var expectedByUnit = await ExpectedResultsAsync(api, $"from={from}&to={Today}&by=unit");
        await Page.Locator("#cockpit-from").FillAsync("2000-01-01");
        await Page.Locator("#cockpit-to").FillAsync("2000-12-31");
        await Page.Locator("#cockpit-apply").ClickAsync();
        await Assertions.Expect(Page.Locator("#cockpit-results h2")).ToContainTextAsync("2000-01-01 至 2000-12-31");
        var empty = await ShownResultsAsync();
        var expectedEmpty = await ExpectedResultsAsync(api, "from=2000-01-01&to=2000-12-31&by=unit");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#cockpit-export").ClickAsync());
        var path = Path.Combine(WebPageHost.ScreenshotDirectory, "cockpit.csv");
        await download.SaveAsAsync(path);
        var csv = await File.ReadAllTextAsync(path, Encoding.UTF8);
        var invest = await api.GetFromJsonAsync<JsonElement>("/api/chains/ZQ/investment-map?top=0&paths=0");
        var expectedRatings = invest.GetProperty("summary").EnumerateArray()
            .Select(s => s.GetProperty("rating").GetString() + "=" + s.GetProperty("segments").GetInt32()).ToList();

        Assert.That(byTeam, Is.EqualTo(expectedByTeam), "every team's stage counts, signed investment and activities as GET /api/results");
        Assert.That(byTeam["zsj"]["signed"], Is.Not.EqualTo("0"), "the project signed today is counted");
        Assert.That(byUnit, Is.EqualTo(expectedByUnit));
        Assert.That(empty, Is.EqualTo(expectedEmpty), "a period without projects");
        Assert.That(ratings, Is.EquivalentTo(expectedRatings));
        Assert.That(download.SuggestedFilename, Is.EqualTo("驾驶舱_2000-01-01_2000-12-31.csv"));
        Assert.That(csv, Does.Contain("实绩 2000-01-01 至 2000-12-31").And.Contain("各产业链环节评级").And.Contain("项目管道").And.Contain("合计"));
        journey.AssertNoErrors();
    }

    /// <summary>The cockpit's results table: group key → (stage or figure → the text shown).</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> ShownResultsAsync()
    {
        var rows = await Page.Locator("#cockpit-results-table tr[data-key]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.key, ...[...r.querySelectorAll('td[data-stage]')].map(c => c.dataset.stage + '=' + c.textContent)])");
        return rows.ToDictionary(r => r[0], r => r.Skip(1).ToDictionary(c => c.Split('=')[0], c => c.Split('=')[1]));
    }

    /// <summary>The same figures from GET /api/results, formatted as the page formats them.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> ExpectedResultsAsync(HttpClient api, string query)
    {
        var report = await api.GetFromJsonAsync<JsonElement>($"/api/results?{query}");
        var groups = report.GetProperty("groups").EnumerateArray().Select(g => (Key: g.GetProperty("key").GetString()!, Group: g))
            .Append((Key: "*", Group: report.GetProperty("total")));
        return groups.ToDictionary(
            g => g.Key,
            entry =>
            {
                var g = entry.Group;
                var cells = g.GetProperty("stages").EnumerateArray().ToDictionary(
                    s => s.GetProperty("stage").GetString()!, s => s.GetProperty("projects").GetInt32().ToString("N0", CultureInfo.InvariantCulture));
                var signed = g.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "signed").GetProperty("plannedInvestment").GetDecimal();
                cells["signed-investment"] = Wan(signed);
                cells["activities"] = g.GetProperty("activities").GetInt32().ToString("N0", CultureInfo.InvariantCulture);
                return cells;
            });
    }

    /// <summary>An amount as the page's money(): 万元 below 10,000 万元, else 亿元 with one decimal.</summary>
    private static string Wan(decimal wan) =>
        wan >= 10000m
            ? (wan / 10000m).ToString(wan >= 1000000m ? "F0" : "F1", CultureInfo.InvariantCulture) + " 亿元"
            : wan.ToString("N0", CultureInfo.InvariantCulture) + " 万元";
}
