using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Api.Chains;
using ChainMap.Api.Imports;
using ChainMap.Domain;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// The caps on one chain (docs/operations.md, "Caps and limits"): a chain that breaks one is a 400 naming the
/// cap and the value (or, uploaded, a failed import job saying so), nothing is stored and the service stays up;
/// a chain just under every cap saves and exports.
/// </summary>
[NonParallelizable]
public sealed class ChainCapsTests
{
    private const int LineLength = 50_000;

    private ChainMapApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ChainMapApiFactory(seed: false);
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    /// <summary>Segments L0 … L(n-1), each supplying the next: one flow path n segments long.</summary>
    internal static ChainRequest Line(string code, int length) => new(
        code,
        $"长链{code}",
        "other",
        null,
        [.. Enumerable.Range(0, length).Select(i => new SegmentRequest($"{code}-{i}", $"环节{i}", "upstream"))],
        [.. Enumerable.Range(0, length - 1).Select(i => new FlowRequest($"{code}-{i}", $"{code}-{i + 1}"))]);

    /// <summary>The same line as a chain-definition zip in the import format.</summary>
    internal static byte[] LineZip(string code, int length)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, Action<StringBuilder> rows, string header)
            {
                var text = new StringBuilder(header).Append('\n');
                rows(text);
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text.ToString());
            }

            Add("chains.csv", t => t.Append(CultureInfoInvariant($"{code},长链{code},other,\n")), "code,name,category,description");
            Add("segments.csv", t =>
            {
                for (var i = 0; i < length; i++)
                {
                    t.Append(CultureInfoInvariant($"{code},{code}-{i},环节{i},upstream\n"));
                }
            }, "chain,code,name,tier");
            Add("flows.csv", t =>
            {
                for (var i = 0; i < length - 1; i++)
                {
                    t.Append(CultureInfoInvariant($"{code},{code}-{i},{code}-{i + 1},\n"));
                }
            }, "chain,from,to,description");
        }

        return zip.ToArray();
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void AssertCap(JsonElement problem, string setting, long limit, long value)
    {
        var caps = problem.GetProperty("caps").EnumerateArray().Select(c => (c.GetProperty("setting").GetString(), c.GetProperty("limit").GetInt64(), c.GetProperty("value").GetInt64())).ToList();
        Assert.That(caps, Does.Contain((setting, limit, value)), problem.ToString());
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(setting).And.Contain(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task AssertAliveAndAbsentAsync(string code)
    {
        Assert.That((await client.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the service is still up");
        Assert.That((await client.GetAsync($"/api/chains/{code}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing was stored");
    }

    [Test]
    public async Task A_50000_segment_line_posted_as_json_is_refused_naming_the_cap_and_the_service_stays_up()
    {
        using var response = await client.PostAsJsonAsync("/api/chains", Line("LINEJ", LineLength));

        var problem = await ProblemAsync(response);
        AssertCap(problem, "Chains:MaxSegmentsPerChain", ChainLimits.Default.MaxSegmentsPerChain, LineLength);
        Assert.That(problem.GetProperty("errors").GetProperty("segments")[0].GetString(), Does.Contain("50000 segments"));
        await AssertAliveAndAbsentAsync("LINEJ");
    }

    [Test]
    public async Task A_50000_segment_line_replacing_a_chain_is_refused_and_the_chain_is_unchanged()
    {
        Assert.That((await client.PostAsJsonAsync("/api/chains", Line("LINER", 3))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var response = await client.PutAsJsonAsync("/api/chains/LINER", Line("LINER", LineLength));

        AssertCap(await ProblemAsync(response), "Chains:MaxSegmentsPerChain", ChainLimits.Default.MaxSegmentsPerChain, LineLength);
        var stored = await client.GetFromJsonAsync<ChainResponse>("/api/chains/LINER");
        Assert.That(stored!.Segments, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_50000_segment_line_uploaded_as_a_zip_fails_the_job_with_the_cap_as_its_reason()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(LineZip("LINEZ", LineLength));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "line.zip");

        using var response = await client.PostAsync("/api/imports/chains", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var job = await WaitAsync((await response.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id);
        var problems = await client.GetFromJsonAsync<List<ImportProblemResponse>>($"{job.Errors}?format=json");

        Assert.That((job.State, job.Written), Is.EqualTo(("failed", false)));
        Assert.That(job.Message, Does.Contain("Chains:MaxSegmentsPerChain").And.Contain("50000 segments").And.Not.Contain("interrupted"));
        Assert.That(problems!.Select(p => (p.File, p.Line, p.Value)), Does.Contain(("segments.csv", ChainLimits.Default.MaxSegmentsPerChain + 2, (string?)"LINEZ")));
        await AssertAliveAndAbsentAsync("LINEZ");
    }

    [Test]
    public async Task A_5000_deep_nesting_is_refused_on_the_segment_cap_and_100_deep_on_the_tree_depth_cap()
    {
        var segments = Enumerable.Range(0, 5_000).Select(i => new SegmentRequest($"NEST-{i}", $"嵌套{i}", "upstream", Parent: i == 0 ? null : $"NEST-{i - 1}")).ToList();

        using var response = await client.PostAsJsonAsync("/api/chains", new ChainRequest("NEST", "嵌套链", "other", null, segments, []));

        AssertCap(await ProblemAsync(response), "Chains:MaxSegmentsPerChain", ChainLimits.Default.MaxSegmentsPerChain, 5_000);
        using var deep = await client.PostAsJsonAsync("/api/chains", new ChainRequest("NEST", "嵌套链", "other", null, segments.Take(100).ToList(), []));
        var problem = await ProblemAsync(deep);
        AssertCap(problem, "Chains:MaxTreeDepth", ChainLimits.Default.MaxTreeDepth, 99);
        Assert.That(problem.GetProperty("errors").GetProperty("segments.parent")[0].GetString(), Does.Contain("NEST-99"));
        await AssertAliveAndAbsentAsync("NEST");
    }

    [Test]
    public async Task A_very_long_name_is_a_400_naming_the_cap_for_a_chain_a_new_segment_and_an_updated_segment()
    {
        var longName = new string('长', 100_000);
        Assert.That((await client.PostAsJsonAsync("/api/chains", Line("NAME", 2))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var chain = await client.PostAsJsonAsync("/api/chains", Line("NAMEC", 2) with { Name = longName });
        using var segment = await client.PostAsJsonAsync("/api/chains", Line("NAMES", 2) with { Segments = [new SegmentRequest("NAMES-0", longName, "upstream")], Flows = [] });
        using var added = await client.PostAsJsonAsync("/api/chains/NAME/segments", new SegmentRequest("NAME-X", longName, "upstream"));
        using var updated = await client.PutAsJsonAsync("/api/chains/NAME/segments/NAME-0", new SegmentRequest("NAME-0", longName, "upstream"));

        foreach (var response in new[] { chain, segment, added, updated })
        {
            var problem = await ProblemAsync(response);
            AssertCap(problem, "Chains:MaxNameLength", ChainLimits.Default.MaxNameLength, longName.Length);
            Assert.That(problem.ToString(), Has.Length.LessThan(5_000), "the answer quotes the name cut short");
        }

        Assert.That((await client.GetFromJsonAsync<ChainResponse>("/api/chains/NAME"))!.Segments.Select(s => s.Name), Is.EqualTo(new[] { "环节0", "环节1" }));
        await AssertAliveAndAbsentAsync("NAMEC");
    }

    [Test]
    public async Task A_chain_just_under_every_cap_saves_and_exports_in_every_format_but_a_too_large_png()
    {
        var limits = ChainLimits.Default;
        var name = new string('链', limits.MaxNameLength);

        // One line of sub-segments as deep as allowed, the rest top-level, spread over the three tiers.
        var segments = new List<SegmentRequest>();
        for (var i = 0; i <= limits.MaxTreeDepth; i++)
        {
            segments.Add(new SegmentRequest($"BIG-D{i}", $"深{i}", "midstream", Parent: i == 0 ? null : $"BIG-D{i - 1}"));
        }

        var tiers = new[] { "upstream", "midstream", "downstream" };
        for (var i = segments.Count; i < limits.MaxSegmentsPerChain; i++)
        {
            segments.Add(new SegmentRequest($"BIG-{i}", i == segments.Count ? name : $"环节{i}", tiers[i % 3]));
        }

        var upstream = segments.Where(s => s.Tier == "upstream").Select(s => s.Code).ToList();
        var downstream = segments.Where(s => s.Tier == "downstream").Select(s => s.Code).ToList();
        var flows = upstream.SelectMany(u => downstream.Select(d => new FlowRequest(u, d))).Take(limits.MaxFlowsPerChain).ToList();
        Assert.That(flows, Has.Count.EqualTo(limits.MaxFlowsPerChain));

        using var created = await client.PostAsJsonAsync("/api/chains", new ChainRequest("BIG", name, "other", null, segments, flows));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        foreach (var format in new[] { "json", "graphml", "cypher", "mermaid", "svg", "xlsx", "csv" })
        {
            using var export = await client.GetAsync($"/api/chains/BIG/export?format={format}");
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), format);
            Assert.That((await export.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(1_000), format);
        }

        using var png = await client.GetAsync("/api/chains/BIG/export?format=png");
        var problem = await ProblemAsync(png);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Picture too large"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("format=svg"));
    }

    [Test]
    public async Task The_caps_are_settings_a_line_of_50000_saves_when_they_are_raised()
    {
        using var raised = new ChainMapApiFactory(seed: false, new Dictionary<string, string?>
        {
            ["Chains:MaxSegmentsPerChain"] = "60000",
            ["Chains:MaxFlowsPerChain"] = "60000",
        });
        using var http = raised.CreateClient();

        using var created = await http.PostAsJsonAsync("/api/chains", Line("LONG", LineLength));
        var stored = await http.GetFromJsonAsync<ChainResponse>("/api/chains/LONG");

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That((stored!.Segments.Count, stored.Flows.Count), Is.EqualTo((LineLength, LineLength - 1)));

        // The same line closed into a cycle: found by the iterative walk and named, end to end.
        using var cyclic = await http.PutAsJsonAsync("/api/chains/LONG", Line("LONG", LineLength) with
        {
            Flows = [.. Line("LONG", LineLength).Flows!, new FlowRequest($"LONG-{LineLength - 1}", "LONG-0")],
        });
        var problem = await ProblemAsync(cyclic);
        Assert.That(problem.GetProperty("errors").GetProperty("flows")[0].GetString(), Does.StartWith("flow edges form a cycle: LONG-0 → LONG-1 → LONG-2 →").And.EndWith($"LONG-{LineLength - 1} → LONG-0"));
    }

    [Test]
    public async Task A_png_whose_layout_exceeds_the_pixel_cap_is_a_400_and_a_smaller_one_is_drawn()
    {
        using var small = new ChainMapApiFactory(seed: true, new Dictionary<string, string?> { ["Chains:MaxPngPixels"] = "100000" });
        using var http = small.CreateClient();

        using var refused = await http.GetAsync("/api/chains/ZQ/export?format=png");
        var problem = await ProblemAsync(refused);
        Assert.That(problem.GetProperty("cap").GetString(), Is.EqualTo("Chains:MaxPngPixels"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("at most 100000"));

        if (!ChainMap.Export.ChainMapWriter.CanRenderPng)
        {
            Assert.Ignore("no CJK font here, so no PNG can be drawn (Debian: fonts-wqy-microhei)");
        }

        Assert.That((await client.PostAsJsonAsync("/api/chains", Line("PIC", 5))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var drawn = await client.GetAsync("/api/chains/PIC/export?format=png");
        Assert.That(drawn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await drawn.Content.ReadAsStringAsync());
        Assert.That(drawn.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
    }

    private async Task<ImportJobResponse> WaitAsync(string id)
    {
        return await ImportJobWait.UntilAsync(client, id);
    }
}
