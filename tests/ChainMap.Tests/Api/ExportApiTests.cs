using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ChainMap.Tests.Support;
using CsvHelper;
using MiniExcelLibs;

namespace ChainMap.Tests.Api;

/// <summary>The export endpoints over the seeded default data: content types, Chinese download names, bad input.</summary>
public sealed class ExportApiTests
{
    private static readonly string[] YangtzeDeltaProvinces = ["上海市", "江苏省", "浙江省", "安徽省"];

    private HttpClient client = null!;

    [SetUp]
    public void CreateClient() => client = SharedApi.Client();

    [TearDown]
    public void DisposeClient() => client.Dispose();

    [TestCase("json", "application/json", "json")]
    [TestCase("graphml", "application/graphml+xml", "graphml")]
    [TestCase("cypher", "text/plain", "cypher")]
    [TestCase("mermaid", "text/vnd.mermaid", "mmd")]
    [TestCase("svg", "image/svg+xml", "svg")]
    [TestCase("png", "image/png", "png")]
    [TestCase("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")]
    [TestCase("csv", "application/zip", "zip")]
    public async Task Chain_map_downloads_with_its_content_type_and_a_chinese_file_name(string format, string mediaType, string extension)
    {
        using var response = await client.GetAsync($"/api/chains/{Uri.EscapeDataString("專汽")}/export?format={format}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(mediaType));
        var isText = format is "json" or "graphml" or "cypher" or "mermaid" or "svg";
        Assert.That(response.Content.Headers.ContentType.CharSet, Is.EqualTo(isText ? "utf-8" : null));

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.That(disposition.DispositionType, Is.EqualTo("attachment"));
        Assert.That(disposition.FileNameStar, Is.EqualTo($"专汽产业链图谱.{extension}"), "RFC 5987 filename* decodes to the Chinese name");
        Assert.That(disposition.FileName, Is.EqualTo($"chain-ZQ.{extension}"), "ASCII fallback");
        Assert.That(response.Content.Headers.GetValues("Content-Disposition").Single(), Does.StartWith($"attachment; filename=\"chain-ZQ.{extension}\"; filename*=UTF-8''"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Not.Empty);
    }

    [Test]
    public async Task Svg_of_a_default_chain_has_a_text_per_segment_and_an_arrow_per_flow()
    {
        var chain = await client.GetFromJsonAsync<JsonElement>("/api/chains/ZQ");
        var svg = XDocument.Parse(await client.GetStringAsync("/api/chains/ZQ/export?format=svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";

        var names = chain.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        var texts = svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "segment-name").Select(t => t.Value).ToList();
        Assert.That(texts, Is.EquivalentTo(names));
        Assert.That(svg.Descendants(ns + "path").Count(p => (string?)p.Attribute("class") == "flow"), Is.EqualTo(chain.GetProperty("flows").GetArrayLength()));
        Assert.That(svg.Descendants(ns + "text").Any(t => t.Value.Contains("随州市", StringComparison.Ordinal)), Is.True, "home region named");
    }

    [Test]
    public async Task Json_export_counts_home_region_companies_per_segment_like_the_map()
    {
        var map = await client.GetFromJsonAsync<JsonElement>("/api/chains/ZQ/map");
        using var export = JsonDocument.Parse(await client.GetStringAsync("/api/chains/ZQ/export?format=json"));

        var expected = map.GetProperty("tiers").EnumerateArray().SelectMany(t => t.GetProperty("segments").EnumerateArray())
            .ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("localCompanies").GetInt32());
        var actual = export.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("localCompanies").GetInt32());
        Assert.That(actual, Is.EquivalentTo(expected));
        Assert.That(actual.Values.Sum(), Is.GreaterThan(0));
        Assert.That(export.RootElement.GetProperty("homeRegion").GetString(), Is.EqualTo("随州市"));
    }

    [Test]
    public async Task Chain_definition_zip_downloads_the_three_import_files()
    {
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/api/chains/ZQ/export?format=csv")), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("segments.csv")!.Open(), Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[] { "chains.csv", "segments.csv", "flows.csv" }));
        Assert.That(lines[0].TrimEnd('\r'), Is.EqualTo("chain,code,name,tier,parent,aliases,products,keywords,industry_codes,exclude_keywords"));
        Assert.That(lines.Skip(1).All(l => l.StartsWith("ZQ,", StringComparison.Ordinal)), Is.True);
    }

    [TestCase("/api/chains/ZQ/export?format=pdf", "json, graphml, cypher, mermaid, svg, png, xlsx, csv")]
    [TestCase("/api/targets/export?chain=ZQ&format=svg", "csv, xlsx")]
    public async Task Unknown_format_is_a_400_problem_listing_the_formats(string url, string formats)
    {
        using var response = await client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(formats));
        Assert.That(string.Join(", ", problem.GetProperty("formats").EnumerateArray().Select(f => f.GetString())), Is.EqualTo(formats));
    }

