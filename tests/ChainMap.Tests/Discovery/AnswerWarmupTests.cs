using System.Net;
using System.Text.Json;
using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// Before it listens, a service started with the warm-up on writes one kept list and one kept map (ADR 0295) through the
/// answer code, into nothing (ADR 0315), and then answers as before; a kept answer it cannot read does not stop it.
/// Runs on SQLite and on the Neo4j test server.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Neo4j")]
public sealed class AnswerWarmupTests(string provider)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly List<ChainMapApiFactory> hosts = [];
    private FakeTimeProvider clock = null!;
    private string chain = null!;

    private ChainMapApiFactory First => hosts[0];

    [SetUp]
    public async Task BuildAsync()
    {
        clock = new FakeTimeProvider(Start);
        if (provider == "Neo4j")
        {
            await using var services = Neo4jTestServer.CreateServices();
            await Neo4jTestServer.WipeAsync(services);
        }

        Host(sameStoreAs: null, warm: false);
        await ServiceCompanies.SeedAsync(First, 6, "answer-warmup.csv");
        await First.Services.GetRequiredService<DiscoveryCache>().RefreshesAsync();
        chain = (await First.Services.GetRequiredService<ChainDirectory>().ListDefinitionsAsync(CancellationToken.None))[0].Chain.Code;
    }

    [TearDown]
    public void Dispose()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            host.Dispose();
        }

        hosts.Clear();
    }

    private ChainMapApiFactory Host(ChainMapApiFactory? sameStoreAs, bool warm)
    {
        var settings = provider == "Neo4j" ? Neo4jTestServer.Configuration() : [];
        if (sameStoreAs is not null && provider != "Neo4j")
        {
            settings["Storage:DataDirectory"] = sameStoreAs.StoreDirectory;
        }

        settings["Discovery:WarmAtStart"] = warm ? "true" : "false";
        var host = new ChainMapApiFactory(seed: false, settings: settings, time: clock);
        hosts.Add(host);
        _ = host.Services;
        return host;
    }

    private Uri ListUri => new($"/api/targets?chain={chain}&pageSize=20&paths=3", UriKind.Relative);

    private Uri MapUri => new($"/api/chains/{chain}/investment-map", UriKind.Relative);

    private static async Task<JsonElement> GetAsync(ChainMapApiFactory host, Uri uri)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), uri.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<string> Names(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()!);

    /// <summary>The background work of a host started with the warm-up: the warm-up, the builds after kept answers, the kept answers' writes.</summary>
    private static async Task SettledAsync(ChainMapApiFactory host)
    {
        await host.Services.GetRequiredService<DiscoveryWarmup>().Completion;
        await host.Services.GetRequiredService<DiscoveryService>().KeptRebuildsAsync();
    }

    [Test]
    public async Task A_service_started_with_the_warm_up_writes_the_kept_list_and_map_before_it_listens_and_answers_the_first_calls_from_them()
    {
        var list = await GetAsync(First, ListUri);
        await GetAsync(First, MapUri);
        await First.Services.GetRequiredService<DiscoveryService>().KeptRebuildsAsync();
        Assert.That(Names(list), Is.Not.Empty);

        clock.Advance(TimeSpan.FromMinutes(10));
        var restarted = Host(sameStoreAs: First, warm: true);
        var warmed = restarted.Logs.Where(l => l.Contains("Answer code warmed before listening", StringComparison.Ordinal)).ToList();
        var firstList = await GetAsync(restarted, ListUri);
        var firstMap = await GetAsync(restarted, MapUri);
        await SettledAsync(restarted);

        Assert.That(warmed, Has.Count.EqualTo(1), "logged once, before the host was handed out");
        Assert.That(warmed[0], Does.Contain($"list written, map of {chain} written"));
        Assert.That(Names(firstList), Is.EqualTo(Names(list)), "the same answer as before the restart");
        Assert.That(firstList.GetProperty("stale").GetBoolean(), Is.False);
        Assert.That(firstMap.GetProperty("segments").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public async Task A_kept_list_that_cannot_be_read_is_left_out_and_the_service_starts_and_answers()
    {
        var list = await GetAsync(First, ListUri);
        await First.Services.GetRequiredService<DiscoveryService>().KeptRebuildsAsync();
        var definition = (await First.Services.GetRequiredService<ChainDirectory>().GetDefinitionAsync(chain, CancellationToken.None))!;
        var home = await First.Services.GetRequiredService<RegionDirectory>().GetHomeAsync(CancellationToken.None);
        var key = DiscoverySnapshots.PageKey(new TargetFilter([definition], null, null, "全国", [], null, 1, 20, 3), home);
        var snapshots = First.Services.GetRequiredService<IDiscoverySnapshotStore>();
        var kept = await snapshots.GetSnapshotAsync(key, CancellationToken.None);
        Assert.That(kept, Is.Not.Null, "the list the warm-up writes is the one the endpoint keeps for ?chain=");
        await snapshots.SaveSnapshotAsync(kept! with { Body = kept.Body[..(kept.Body.Length / 2)] }, 64, CancellationToken.None);

        var restarted = Host(sameStoreAs: First, warm: true);
        var warmed = restarted.Logs.Where(l => l.Contains("Answer code warmed before listening", StringComparison.Ordinal)).ToList();
        var answered = await GetAsync(restarted, ListUri);
        await SettledAsync(restarted);

        Assert.That(warmed, Has.Count.EqualTo(1));
        Assert.That(warmed[0], Does.Contain("list not kept, no map kept"));
        Assert.That(restarted.Logs.Where(l => l.Contains("A kept target list", StringComparison.Ordinal) && l.Contains("cannot be read", StringComparison.Ordinal)), Is.Not.Empty);
        Assert.That(Names(answered), Is.EqualTo(Names(list)), "built, as when nothing is kept");
    }
}
