using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Cli;
using ChainMap.Tests.Support;
using CsvHelper;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Api;

/// <summary>
/// One target-filter resolver: the same filter text selects the same companies in the same order on the
/// target list, a team's list, the investment map, the HTTP export and the CLI export, and a bad value
/// gets the same problem on every one of them (issue #15).
/// </summary>
public sealed class TargetFilterConsistencyTests
{
    // 专汽, the body and chassis parents typed with a full-width comma, upstream only: the chassis and its sub-segments.
    private static readonly string Segments = "上装制造，专用车底盘";
    private static readonly string Filters =
        $"chain={Uri.EscapeDataString("专汽")}&segment={Uri.EscapeDataString(Segments)}&tier={Uri.EscapeDataString("上游")}";

    private static readonly string[] ChassisFamily = ["ZQ-CHASSIS", "ZQ-CHASSIS-AXLE", "ZQ-CHASSIS-BRAKE"];

    private HttpClient client = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("chainmap-filters-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [SetUp]
    public void CreateClient() => client = SharedApi.Client();

    [TearDown]
    public void DisposeClient() => client.Dispose();

    [Test]
    public async Task The_list_the_team_list_and_both_exports_give_the_same_companies_in_the_same_order()
    {
        var region = Uri.EscapeDataString("长三角");
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/targets?{Filters}&region={region}&pageSize=100&paths=0");
        var team = await client.GetFromJsonAsync<JsonElement>($"/api/teams/csj/targets?{Filters}&pageSize=100&paths=0");
        var export = await ReadCsvAsync($"/api/targets/export?{Filters}&region={region}&format=csv");
        var file = Path.Combine(folder, "cli.csv");
        var exit = await RunCliAsync("export", "targets", "--chain", "专汽", "--segment", Segments, "--tier", "上游", "--region", "长三角", "--format", "csv", "--out", file);
        var cli = await ReadCsvFileAsync(file);

        var listed = Items(list).Select(t => $"{t.GetProperty("name").GetString()}|{t.GetProperty("segment").GetProperty("code").GetString()}").ToList();
        Assert.That(listed, Is.Not.Empty);
        Assert.That(list.GetProperty("total").GetInt64(), Is.LessThanOrEqualTo(100), "the whole list fits one page, so the exports hold exactly it");
        Assert.That(Items(list).Select(t => t.GetProperty("segment").GetProperty("code").GetString()), Is.All.AnyOf(ChassisFamily), "the upstream part of the two parents");
        Assert.That(Items(team).Select(t => $"{t.GetProperty("name").GetString()}|{t.GetProperty("segment").GetProperty("code").GetString()}"), Is.EqualTo(listed), "team list");
        Assert.That(export.Select(r => $"{r["企业名称"]}|{r["环节编码"]}"), Is.EqualTo(listed), "HTTP export rows");
        Assert.That(exit, Is.Zero);
        Assert.That(cli.Select(r => $"{r["企业名称"]}|{r["环节编码"]}"), Is.EqualTo(listed), "CLI export rows");
        Assert.That(cli.Select(r => r["得分"]), Is.EqualTo(export.Select(r => r["得分"])), "the same scores");
    }

    [Test]
    public async Task The_investment_maps_top_targets_are_the_head_of_the_segments_list_with_the_same_region()
    {
        var region = Uri.EscapeDataString("長三角");
        var map = await client.GetFromJsonAsync<JsonElement>($"/api/chains/{Uri.EscapeDataString("專汽")}/investment-map?region={region}&top=5&paths=0");
        var chassis = map.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "ZQ-CHASSIS");
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/targets?chain=ZQ&segment=ZQ-CHASSIS&region={region}&pageSize=5&paths=0");

        var top = chassis.GetProperty("topTargets").EnumerateArray().Select(t => t.GetProperty("companyId").GetInt64()).ToList();
        Assert.That(top, Is.Not.Empty);
        Assert.That(map.GetProperty("region").GetProperty("name").GetString(), Is.EqualTo(list.GetProperty("region").GetProperty("name").GetString()));
        Assert.That(top, Is.EqualTo(Items(list).Select(t => t.GetProperty("companyId").GetInt64()).Take(top.Count)));
    }