    [TestCase("/api/chains/NOSUCH/export?format=svg", "NOSUCH")]
    [TestCase("/api/targets/export?chain=NOSUCH", "NOSUCH")]
    [TestCase("/api/targets/export?chain=ZQ&region=NOWHERE", "NOWHERE")]
    [TestCase("/api/targets/export?chain=ZQ&segment=NOSEG", "NOSEG")]
    public async Task Unknown_chain_region_or_segment_is_a_404_problem_naming_it(string url, string name)
    {
        using var response = await client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(name));
    }

    [TestCase("/api/targets/export?format=csv", "chain")]
    [TestCase("/api/targets/export?chain=ZQ&limit=0", "limit")]
    public async Task Missing_chain_or_bad_limit_is_a_400_problem_naming_the_field(string url, string field)
    {
        using var response = await client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo(field));
    }

    [Test]
    public async Task Target_csv_lists_chain_companies_in_the_region_and_none_from_the_home_region()
    {
        using var response = await client.GetAsync($"/api/targets/export?chain={Uri.EscapeDataString("专汽")}&region={Uri.EscapeDataString("长三角")}&format=csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("专汽-长三角招商目标企业.csv"));
        Assert.That(response.Content.Headers.ContentDisposition.FileName, Is.EqualTo("targets-ZQ.csv"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => (string)r["省份"]), Is.All.AnyOf(YangtzeDeltaProvinces));
        Assert.That(rows.Select(r => (string)r["城市"]), Has.None.EqualTo("随州市"));
        Assert.That(rows.Select(r => (string)r["环节编码"]), Is.All.StartsWith("ZQ-"));
        var scores = rows.Select(r => double.Parse((string)r["得分"], CultureInfo.InvariantCulture)).ToList();
        Assert.That(scores, Is.Ordered.Descending, "best first");
        Assert.That(rows.Select(r => (string)r["推荐理由"]), Is.All.Not.Empty);
    }

    [Test]
    public async Task Target_xlsx_honours_segment_with_its_sub_segments_and_limit()
    {
        using var response = await client.GetAsync($"/api/targets/export?chain=ZQ&segment={Uri.EscapeDataString("上装制造")}&limit=5&format=xlsx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("专汽招商目标企业.xlsx"));
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "目标企业").Cast<IDictionary<string, object?>>().ToList();

        Assert.That(rows, Has.Count.EqualTo(5));
        Assert.That(rows.Select(r => r["环节编码"]), Is.All.AnyOf("ZQ-BODY", "ZQ-BODY-TANK", "ZQ-BODY-BOX"), "the segment or its sub-segments");
    }

    [Test]
    public async Task Chain_map_export_carries_the_investment_maps_rating_action_and_top_targets()
    {
        using var map = JsonDocument.Parse(await client.GetStringAsync("/api/chains/ZQ/investment-map?top=3&paths=0"));
        using var export = JsonDocument.Parse(await client.GetStringAsync("/api/chains/ZQ/export?format=json"));
        var assessed = map.RootElement.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        var nodes = export.RootElement.GetProperty("nodes").EnumerateArray().ToList();

        Assert.That(nodes.Select(n => n.GetProperty("id").GetString()), Is.EquivalentTo(assessed.Keys));
        foreach (var node in nodes)
        {
            var segment = assessed[node.GetProperty("id").GetString()!];
            Assert.That(node.GetProperty("ratingLabel").GetString(), Is.EqualTo(segment.GetProperty("ratingLabel").GetString()), node.GetProperty("id").GetString());
            Assert.That(node.GetProperty("actionLabel").GetString(), Is.EqualTo(segment.GetProperty("actionLabel").GetString()), node.GetProperty("id").GetString());
            Assert.That(
                node.GetProperty("topTargets").EnumerateArray().Select(t => t.GetProperty("name").GetString()),
                Is.EqualTo(segment.GetProperty("topTargets").EnumerateArray().Select(t => t.GetProperty("name").GetString())),
                node.GetProperty("id").GetString());
        }

        Assert.That(nodes.Select(n => n.GetProperty("rating").GetString()), Is.Not.Contains(null), "every segment is rated");
    }

    [Test]
    public async Task Target_export_beyond_the_rankings_depth_is_refused()
    {
        using var response = await client.GetAsync("/api/targets/export?chain=ZQ&limit=10001");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("10000"));
    }
}
