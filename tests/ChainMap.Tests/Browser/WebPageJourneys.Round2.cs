using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChainMap.Access;
using ChainMap.Tests.Support;
using Microsoft.Playwright;

namespace ChainMap.Tests.Browser;

/// <summary>Journeys over the ranked targets, the gap-rated map, exports, uploads and projects.</summary>
public sealed partial class WebPageJourneys
{
    private static readonly string[] Ratings = ["strong", "potential", "weak", "missing"];

    [Test]
    public async Task Targets_show_score_reasons_and_introduction_paths_and_an_empty_list_shows_the_services_reason()
    {
        await journey.GoAsync("#/targets?chain=ZQ&region=长三角");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#targets-table").WaitForAsync();
        var scores = await Page.Locator("#targets-table td.score strong").AllTextContentsAsync();
        var reasons = await Page.Locator("#targets-table td.reasons").First.TextContentAsync();
        var paths = await Page.Locator("#targets-table td.paths .path-list li").CountAsync();
        var ratings = await Page.Locator("#targets-table .rating").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.rating)");
        var freshness = await Page.Locator("#targets-freshness").TextContentAsync();

        await Page.Locator("#target-tags").FillAsync("上市");
        await Page.Locator("#target-tags").PressAsync("Enter");
        await Page.WaitForURLAsync(new Regex("tags="));
        await Page.Locator("#target-min-capital").FillAsync("100000000");
        await Page.Locator("#target-min-capital").PressAsync("Enter");
        var emptyState = Page.Locator("#targets-empty");
        await emptyState.WaitForAsync();
        var reason = await emptyState.TextContentAsync();
        await journey.ScreenshotAsync("targets-empty");
        var url = Uri.UnescapeDataString(Page.Url);

