using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ChainMap.Api.Projects;
using ChainMap.Tests.Support;
using CsvHelper;
using MiniExcelLibs;

namespace ChainMap.Tests.Api;

/// <summary>
/// Results through HTTP on projects recorded through HTTP (period 2026-01-01 to 2026-03-31):
/// X1 csj 曾都区 10000: 谋划 01-05 → 洽谈 01-15 → 签约 02-14; a visit on 01-20 (csj).
/// X2 zsj 随县 4000: 谋划 2025-12-20 → 洽谈 01-10 → 终止 02-01; a company-only call on 03-05 (zsj).
/// </summary>
public sealed class ResultsApiTests
{
    private const string Period = "from=2026-01-01&to=2026-03-31";

    private ProjectApiHost host = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        host = await ProjectApiHost.StartAsync();
        client = host.Client();
        var x1 = await CreateAsync(new CreateProjectRequest(CompanyId: host.TargetId, Chain: "T1", Team: "csj", Unit: "曾都区", Channel: "商会", PlannedInvestment: 10000m, Date: "2026-01-05"));
        await MoveAsync(x1, new StageChangeRequest("洽谈", "2026-01-15"));
        await MoveAsync(x1, new StageChangeRequest("签约", "2026-02-14"));
        var x2 = await CreateAsync(new CreateProjectRequest(CompanyId: host.OtherId, Chain: "T1", Team: "zsj", Unit: "随县", Channel: "老乡", PlannedInvestment: 4000m, Date: "2025-12-20"));
        await MoveAsync(x2, new StageChangeRequest("洽谈", "2026-01-10"));
        await MoveAsync(x2, new StageChangeRequest("终止", "2026-02-01", Reason: "企业资金链紧张"));
        Assert.That((await client.PostAsJsonAsync($"/api/projects/{x1}/activities", new ActivityRequest("visit", Date: "2026-01-20"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await client.PostAsJsonAsync("/api/activities", new CompanyActivityRequest(CompanyId: host.OtherId, Kind: "call", Date: "2026-03-05", Team: "zsj"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        host.Dispose();
    }

    private async Task<long> CreateAsync(CreateProjectRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/projects", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProjectDetailResponse>())!.Project.Id;
    }

    private async Task MoveAsync(long id, StageChangeRequest request)
    {
        var response = await client.PostAsJsonAsync($"/api/projects/{id}/stage", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static StageFiguresResponse Stage(GroupResultsResponse group, string stage) => group.Stages.Single(s => s.Stage == stage);

    [Test]
    public async Task Results_by_team_show_each_team_s_figures()
    {
        var results = await client.GetFromJsonAsync<ResultsResponse>($"/api/results?{Period}&by=team");
        var csj = results!.Groups.Single(g => g.Key == "csj");
        var zsj = results.Groups.Single(g => g.Key == "zsj");

        Assert.That((results.From, results.To, results.By), Is.EqualTo(("2026-01-01", "2026-03-31", "team")));
        Assert.That(results.Groups.Select(g => g.Key), Is.EqualTo(new[] { "csj", "zsj", "jjj", "whdsq", "cy" }), "every team of home.json, in order");
        Assert.That(csj.Name, Is.EqualTo("长三角驻点招商专班"));
        // X1 reached 谋划, 洽谈 and 签约 in the period: 1 project, 10000 each.
        Assert.That(new[] { "planning", "negotiating", "signed" }.Select(s => (Stage(csj, s).Projects, Stage(csj, s).PlannedInvestment)), Is.All.EqualTo((1, 10000m)));
        // 谋划 01-05..01-15 = 10 days; 洽谈 01-15..02-14 = 16 + 14 = 30 days.
        Assert.That(Stage(csj, "planning").MedianDays, Is.EqualTo(10.0));
        Assert.That(Stage(csj, "negotiating").MedianDays, Is.EqualTo(30.0));
        Assert.That(csj.Conversions.Single(c => c.From == "negotiating"), Is.EqualTo(new ConversionResponse("negotiating", "洽谈", "signed", "签约", 1, 1, 1.0)));
        Assert.That(csj.Activities, Is.EqualTo(1));
        // X2: 谋划 was in 2025, so 0; 洽谈 and 终止 in the period, 4000 each; 洽谈→签约 0 of 1.
        Assert.That(Stage(zsj, "planning").Projects, Is.Zero);
        Assert.That((Stage(zsj, "negotiating").Projects, Stage(zsj, "terminated").PlannedInvestment), Is.EqualTo((1, 4000m)));
        Assert.That(zsj.Conversions.Single(c => c.From == "negotiating").Rate, Is.EqualTo(0.0));
        // 谋划 2025-12-20..01-10 = 11 + 10 = 21 days (the stay ended in the period); 洽谈 01-10..02-01 = 22 days.
        Assert.That(Stage(zsj, "planning").MedianDays, Is.EqualTo(21.0));
        Assert.That(Stage(zsj, "negotiating").MedianDays, Is.EqualTo(22.0));
        Assert.That(zsj.Activities, Is.EqualTo(1));
        Assert.That(results.Total.Activities, Is.EqualTo(2));
    }

    [Test]
    public async Task Results_by_unit_put_company_only_activities_apart()
    {
        var results = await client.GetFromJsonAsync<ResultsResponse>($"/api/results?{Period}&by=unit");

        Assert.That(results!.Groups.Select(g => g.Name), Is.EqualTo(new[] { "曾都区", "随县", "广水市", "随州高新区", "（未关联项目）" }));
        Assert.That(Stage(results.Groups.Single(g => g.Key == "421303"), "signed").Projects, Is.EqualTo(1));
        Assert.That(Stage(results.Groups.Single(g => g.Key == "421321"), "terminated").Projects, Is.EqualTo(1));
        Assert.That(results.Groups.Select(g => g.Activities), Is.EqualTo(new[] { 1, 0, 0, 0, 1 }));
    }

    [Test]
    public async Task Results_by_chain_and_channel_are_grouped_accordingly()
    {
        var byChain = await client.GetFromJsonAsync<ResultsResponse>($"/api/results?{Period}&by=chain");
        var byChannel = await client.GetFromJsonAsync<ResultsResponse>($"/api/results?{Period}&by=channel");

        // Both projects are on T1: 洽谈 X1 + X2 = 2, 10000 + 4000 = 14000.
        var t1 = byChain!.Groups.Single(g => g.Key == "T1");
        Assert.That((Stage(t1, "negotiating").Projects, Stage(t1, "negotiating").PlannedInvestment), Is.EqualTo((2, 14000m)));
        Assert.That(Stage(byChannel!.Groups.Single(g => g.Key == "chamber"), "signed").Projects, Is.EqualTo(1));
        Assert.That(Stage(byChannel.Groups.Single(g => g.Key == "hometown"), "terminated").Projects, Is.EqualTo(1));
        Assert.That(byChannel.Groups.Single(g => g.Key == "hometown").Name, Is.EqualTo("老乡"));
    }

    [TestCase("by=region", "by")]
    [TestCase("from=2026-04-01&to=2026-03-01", "from")]
    [TestCase("from=1.1.2026", "from")]
    public async Task Bad_results_query_is_400_naming_the_parameter(string query, string field)
    {
        var response = await client.GetAsync($"/api/results?{query}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain($"\"{field}\""));
    }

    [Test]
    public async Task Csv_export_downloads_with_a_chinese_file_name_and_reads_back()
    {
        using var response = await client.GetAsync($"/api/results/export?format=csv&{Period}&by=unit");
        var disposition = response.Content.Headers.ContentDisposition!;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var rows = new List<(string Name, string Signed, string Activities)>();
        while (await csv.ReadAsync())
        {
            rows.Add((csv.GetField("分组")!, csv.GetField("签约项目数")!, csv.GetField("活动数")!));
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(disposition.DispositionType, Is.EqualTo("attachment"));
        Assert.That(disposition.FileNameStar, Is.EqualTo("招商实绩_按承接单位_2026-01-01_2026-03-31.csv"));
        Assert.That(disposition.FileName!.Trim('"'), Is.EqualTo("results-unit-2026-01-01_2026-03-31.csv"));
        Assert.That(rows, Is.EqualTo(new[]
        {
            ("曾都区", "1", "1"), ("随县", "0", "0"), ("广水市", "0", "0"), ("随州高新区", "0", "0"), ("（未关联项目）", "0", "1"), ("合计", "1", "2"),
        }));
    }

    [Test]
    public async Task Xlsx_export_reads_back_with_MiniExcel()
    {
        using var response = await client.GetAsync($"/api/results/export?format=xlsx&{Period}&by=team");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("招商实绩_按专班_2026-01-01_2026-03-31.xlsx"));
        Assert.That(rows.Select(r => r["分组代码"]), Is.EqualTo(new object[] { "csj", "zsj", "jjj", "whdsq", "cy", "*" }));
        Assert.That(Convert.ToDecimal(rows[0]["签约计划投资(万元)"], CultureInfo.InvariantCulture), Is.EqualTo(10000m));
        Assert.That(Convert.ToDouble(rows[1]["洽谈停留中位天数"], CultureInfo.InvariantCulture), Is.EqualTo(22.0));
    }

    [Test]
    public async Task Unknown_export_format_is_400_naming_format()
    {
        var response = await client.GetAsync($"/api/results/export?format=pdf&{Period}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"format\""));
    }
}
