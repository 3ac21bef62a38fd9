using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Api.Imports;

namespace ChainMap.Tests.Api;

/// <summary>The demo set that data/demo/ ships is recognised whole by GET /api/demo (read-only, on the shared host).</summary>
public sealed class ShippedDemoTests
{
    [Test]
    public async Task Every_marked_company_and_channel_the_demo_loader_wrote_is_counted_as_demo()
    {
        using var client = SharedApi.Client();

        var demo = (await client.GetFromJsonAsync<DemoResponse>("/api/demo"))!;
        var marked = (await client.GetFromJsonAsync<JsonElement>($"/api/companies?q={Uri.EscapeDataString("(示例)")}&pageSize=1")).GetProperty("total").GetInt64();
        var channels = (await client.GetFromJsonAsync<JsonElement>("/api/channels?pageSize=1")).GetProperty("total").GetInt64();

        Assert.That(demo.Present, Is.True);
        Assert.That(demo.Counts.Companies, Is.GreaterThan(1000).And.EqualTo(marked), "the shared host holds only the demo's companies, each marked");
        Assert.That(demo.Counts.Channels, Is.EqualTo(channels));
        Assert.That(demo.Counts.ChannelLinks, Is.GreaterThan(0));
        Assert.That(demo.Counts.Relations, Is.GreaterThan(0));
        Assert.That(demo.Counts.ImportRuns, Is.EqualTo(1));
    }
}
