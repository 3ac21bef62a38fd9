using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using ChainMap.Access;
using ChainMap.Api.Chains;
using ChainMap.Tests.Support;
using Microsoft.Playwright;

namespace ChainMap.Tests.Browser;

/// <summary>
/// The web page driven in headless Chromium against the real service, one user journey per test.
/// A journey fails on any console or page error it did not expect. Screenshots of every view are
/// kept in test-results/screenshots.
/// </summary>
public sealed partial class WebPageJourneys
{
    private static readonly string[] YangtzeDelta = ["上海", "江苏", "浙江", "安徽"];

    /// <summary>随州市 and its counties (data/home.json).</summary>
    private static readonly string[] HomePlaces = ["随州市", "曾都区", "随县", "广水市"];

    private WebPageHost host = null!;
    private Journey journey = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => host = await WebPageHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await host.DisposeAsync();

    [SetUp]
    public async Task OpenAsync() => journey = await host.OpenAsync();

    [TearDown]
    public async Task CloseAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await journey.ScreenshotAsync($"FAILED-{TestContext.CurrentContext.Test.MethodName}");
        }

        await journey.DisposeAsync();
    }

    private IPage Page => journey.Page;

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Test]
    public async Task Admin_signs_in_with_the_key_sees_name_and_role_and_signs_out()
    {
        await journey.GoAsync("");
        await Page.Locator("#api-key").WaitForAsync();
        await journey.ScreenshotAsync("signin");
        var before = Page.Url;

        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var user = await Page.Locator(".user-name").TextContentAsync();
        var role = await Page.Locator(".user-role").TextContentAsync();
        await Page.Locator("#chain-graph svg").WaitForAsync();
        var landed = Page.Url;
        await Page.Locator("#sign-out").ClickAsync();
        await Page.Locator("#api-key").WaitForAsync();
        var key = await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('chainmap.apiKey')");

        Assert.That(before, Does.Contain("#/signin"));
        Assert.That(user, Is.EqualTo("管理员"));
        Assert.That(role, Is.EqualTo("管理员"));
        Assert.That(landed, Does.Contain("#/map?chain="));
        Assert.That(key, Is.Null, "signing out forgets the key");
        Assert.That(await Page.Locator("#nav a").CountAsync(), Is.Zero, "no navigation when signed out");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Wrong_key_is_refused_with_the_reason_in_words()
    {
        await journey.GoAsync("#/signin");

        await Page.Locator("#api-key").FillAsync("hello");
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var malformed = await Page.Locator(".signin-message [role=alert]").TextContentAsync();
        await Page.Locator("#api-key").FillAsync("cmk_nosuchkey_0123456789abcdefghijklmnop");
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var refused = Page.Locator(".signin-message [role=alert]", new() { HasTextString = "401" });
        await refused.WaitForAsync();
        var text = await refused.TextContentAsync();
        await journey.ScreenshotAsync("wrong-key");

        Assert.That(malformed, Does.Contain("格式应为 cmk_"));
        Assert.That(text, Does.Contain("API 密钥无效").And.Contain("服务不认识这个密钥").And.Contain("Sign-in required"));
        Assert.That(await Page.Locator("#sign-out").CountAsync(), Is.Zero);
        journey.AssertNoErrors(401);
    }

    [Test]
    public async Task Revoked_key_sends_the_user_back_to_sign_in_and_then_to_the_same_view()
    {
        var key = await host.CreateKeyAsync(Role.Viewer);
        await journey.GoAsync("#/companies");
        await journey.SignInAsync(key);
        await Page.Locator("#companies-table").WaitForAsync();

        var keyId = key.Split('_')[1];
        await RevokeAsync(keyId);
        await journey.GoAsync("#/targets?chain=ZQ&region=长三角");
        var notice = Page.Locator(".signin-message [role=alert]");
        await notice.WaitForAsync();
        var message = await notice.TextContentAsync();
        await journey.SignInAsync(await host.CreateKeyAsync(Role.Viewer));
        await Page.Locator("#targets-table").WaitForAsync();
        var region = await Page.Locator("select.region-top").InputValueAsync();

        Assert.That(message, Does.Contain("登录已失效"));
        Assert.That(region, Is.EqualTo("长三角"), "back on the view the user was on");
        journey.AssertNoErrors(401);
    }

    [Test]
    public async Task Map_of_专汽_from_its_url_shows_segments_in_three_tiers_and_a_click_opens_the_home_companies()
    {
        // The segment with the most home companies in the data (a name that is no part of another segment's name,
        // so that its label is found by its text).
        using var api = host.ApiClient();
        var chainMap = await api.GetFromJsonAsync<ChainMapResponse>("/api/chains/ZQ/map");
        var all = chainMap!.Tiers.SelectMany(t => t.Segments).ToList();
        var busiest = all.Where(s => !all.Any(o => o.Code != s.Code && o.Name.Contains(s.Name, StringComparison.Ordinal)))
            .OrderByDescending(s => s.LocalCompanies).ThenBy(s => s.Code, StringComparer.Ordinal).First();
        Assert.That(busiest.LocalCompanies, Is.GreaterThan(0), "the demo data has home companies in 专汽");

        await journey.GoAsync("#/map?chain=专汽");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var graph = Page.Locator("#chain-graph svg");
        await graph.WaitForAsync();
        await Page.Locator("#chain-graph svg text", new() { HasTextString = "专用车底盘" }).WaitForAsync();

        // Each label with its horizontal centre relative to the graph, as "x|text".
        var labels = await Page.EvaluateAsync<string[]>("""
            () => {
              const box = document.querySelector('#chain-graph').getBoundingClientRect();
              return [...document.querySelectorAll('#chain-graph svg text')].map(t => {
                const r = t.getBoundingClientRect();
                return ((r.x + r.width / 2 - box.x) / box.width) + '|' + t.textContent;
              });
            }
            """);
        var chinese = labels.Select(l => l.Split('|', 2)).Where(p => Chinese().IsMatch(p[1])).ToList();
        var columns = chinese.Select(p => (int)(double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture) * 3)).Distinct().Order().ToList();
        var tiers = await Page.Locator(".tier-head strong").AllTextContentsAsync();
        await journey.ScreenshotAsync("map");

        await Page.Locator("#chain-graph svg text", new() { HasTextString = busiest.Name }).First.ClickAsync();
        await Page.Locator("#segment-title", new() { HasTextString = busiest.Name }).WaitForAsync();
        var home = Page.Locator(".side-panel .panel-list").First.Locator("li a");
        await home.First.WaitForAsync();
        var homeCompanies = await Page.Locator(".side-panel .panel-list").First.Locator("li").AllTextContentsAsync();
        await Page.Locator(".side-panel .panel-chart svg").WaitForAsync();
        await journey.ScreenshotAsync("map-segment");

        Assert.That(chinese, Has.Count.GreaterThanOrEqualTo(15), "segment labels in Chinese");
        Assert.That(columns, Is.EqualTo(new[] { 0, 1, 2 }), "labels stand in three tier columns");
        Assert.That(tiers, Is.EqualTo(new[] { "上游", "中游", "下游" }));
        Assert.That(Page.Url, Does.Contain($"segment={busiest.Code}"));
        Assert.That(homeCompanies, Is.Not.Empty);
        Assert.That(
            homeCompanies.Where(t => !t.StartsWith("……", StringComparison.Ordinal)),
            Has.All.Matches<string>(t => HomePlaces.Any(p => t.Contains(p, StringComparison.Ordinal))),
            "every company listed is in the home city");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Targets_filtered_by_长三角_list_only_companies_in_长三角_and_page_on()
    {
        await journey.GoAsync("#/targets?chain=ZQ");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#targets-table").WaitForAsync();
        var allOfChina = await Page.Locator("#target-total").TextContentAsync();

        await Page.Locator("select.region-top").SelectOptionAsync("长三角");
        await Page.Locator(".note-row", new() { HasTextString = "长三角" }).Locator("#target-total").WaitForAsync();
        await Page.Locator("#targets-table").WaitForAsync();
        var regions = await Page.Locator("#targets-table td.region").AllTextContentsAsync();
        var total = await Page.Locator("#target-total").TextContentAsync();
        await Page.Locator("#distribution svg text", new() { HasTextString = "江苏省" }).WaitForAsync();
        var bars = await Page.Locator("#distribution svg text").AllTextContentsAsync();
        await journey.ScreenshotAsync("targets");

        await Page.GetByRole(AriaRole.Button, new() { Name = "下一页" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex("page=2"));
        var firstRank = Page.Locator("#targets-table tbody tr td").First;
        await Assertions.Expect(firstRank).ToHaveTextAsync("21");
        var secondPage = await Page.Locator("#targets-table td.region").AllTextContentsAsync();

        Assert.That(Uri.UnescapeDataString(Page.Url), Does.Contain("region=长三角"));
        Assert.That(regions, Has.Count.EqualTo(20));
        Assert.That(regions.Concat(secondPage), Has.All.Matches<string>(r => YangtzeDelta.Any(p => r.StartsWith(p, StringComparison.Ordinal))));
        Assert.That(ParseCount(total), Is.GreaterThan(20).And.LessThan(ParseCount(allOfChina)));
        Assert.That(bars.Where(t => Chinese().IsMatch(t)), Is.SubsetOf(new[] { "上海市", "江苏省", "浙江省", "安徽省" }).And.Not.Empty);
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Bookmarked_url_restores_chain_region_and_page_after_sign_in_and_reload()
    {
        const string bookmark = "#/targets?chain=专汽&region=长三角&segment=ZQ-BODY";
        await journey.GoAsync("#/targets?chain=专汽&region=长三角&page=3");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Assertions.Expect(Page.Locator(".pager-info")).ToContainTextAsync("第 3 /");
        var chain = await Page.Locator("#chain-select").InputValueAsync();
        var region = await Page.Locator("select.region-top").InputValueAsync();

        await journey.GoAsync(bookmark);
        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator(".note-row")).ToContainTextAsync("上装制造");
        var segment = await Page.Locator("#segment-select").InputValueAsync();
        var regionAfterReload = await Page.Locator("select.region-top").InputValueAsync();
        var rows = await Page.Locator("#targets-table td.region").AllTextContentsAsync();

        Assert.That(chain, Is.EqualTo("ZQ"));
        Assert.That(region, Is.EqualTo("长三角"));
        Assert.That(segment, Is.EqualTo("ZQ-BODY"));
        Assert.That(regionAfterReload, Is.EqualTo("长三角"));
        Assert.That(rows, Is.Not.Empty.And.All.Matches<string>(r => YangtzeDelta.Any(p => r.StartsWith(p, StringComparison.Ordinal))));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Analyst_renames_a_segment_and_a_cycle_is_refused_with_the_services_reason()
    {
        var key = await host.CreateKeyAsync(Role.Analyst);
        await journey.GoAsync("#/chains?chain=ZQ");
        await journey.SignInAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "编辑 专用挂车", Exact = true }).ClickAsync();
        await Page.Locator("#segment-name").FillAsync("专用挂车与半挂车");
        await Page.Locator("#save-segment").ClickAsync();
        await Page.Locator(".state-ok", new() { HasTextString = "已保存环节“专用挂车与半挂车”" }).WaitForAsync();
        var row = await Page.Locator("#segments-table tr[data-code='ZQ-TRAILER'] td.name").TextContentAsync();
        await journey.ScreenshotAsync("chains-edit");

        await journey.GoAsync("#/chains?chain=ZQ");
        await Page.Locator("#add-flow select[name=from]").SelectOptionAsync("ZQ-SALES");
        await Page.Locator("#add-flow select[name=to]").SelectOptionAsync("ZQ-MAT");
        await Page.Locator("#add-flow button[type=submit]").ClickAsync();
        var problem = Page.Locator(".side-panel .state-error");
        await problem.WaitForAsync();
        var problemText = await problem.TextContentAsync();
        await journey.ScreenshotAsync("chains-invalid");

        using var api = host.ApiClient();
        var saved = await api.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ");
        Assert.That(row, Is.EqualTo("专用挂车与半挂车"));
        Assert.That(saved!.Segments.Single(s => s.Code == "ZQ-TRAILER").Name, Is.EqualTo("专用挂车与半挂车"));
        Assert.That(problemText, Does.Contain("输入有误（400）").And.Contain("cycle"));
        Assert.That(saved.Flows.Any(f => f is { From: "ZQ-SALES", To: "ZQ-MAT" }), Is.False, "the refused flow was not saved");
        journey.AssertNoErrors(400);
    }

    [Test]
    public async Task Viewer_reads_chains_without_any_editing_control()
    {
        var key = await host.CreateKeyAsync(Role.Viewer);
        await journey.GoAsync("#/chains?chain=ZQ");
        await journey.SignInAsync(key);
        await Page.Locator("#segments-table").WaitForAsync();
        var editButtons = await Page.Locator(".edit-segment").CountAsync();
        var addSegment = await Page.Locator("#add-segment").CountAsync();
        var addFlow = await Page.Locator("#add-flow").CountAsync();
        await Page.Locator("#segments-table a", new() { HasTextString = "专用车底盘" }).ClickAsync();
        await Page.Locator(".side-panel .facts").WaitForAsync();
        var inputs = await Page.Locator(".side-panel input, .side-panel textarea, .side-panel select, .side-panel button[type=submit]").CountAsync();
        var role = await Page.Locator(".user-role").TextContentAsync();
        await journey.ScreenshotAsync("chains-viewer");

        Assert.That(role, Is.EqualTo("只读用户"));
        Assert.That(editButtons + addSegment + addFlow + inputs, Is.Zero);
        Assert.That(await Page.Locator(".note-row").TextContentAsync(), Does.Contain("只读"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Company_search_by_traditional_name_finds_simplified_names_and_opens_one()
    {
        await journey.GoAsync("#/companies");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#company-q").FillAsync("液壓");
        await Page.Locator("#company-q").PressAsync("Enter");
        await Page.WaitForURLAsync(new Regex("q="));
        // The unfiltered list shown first is replaced by 正在搜索 and then by the search's rows: the names are read until they are the
        // search's (ten seconds at most), not a table on its way out (a CI run once read none).
        var rows = Page.Locator("#companies-table tbody tr td:first-child");
        var names = await rows.AllTextContentsAsync();
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); (names.Count == 0 || !names.All(n => n.Contains("液压", StringComparison.Ordinal))) && clock.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(100);
            names = await rows.AllTextContentsAsync();
        }

        await Page.Locator("#companies-table tbody tr td:first-child a").First.ClickAsync();
        await Page.Locator(".side-panel .facts").WaitForAsync();
        var facts = await Page.Locator(".side-panel .facts").TextContentAsync();
        await journey.ScreenshotAsync("companies");

        Assert.That(names, Is.Not.Empty.And.All.Contain("液压"));
        Assert.That(facts, Does.Contain("统一社会信用代码"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Every_view_opens_from_the_navigation_without_errors()
    {
        await journey.GoAsync("#/map?chain=NC&region=长三角");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#chain-graph svg").WaitForAsync();
        string[] views = ["招商目标", "地图", "企业", "产业链维护", "导入", "我的专班", "项目", "驾驶舱", "产业链图谱"];
        var headings = new List<string>();
        for (var i = 0; i < views.Length; i++)
        {
            await Page.Locator("#nav a", new() { HasTextString = views[i] }).First.ClickAsync();
            await Assertions.Expect(Page.Locator("#nav a.active")).ToHaveTextAsync(views[i]);
            await Assertions.Expect(Page.Locator(".state-loading")).ToHaveCountAsync(0);
            headings.Add(await Page.Locator(".view h1").First.TextContentAsync() ?? "");
            await journey.ScreenshotAsync($"nav-{i + 1}-{views[i]}");
        }

        var mapUrl = Uri.UnescapeDataString(Page.Url);
        Assert.That(headings, Is.EqualTo(new[] { "招商目标", "地图", "企业", "产业链维护", "导入企业名单", "长三角驻点招商专班", "项目", "驾驶舱", "产业链图谱" }));
        Assert.That(await Page.TitleAsync(), Is.EqualTo("产业链图谱 · 产业链招商图谱"));
        Assert.That(mapUrl, Does.Contain("chain=NC").And.Contain("region=长三角"), "the chain and region travel with the navigation");
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Import_preview_decodes_a_GB18030_csv_without_uploading_it()
    {
        await journey.GoAsync("#/import");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding("GB18030").GetBytes("企业名称,行政区划代码,注册资本(万元)\r\n\"武汉測試液压有限公司(示例)\",420100,\"1,200\"\r\n");
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "名单.csv", MimeType = "text/csv", Buffer = csv });
        var table = Page.Locator("#preview-table");
        await table.WaitForAsync();
        var headers = await table.Locator("th").AllTextContentsAsync();
        var cells = await table.Locator("tbody td").AllTextContentsAsync();
        var summary = await Page.Locator(".preview-summary").TextContentAsync();
        await journey.ScreenshotAsync("import-preview");

        Assert.That(headers, Is.EqualTo(new[] { "企业名称", "行政区划代码", "注册资本(万元)" }));
        Assert.That(cells, Is.EqualTo(new[] { "武汉測試液压有限公司(示例)", "420100", "1,200" }));
        Assert.That(summary, Does.Contain("GB18030").And.Contain("3 列"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Excel_unicode_text_previews_in_its_columns_and_imports()
    {
        await journey.GoAsync("#/import");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        // Excel's Save As "Unicode 文本 (*.txt)": UTF-16LE with its byte-order mark, tab-separated; a name holds a comma.
        var text = Encoding.Unicode.GetBytes("企业名称\t省份\t城市\t主营产品\r\n"
            + "浏览器测试戊罐车有限公司(示例)\t湖北省\t随州市\t罐式车、厢式车\r\n"
            + "浏览器测试己液压有限公司(示例)\t江苏省\t徐州市\t液压油缸,齿轮泵\r\n");
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "招商名单.txt", MimeType = "text/plain", Buffer = [.. Encoding.Unicode.GetPreamble(), .. text],
        });
        var table = Page.Locator("#preview-table");
        await table.WaitForAsync();
        var headers = await table.Locator("th").AllTextContentsAsync();
        var cells = await table.Locator("tbody td").AllTextContentsAsync();
        var summary = await Page.Locator(".preview-summary").TextContentAsync();
        var counts = await SubmitImportAsync();
        await journey.ScreenshotAsync("import-unicode-text");

        Assert.That(headers, Is.EqualTo(new[] { "企业名称", "省份", "城市", "主营产品" }));
        Assert.That(cells.Take(4), Is.EqualTo(new[] { "浏览器测试戊罐车有限公司(示例)", "湖北省", "随州市", "罐式车、厢式车" }));
        Assert.That(cells.Skip(4).Take(4).Last(), Is.EqualTo("液压油缸,齿轮泵"), "tabs separate the cells, a comma is text");
        Assert.That(summary, Does.Contain("UTF-16LE").And.Contain("制表符分隔").And.Contain("4 列"));
        Assert.That(counts, Does.Contain("rowsRead=2").And.Contain("inserted=2").And.Contain("rejected=0"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task An_excel_97_2003_workbook_uploads_from_the_page()
    {
        await journey.GoAsync("#/import");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var xls = await File.ReadAllBytesAsync(Path.GetFullPath(Path.Combine(TestData.DataPath, "..", "tests", "ChainMap.Tests", "Import", "fixtures", "bureau-list.xls")));
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "重点企业名单.xls", MimeType = "application/vnd.ms-excel", Buffer = xls });
        // the page does not try to read a workbook as text
        await Assertions.Expect(Page.Locator(".import-preview")).ToContainTextAsync("Excel 文件由服务解析");
        var counts = await SubmitImportAsync();
        await journey.ScreenshotAsync("import-xls");

        Assert.That(counts, Does.Contain("rowsRead=3").And.Contain("inserted=3").And.Contain("rejected=0"));
        journey.AssertNoErrors();
    }

    /// <summary>Uploads the chosen file, waits for the job to succeed, and returns its counts as <c>name=value</c>.</summary>
    private async Task<string[]> SubmitImportAsync()
    {
        await Page.Locator("#import-submit").ClickAsync();
        await Assertions.Expect(Page.Locator("#import-state")).ToHaveAttributeAsync("data-state", "succeeded");
        return await Page.Locator("#import-counts dd").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.count + '=' + e.textContent)");
    }

    [Test]
    public async Task Import_preview_says_how_each_column_will_be_read_and_when_no_name_column_is_found()
    {
        await journey.GoAsync("#/import");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        var register = Encoding.UTF8.GetBytes("企业名称,登记状态,法定代表人,国标行业小类,国标行业中类,所属省份\r\n甲专用汽车有限公司,存续,张三,,改装汽车制造,湖北省\r\n");
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "企查查导出.csv", MimeType = "text/csv", Buffer = register });
        var reading = Page.Locator("#preview-columns td");
        await Assertions.Expect(reading).ToHaveCountAsync(6);

        Assert.That(await reading.AllTextContentsAsync(), Is.EqualTo(new[]
        {
            "读作 企业名称", "读作 登记状态", "忽略", "读作 行业", "读作 行业（国标行业小类为空时）", "读作 省份",
        }));
        await Assertions.Expect(Page.Locator("#preview-no-name")).ToHaveCountAsync(0);

        var unnamed = Encoding.UTF8.GetBytes("单位,省份\r\n甲有限公司,湖北省\r\n");
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "名单2.csv", MimeType = "text/csv", Buffer = unnamed });
        await Assertions.Expect(Page.Locator("#preview-no-name")).ToBeVisibleAsync();
        await journey.ScreenshotAsync("import-preview-no-name");
        await Page.Locator("details.mapping summary").ClickAsync();
        await Page.Locator("#import-mapping").FillAsync("{\"单位\":\"name\"}");
        await Page.Locator("#import-mapping").DispatchEventAsync("change");
        await Assertions.Expect(Page.Locator("#preview-no-name")).ToHaveCountAsync(0);
        Assert.That(await Page.Locator("#preview-columns td").AllTextContentsAsync(), Is.EqualTo(new[] { "读作 企业名称", "读作 省份" }));

        // A bureau's spreadsheet with its header merged over two rows: 所在地区 over 省 | 市 | 区县.
        await Page.Locator("#import-mapping").FillAsync(string.Empty);
        await Page.Locator("#import-mapping").DispatchEventAsync("change");
        var merged = Encoding.UTF8.GetBytes("序号,企业名称,所在地区,,,主营产品\r\n,,省,市,区县,\r\n1,徐州重型机械有限公司,江苏省,徐州市,铜山区,随车起重机\r\n");
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "招商名单.csv", MimeType = "text/csv", Buffer = merged });
        await Assertions.Expect(Page.Locator("#preview-second-header")).ToBeVisibleAsync();
        Assert.That(await Page.Locator("#preview-columns td").AllTextContentsAsync(), Is.EqualTo(new[]
        {
            "忽略", "读作 企业名称", "读作 省份", "读作 城市", "读作 区县", "读作 主营产品",
        }));
        Assert.That(await Page.Locator("#preview-table thead tr").CountAsync(), Is.EqualTo(3), "both header rows and the reading under them");
        Assert.That(await Page.Locator("#preview-table tbody tr").CountAsync(), Is.EqualTo(1), "the second header row is not shown as a company");
        await journey.ScreenshotAsync("import-preview-second-header");

        // A vendor's export with notes of two cells above its table: the import skips them, and the preview says so.
        var notes = Encoding.UTF8.GetBytes("数据来源：企查查,导出时间：2026-12-01\r\n企业名称,所属省份,所属城市\r\n湖北程力专用汽车股份有限公司,湖北省,随州市\r\n");
        await Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "企查查导出2.csv", MimeType = "text/csv", Buffer = notes });
        await Assertions.Expect(Page.Locator("#preview-skipped")).ToContainTextAsync("表头在第 2 行");
        await Assertions.Expect(Page.Locator("#preview-no-name")).ToHaveCountAsync(0);
        Assert.That(await Page.Locator("#preview-columns td").AllTextContentsAsync(), Is.EqualTo(new[] { "读作 企业名称", "读作 省份", "读作 城市" }));
        Assert.That(await Page.Locator("#preview-table tbody td").First.TextContentAsync(), Is.EqualTo("湖北程力专用汽车股份有限公司"));
        journey.AssertNoErrors();
    }

    [Test]
    public async Task Admin_creates_a_user_whose_key_works_once_shown_and_stops_when_revoked()
    {
        await journey.GoAsync("#/users");
        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await Page.Locator("#user-name").FillAsync("王五");
        await Page.Locator("#user-role").SelectOptionAsync("planner");
        await Page.GetByRole(AriaRole.Button, new() { Name = "创建用户并生成密钥" }).ClickAsync();
        var token = await Page.Locator("#new-key").InputValueAsync();
        await Page.Locator("#users-table td", new() { HasTextString = "王五" }).WaitForAsync();
        await journey.ScreenshotAsync("users");

        await Page.Locator("#sign-out").ClickAsync();
        await journey.SignInAsync(token);
        var role = await Page.Locator(".user-role").TextContentAsync();
        var usersLink = await Page.Locator("#nav a", new() { HasTextString = "用户与密钥" }).CountAsync();
        await Page.Locator("#sign-out").ClickAsync();

        await journey.SignInAsync(ChainMapApiFactory.AdminKey);
        await journey.GoAsync("#/users");
        var keyId = token.Split('_')[1];
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"撤销密钥 {keyId}" }).ClickAsync();
        await Assertions.Expect(Page.Locator($"#keys-table tr[data-id='{keyId}'] td.key-state")).ToContainTextAsync("已撤销");
        await Page.Locator("#sign-out").ClickAsync();
        await Page.Locator("#api-key").FillAsync(token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var refused = Page.Locator(".signin-message [role=alert]", new() { HasTextString = "401" });
        await refused.WaitForAsync();

        Assert.That(token, Does.StartWith("cmk_"));
        Assert.That(role, Is.EqualTo("规划人员"));
        Assert.That(usersLink, Is.Zero, "only admins see 用户与密钥");
        journey.AssertNoErrors(401);
    }

    private static long ParseCount(string? text) => long.Parse((text ?? "").Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private async Task RevokeAsync(string keyId)
    {
        using var api = host.ApiClient();
        var response = await api.DeleteAsync($"/api/keys/{keyId}");
        Assert.That((int)response.StatusCode, Is.EqualTo(204), "the admin revokes the key");
    }
}
