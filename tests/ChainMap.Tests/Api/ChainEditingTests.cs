using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Api.Chains;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>Creating and changing chains through the API, each test on its own store.</summary>
public sealed class ChainEditingTests
{
    private ChainMapApiFactory factory = null!;
    private HttpClient client = null!;

    [SetUp]
    public void Start()
    {
        factory = new ChainMapApiFactory(seed: false);
        client = factory.CreateClient();
    }

    [TearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    private static ChainRequest Request(string code = "EV") => new(code, "电动车", "other", "测试", [
        new SegmentRequest($"{code}-CELL", "电芯", "upstream", Keywords: ["电芯"]),
        new SegmentRequest($"{code}-PACK", "电池包", "midstream"),
        new SegmentRequest($"{code}-PACK-BMS", "电池管理", "midstream", Parent: $"{code}-PACK"),
        new SegmentRequest($"{code}-CAR", "整车", "下游"),
    ], [new FlowRequest($"{code}-CELL", $"{code}-PACK"), new FlowRequest($"{code}-PACK", $"{code}-CAR")]);

    [Test]
    public async Task Created_chain_is_readable_by_code_and_traditional_name()
    {
        var created = await client.PostAsJsonAsync("/api/chains", Request());
        var read = await client.GetFromJsonAsync<ChainResponse>($"/api/chains/{Uri.EscapeDataString("電動車")}");

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Headers.Location!.ToString(), Is.EqualTo("/api/chains/EV"));
        Assert.That(read!.Segments.Select(s => s.Tier), Is.EqualTo(new[] { "upstream", "midstream", "midstream", "downstream" }));
        Assert.That(read.Flows, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Flow_cycle_is_rejected_naming_the_segments_and_nothing_is_written()
    {
        var cyclic = Request() with { Flows = [new FlowRequest("EV-CELL", "EV-PACK"), new FlowRequest("EV-PACK", "EV-CAR"), new FlowRequest("EV-CAR", "EV-CELL")] };

        var response = await client.PostAsJsonAsync("/api/chains", cyclic);
        var body = await response.Content.ReadAsStringAsync();
        var after = await client.GetAsync("/api/chains/EV");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("cycle").And.Contain("EV-CELL").And.Contain("EV-PACK").And.Contain("EV-CAR"));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Missing_parent_is_rejected_naming_the_segments()
    {
        var bad = Request() with { Segments = [new SegmentRequest("EV-BMS", "电池管理", "midstream", Parent: "EV-NOWHERE")], Flows = [] };

        var response = await client.PostAsJsonAsync("/api/chains", bad);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EV-BMS").And.Contain("EV-NOWHERE"));
    }

    [Test]
    public async Task Segment_code_of_another_chain_is_rejected_and_the_other_chain_is_unchanged()
    {
        await client.PostAsJsonAsync("/api/chains", Request());
        var thief = new ChainRequest("BAT", "储能", "other", null, [new SegmentRequest("EV-CELL", "电芯", "upstream")], []);

        var response = await client.PostAsJsonAsync("/api/chains", thief);
        var body = await response.Content.ReadAsStringAsync();
        var original = await client.GetFromJsonAsync<ChainResponse>("/api/chains/EV");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EV-CELL").And.Contain("EV"));
        Assert.That(original!.Segments, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Flow_to_another_chains_segment_is_rejected()
    {
        await client.PostAsJsonAsync("/api/chains", Request());
        var other = new ChainRequest("BAT", "储能", "other", null, [new SegmentRequest("BAT-SYS", "储能系统", "downstream")], [new FlowRequest("EV-CELL", "BAT-SYS")]);

        var response = await client.PostAsJsonAsync("/api/chains", other);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("EV-CELL"));
    }

    [Test]
    public async Task Invalid_tier_is_a_validation_problem_naming_the_field()
    {
        var bad = Request() with { Segments = [new SegmentRequest("EV-X", "X", "sideways")], Flows = [] };

        var response = await client.PostAsJsonAsync("/api/chains", bad);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty("segments[0].tier", out _), Is.True);
    }

    [Test]
    public async Task Put_replaces_the_chain_and_segment_endpoints_add_and_update()
    {
        await client.PostAsJsonAsync("/api/chains", Request());

        var replaced = await client.PutAsJsonAsync("/api/chains/EV", Request() with { Name = "新能源汽车", Flows = [] });
        var added = await client.PostAsJsonAsync("/api/chains/EV/segments", new SegmentRequest("EV-SVC", "充电服务", "downstream"));
        var updated = await client.PutAsJsonAsync("/api/chains/EV/segments/EV-CELL", new SegmentRequest("EV-CELL", "动力电芯", "upstream"));
        var duplicate = await client.PostAsJsonAsync("/api/chains/EV/segments", new SegmentRequest("EV-SVC", "充电服务", "downstream"));
        var chain = await client.GetFromJsonAsync<ChainResponse>("/api/chains/EV");

        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(chain!.Name, Is.EqualTo("新能源汽车"));
        Assert.That(chain.Flows, Is.Empty);
        Assert.That(chain.Segments.Single(s => s.Code == "EV-CELL").Name, Is.EqualTo("动力电芯"));
        Assert.That(chain.Segments.Select(s => s.Code), Does.Contain("EV-SVC"));
    }

    [TestCase("EV BAD")]
    [TestCase("EV/BAD")]
    public async Task Segment_code_with_spaces_or_slashes_is_rejected(string code)
    {
        var response = await client.PostAsJsonAsync("/api/chains", Request() with { Segments = [new SegmentRequest(code, "坏", "upstream")], Flows = [] });
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain(code));
    }

    [Test]
    public async Task Unknown_chain_on_put_is_404()
    {
        var response = await client.PutAsJsonAsync("/api/chains/NOPE", Request("NOPE"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
