using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Tests.Support;
using CsvHelper;

namespace ChainMap.Tests.Api;

/// <summary>The target export holds the list GET /api/targets shows for the same filters (the web page's export buttons rely on it).</summary>
public sealed class TargetExportRankingTests
{
    private HttpClient client = null!;

    [SetUp]
    public void CreateClient() => client = SharedApi.Client();

    [TearDown]
    public void DisposeClient() => client.Dispose();

    [Test]
    public async Task Csv_export_lists_the_same_companies_in_the_same_order_with_the_same_scores_as_the_ranked_list()
    {
        const string filters = "chain=ZQ&region=%E9%95%BF%E4%B8%89%E8%A7%92&tags=%E4%B8%8A%E5%B8%82";
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/targets?{filters}&pageSize=100");
        var rows = await ReadCsvAsync($"/api/targets/export?{filters}&format=csv");

        var expected = list.GetProperty("items").EnumerateArray()
            .Select(t => $"{t.GetProperty("companyId").GetInt64()}|{t.GetProperty("score").GetDouble().ToString(CultureInfo.InvariantCulture)}").ToList();
        Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(rows.Count).And.GreaterThan(0));
        Assert.That(rows.Take(expected.Count).Select(r => $"{r["企业ID"]}|{r["得分"]}"), Is.EqualTo(expected));
        Assert.That(rows.Select(r => (string)r["标签"]), Is.All.Contain("上市"), "the tag filter applies to the export");
        Assert.That(rows.Select(r => (string)r["得分构成"]), Is.All.Contain("缺口").And.All.Contain("引荐渠道"));
        Assert.That(rows.Select(r => (string)r["引荐路径"]), Has.Some.Not.Empty);
    }

    [Test]
    public async Task Minimum_capital_filters_the_export_and_a_negative_one_is_a_400_naming_the_field()
    {
        var rows = await ReadCsvAsync("/api/targets/export?chain=ZQ&minCapital=100000&format=csv");
        using var refused = await client.GetAsync("/api/targets/export?chain=ZQ&minCapital=-1&format=csv");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => decimal.Parse((string)r["注册资本（万元）"], CultureInfo.InvariantCulture)), Is.All.GreaterThanOrEqualTo(100000m));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("minCapital"));
    }

    private async Task<List<IDictionary<string, object>>> ReadCsvAsync(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
    }
}