    [Test]
    public async Task The_export_reads_a_full_width_comma_and_the_tier()
    {
        var rows = await ReadCsvAsync($"/api/targets/export?{Filters}&format=csv");
        var downstream = await ReadCsvAsync($"/api/targets/export?chain=ZQ&segment={Uri.EscapeDataString("上装制造；专用车底盘")}&tier=downstream&format=csv");

        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => (string)r["环节编码"]), Is.All.AnyOf(ChassisFamily), "the tier narrows the two parents to the chassis family");
        Assert.That(rows.Select(r => (string)r["层级"]), Is.All.EqualTo("上游"));
        Assert.That(downstream, Is.Empty, "neither parent has a downstream segment, so nothing is exported (not everything)");
    }

    // The same bad value on each route that takes it: the same status, title, detail and parameter.
    [TestCase("chain=NOPE", 404, "chain")]
    [TestCase("region=火星", 404, "region")]
    [TestCase("region=%E6%9C%9D%E9%98%B3%E5%8C%BA", 400, "region")] // 朝阳区: Beijing and Changchun both have one
    [TestCase("segment=%E6%97%A0%E6%AD%A4%E7%8E%AF%E8%8A%82", 404, "segment")]
    [TestCase("segment=ZQ-BODY%EF%BC%8CNOSEG", 404, "segment")]
    [TestCase("tier=sideways", 400, "tier")]
    [TestCase("minCapital=-1", 400, "minCapital")]
    [TestCase("minCapital=lots", 400, "minCapital")]
    public async Task A_bad_filter_is_the_same_problem_on_every_route(string bad, int status, string parameter)
    {
        var routes = new List<string> { $"/api/targets?chain=ZQ&{bad}", $"/api/targets/export?chain=ZQ&{bad}" };
        if (parameter != "region")
        {
            routes.Add($"/api/teams/csj/targets?chain=ZQ&{bad}");
        }

        if (parameter is "chain" or "region")
        {
            routes.Add(parameter == "chain" ? "/api/chains/NOPE/investment-map" : $"/api/chains/ZQ/investment-map?{bad}");
        }

        var problems = new List<(string Route, int Status, string? Title, string? Detail, string? Field, string? Error)>();
        foreach (var route in routes.Select(r => r.Replace("chain=ZQ&chain=NOPE", "chain=NOPE", StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(route);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), route);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var error = problem.TryGetProperty("errors", out var errors) ? errors.GetProperty(parameter)[0].GetString() : null;
            problems.Add((route, (int)response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString(),
                problem.GetProperty("field").GetString(), error));
        }

        Assert.That(problems.Select(p => p.Status), Is.All.EqualTo(status), string.Join("\n", problems));
        Assert.That(problems.Select(p => p.Field), Is.All.EqualTo(parameter), string.Join("\n", problems));
        Assert.That(problems.Select(p => (p.Title, p.Detail, p.Error)).Distinct().Count(), Is.EqualTo(1), string.Join("\n", problems));
        Assert.That(problems[0].Error is not null, Is.EqualTo(status == 400), "a 400 is a validation problem with errors keyed by the parameter");
    }

    [Test]
    public async Task The_cli_export_refuses_a_bad_tier_and_an_unknown_segment_as_the_api_does()
    {
        var file = Path.Combine(folder, "refused.csv");
        using var tier = await client.GetAsync("/api/targets/export?chain=ZQ&tier=sideways");
        using var segment = await client.GetAsync($"/api/targets/export?chain=ZQ&segment={Uri.EscapeDataString("底盘，火箭")}");
        var error = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        int tierExit, segmentExit;
        try
        {
            tierExit = await RunCliAsync("export", "targets", "--chain", "ZQ", "--tier", "sideways", "--out", file);
            segmentExit = await RunCliAsync("export", "targets", "--chain", "ZQ", "--segment", "底盘，火箭", "--out", file);
        }
        finally
        {
            Console.SetError(error);
        }

        var lines = captured.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(tierExit, Is.EqualTo(2));
        Assert.That(segmentExit, Is.EqualTo(3));
        Assert.That(File.Exists(file), Is.False);
        Assert.That(lines[0], Is.EqualTo($"export: --tier: {(await tier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()}"));
        Assert.That(lines[1], Is.EqualTo($"export: --segment: {(await segment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()}"));
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private Task<int> RunCliAsync(params string[] args) => CliProgram.BuildRoot().Parse([.. args, "--store", Path.Combine(folder, "store")]).InvokeAsync();

    private async Task<List<IDictionary<string, object>>> ReadCsvAsync(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return Read(new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
    }

    private static Task<List<IDictionary<string, object>>> ReadCsvFileAsync(string file) =>
        Task.FromResult(Read(new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true)));

    private static List<IDictionary<string, object>> Read(StreamReader reader)
    {
        using (reader)
        using (var csv = new CsvReader(reader, CultureInfo.InvariantCulture))
        {
            return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        }
    }
}
