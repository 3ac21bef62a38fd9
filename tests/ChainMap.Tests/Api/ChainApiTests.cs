using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Api.Chains;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Api;

public sealed class ChainApiTests
{
    private HttpClient client = null!;

    [SetUp]
    public void CreateClient() => client = SharedApi.Client();

    [TearDown]
    public void DisposeClient() => client.Dispose();

    [Test]
    public async Task Lists_the_eight_chains_of_the_source()
    {
        var chains = await client.GetFromJsonAsync<List<ChainSummaryResponse>>("/api/chains");

        Assert.That(chains!.Select(c => c.Name), Is.EquivalentTo(new[] { "专汽", "应急装备", "农产品加工", "生物医药", "电子信息", "绿色化工", "新能源", "现代服务业" }));
        Assert.That(chains!.Where(c => c.Category == "leading").Select(c => c.Name), Is.EquivalentTo(new[] { "专汽", "应急装备", "农产品加工" }));
    }

    [TestCase("专汽")]
    [TestCase("專汽")]
    [TestCase("ZQ")]
    [TestCase("zq")]
    public async Task Chain_is_found_by_code_or_by_name_in_either_script(string key)
    {
        var chain = await client.GetFromJsonAsync<ChainResponse>($"/api/chains/{Uri.EscapeDataString(key)}");

        Assert.That(chain!.Code, Is.EqualTo("ZQ"));
        Assert.That(chain.Name, Is.EqualTo("专汽"));
    }

    [Test]
    public async Task Map_of_special_vehicles_has_fifteen_segments_over_three_tiers_with_flows_and_local_counts()
    {
        var map = await client.GetFromJsonAsync<ChainMapResponse>($"/api/chains/{Uri.EscapeDataString("專汽")}/map");

        var segments = map!.Tiers.SelectMany(t => t.Segments).ToList();
        Assert.That(segments, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(map.Tiers.Select(t => t.Tier), Is.EqualTo(new[] { "upstream", "midstream", "downstream" }));
        Assert.That(map.Tiers.All(t => t.Segments.Count > 0), Is.True, "every tier has segments");
        Assert.That(map.Flows, Has.Count.GreaterThanOrEqualTo(15));
        var codes = segments.Select(s => s.Code).ToHashSet();
        Assert.That(map.Flows.All(f => codes.Contains(f.From) && codes.Contains(f.To)), Is.True, "flows join segments of the map");
        Assert.That(map.HomeName, Is.EqualTo("随州市"));
        Assert.That(segments.Sum(s => s.LocalCompanies), Is.GreaterThan(0), "the demo data has Suizhou companies");
    }

    [Test]
    public async Task Unknown_chain_is_a_404_problem_naming_it()
    {
        var response = await client.GetAsync("/api/chains/NOSUCH/map");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("NOSUCH"));
    }

    [Test]
    public async Task OpenApi_document_lists_every_api_route()
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        var endpoints = SharedApi.Factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'), @"\{(\w+):[^}]+\}", "{$1}"))
            .Where(p => p.StartsWith("/api", StringComparison.Ordinal) || p == "/health")
            .Select(p => p == "/api/chains" ? "/api/chains" : p)
            .Distinct()
            .ToList();

        Assert.That(endpoints, Is.Not.Empty);
        Assert.That(paths.Select(p => p.TrimEnd('/')), Is.SupersetOf(endpoints));
    }
}