        Assert.That(scores.Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)), Is.Ordered.Descending.And.Not.Empty);
        Assert.That(reasons, Does.Contain("环节「"), "the first reason names the segment's gap in words");
        Assert.That(freshness, Does.Match(@"数据截至 \d{2}:\d{2}:\d{2}"), "the list says when its gap ratings and ties were computed (ADR 0210)");
        Assert.That(paths, Is.GreaterThan(0), "some targets have an introduction path");
        Assert.That(ratings, Is.Not.Empty.And.All.AnyOf(Ratings));
        Assert.That(url, Does.Contain("tags=上市").And.Contain("minCapital=100000000").And.Contain("region=长三角"));
        Assert.That(reason, Does.Contain("长三角").And.Contain("注册资本不低于"), "the empty list says why, in the service's words");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Targets_csv_export_downloads_the_listed_targets_under_the_chinese_file_name()
    {
        await journey.GoAsync("#/targets?chain=ZQ&region=长三角");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#targets-table").WaitForAsync();
        var firstOnPage = await Page.Locator("#targets-table tbody tr").First.GetAttributeAsync("data-id");
        var totalOnPage = ParseCount(await Page.Locator("#target-total").TextContentAsync());

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("button.export[data-format=csv]").ClickAsync());
        var path = Path.Combine(WebPageHost.ScreenshotDirectory, "targets-export.csv");
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllLinesAsync(path, Encoding.UTF8)).Where(l => l.Length > 0).ToList();
        await Assertions.Expect(Page.Locator(".export-note")).ToContainTextAsync("已下载");
        var provinces = lines.Skip(1).Select(l => l.Split(',')[3]).Distinct().ToList();

        Assert.That(download.SuggestedFilename, Is.EqualTo("专汽-长三角招商目标企业.csv"), "the name from filename* (RFC 5987)");
        Assert.That(lines[0], Does.StartWith("序号,企业名称,统一社会信用代码,省份"));
        Assert.That(lines, Has.Count.EqualTo(totalOnPage + 1), "a header and every target of the list");
        Assert.That(lines[1].Split(',')[^1], Is.EqualTo(firstOnPage), "the same first target as the page");
        Assert.That(provinces, Is.SubsetOf(new[] { "上海市", "江苏省", "浙江省", "安徽省" }));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Map_colours_segments_by_gap_rating_and_a_segment_click_shows_its_rating_home_companies_and_targets()
    {
        using var api = host.ApiClient();
        var invest = await api.GetFromJsonAsync<JsonElement>("/api/chains/ZQ/investment-map?top=0&paths=0");
        var expected = invest.GetProperty("segments").EnumerateArray()
            .ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("rating").GetString()!);

        await journey.GoAsync("#/map?chain=专汽");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#chain-graph svg text", new() { HasTextString = "专用车底盘" }).WaitForAsync();
        var legend = await Page.Locator(".legend-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.rating + '|' + e.textContent)");
        var chips = await Page.Locator("#segments-by-rating .chip").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code + '|' + e.dataset.rating)");
        var fills = await Page.Locator("#chain-graph svg path").EvaluateAllAsync<string[]>("els => els.map(e => (e.getAttribute('fill') || '').toLowerCase())");
        await journey.ScreenshotAsync("map-ratings");

        await Page.Locator("#chain-graph svg text", new() { HasTextString = "专用车底盘" }).First.ClickAsync();
        await Page.Locator("#segment-title", new() { HasTextString = "专用车底盘" }).WaitForAsync();
        var rating = await Page.Locator("#segment-rating").GetAttributeAsync("data-rating");
        await Page.Locator(".side-panel .target-list li a").First.WaitForAsync();

        // One item per target (an item also links its introduction path or project).
        var targets = await Page.Locator(".side-panel .target-list li[data-id]").CountAsync();
        await journey.ScreenshotAsync("map-segment-targets");
        await Page.Locator("#segment-targets-link").ClickAsync();
        await Page.Locator("#targets-table").WaitForAsync();
        var preselected = await Page.Locator("#segment-select").InputValueAsync();

        Assert.That(legend.Select(l => l.Split('|')[0]), Is.EqualTo(Ratings));
        Assert.That(string.Join(" ", legend), Does.Contain("优势").And.Contain("潜力").And.Contain("薄弱").And.Contain("空白"));
        Assert.That(chips, Has.Length.EqualTo(expected.Count));
        Assert.That(chips.ToDictionary(c => c.Split('|')[0], c => c.Split('|')[1]), Is.EquivalentTo(expected), "each segment carries the service's rating");
        Assert.That(fills, Does.Contain("#e03131").And.Contain("#2f9e44"), "missing and strong segments are drawn in their colours");
        Assert.That(rating, Is.EqualTo(expected["ZQ-CHASSIS"]));
        Assert.That(targets, Is.InRange(1, 8));
        Assert.That(preselected, Is.EqualTo("ZQ-CHASSIS"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Analyst_uploads_a_small_csv_and_sees_the_counts_and_the_bad_rows_reason()
    {
        var key = await host.CreateKeyAsync(Role.Analyst);
        await journey.GoAsync("#/import");
        await journey.SignInAsync(key);
        var csv = Encoding.UTF8.GetBytes(
            "企业名称,行政区划代码,注册资本(万元),主营产品\r\n"
            + "浏览器测试甲液压有限公司(示例),420100,1200,液压油缸\r\n"
            + "浏览器测试乙专用车有限公司(示例),320500,800,专用车上装\r\n"
            + "浏览器测试丙冷藏车有限公司(示例),330100,很多,冷藏车厢\r\n"
            + "浏览器测试丁罐车有限公司(示例),999999,500,罐车\r\n");
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "三家企业.csv", MimeType = "text/csv", Buffer = csv });
        await Page.Locator("#import-submit").ClickAsync();
        await Assertions.Expect(Page.Locator("#import-state")).ToHaveAttributeAsync("data-state", "succeeded");
        var url = Page.Url;
        await Page.Locator("#problems-table").WaitForAsync();
        var counts = await Page.Locator("#import-counts dd").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.count + '=' + e.textContent)");
        var problem = await Page.Locator("#problems-table tbody tr").First.Locator("td").AllTextContentsAsync();
        await journey.ScreenshotAsync("import-upload");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#download-report").ClickAsync());
        var path = Path.Combine(WebPageHost.ScreenshotDirectory, "import-errors.csv");
        await download.SaveAsAsync(path);
        var report = await File.ReadAllTextAsync(path, Encoding.UTF8);

        Assert.That(url, Does.Contain("#/import?job=imp-"), "the watched job is in the address");
        Assert.That(counts, Does.Contain("rowsRead=4").And.Contain("inserted=3").And.Contain("rejected=1").And.Contain("problems=2"));
        Assert.That(problem[0], Is.EqualTo("4"), "the line of the row imported without its unreadable capital (a warning)");
        Assert.That(problem[2], Is.EqualTo("很多"));
        Assert.That(download.SuggestedFilename, Does.EndWith("-errors.csv"));
        Assert.That(report, Does.Contain("很多").And.Contain("999999"), "the warning and the rejected row's reason");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Viewer_on_the_import_view_is_told_why_it_cannot_upload()
    {
        var key = await host.CreateKeyAsync(Role.Viewer);
        await journey.GoAsync("#/import");
        await journey.SignInAsync(key);
        var notice = Page.Locator("#import-not-allowed");
        await notice.WaitForAsync();
        var text = await notice.TextContentAsync();

        Assert.That(text, Does.Contain("只有管理员和分析员").And.Contain("只读用户"));
        Assert.That(await Page.Locator("#import-form").CountAsync(), Is.Zero);
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Projects_view_lists_projects_with_stage_and_team_and_the_results_by_team()
    {
        using var api = host.ApiClient();
        // A company has one open project at a time (ADR 0173), and other journeys of this fixture start projects
        // for 专汽 companies too: take one that has none.
        await CreateProjectAsync(api, "csj", "浏览器测试专用车项目");

        await journey.GoAsync("#/projects?team=csj");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var row = Page.Locator("#projects-table tbody tr", new() { HasTextString = "浏览器测试专用车项目" });
        await row.WaitForAsync();
        var cells = await row.Locator("td").AllTextContentsAsync();
        await Page.Locator("#results-table").WaitForAsync();
        var teams = await Page.Locator("#results-table tbody th").AllTextContentsAsync();
        var yangtze = await Page.Locator("#results-table tbody tr", new() { HasTextString = "长三角" }).Locator("td").AllTextContentsAsync();
        await journey.ScreenshotAsync("projects");
        // Other journeys of this fixture add 长三角 projects too: the page shows what the service counts.
        var results = await api.GetFromJsonAsync<JsonElement>("/api/results?by=team");
        var planned = results.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "csj")
            .GetProperty("stages")[0].GetProperty("projects").GetInt32();

        Assert.That(cells[3], Does.StartWith("谋划"));
        Assert.That(cells[4], Is.EqualTo("长三角驻点招商专班"));
        Assert.That(teams, Does.Contain("长三角"));
        Assert.That(planned, Is.GreaterThanOrEqualTo(1), "the new project reached 谋划 for 长三角");
        Assert.That(yangtze[0], Is.EqualTo(planned.ToString(System.Globalization.CultureInfo.InvariantCulture)), "the page shows the service's count");
        journey.AssertNoErrors();
    }
}
