using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// Answers kept in the store across restarts (ADR 0295): a restarted service (a new host on the same store) answers the
/// first list and map at once from what the previous one kept, saying how old it is and whether a write was made since;
/// the build in the background replaces it; a damaged or old-format kept answer is logged and never served.
/// Runs on SQLite and on the Neo4j test server.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Neo4j")]
public sealed class KeptAnswerTests(string provider)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private FakeTimeProvider clock = null!;
    private readonly List<ChainMapApiFactory> hosts = [];
    private ServiceCompanies seeded = null!;

    /// <summary>The host before any restart; its folder is the store of the others (SQLite).</summary>
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

        Host(sameStoreAs: null);

        // Six service companies in Heilongjiang, strengths 10.5 … 15.5, no ties.
        seeded = await ServiceCompanies.SeedAsync(First, 6, "kept-answer.csv");

        // The seeding noted a write: the background pass refreshes what the seeding read. Until it ends, a list is answered
        // from stale entries, and a stale answer is not kept (ADR 0295); the tests start from a first host that is current.
        await First.Services.GetRequiredService<DiscoveryCache>().RefreshesAsync();
    }

    [TearDown]
    public void Dispose()
    {
        // The first host last: its folder is the store of the others (SQLite).
        foreach (var host in Enumerable.Reverse(hosts))
        {
            host.Dispose();
        }

        hosts.Clear();
    }

    /// <summary>A host on a fresh store, or (a restart) on the store of <paramref name="sameStoreAs"/>.</summary>
    private ChainMapApiFactory Host(ChainMapApiFactory? sameStoreAs)
    {
        var settings = provider == "Neo4j" ? Neo4jTestServer.Configuration() : [];
        if (sameStoreAs is not null && provider != "Neo4j")
        {
            settings["Storage:DataDirectory"] = sameStoreAs.StoreDirectory;
        }

        var host = new ChainMapApiFactory(seed: false, settings: settings, time: clock);
        hosts.Add(host);
        _ = host.Services;
        return host;
    }

    private static async Task<TargetPage> ListAsync(ChainMapApiFactory host)
    {
        var chain = (await host.Services.GetRequiredService<ChainDirectory>().GetDefinitionAsync("T1", CancellationToken.None))!;
        return await host.Services.GetRequiredService<DiscoveryService>().FindTargetsAsync(
            new TargetFilter([chain], ["T1-SVC"], ["230000"], "黑龙江省", [], null, 1, 4, 1), CancellationToken.None);
    }

    private static async Task<InvestmentMap> MapAsync(ChainMapApiFactory host)
    {
        var chain = (await host.Services.GetRequiredService<ChainDirectory>().GetDefinitionAsync("T1", CancellationToken.None))!;
        return await host.Services.GetRequiredService<DiscoveryService>().BuildMapAsync(chain, ["230000"], 3, 1, CancellationToken.None);
    }

    /// <summary>The background builds of answers served from the store, and the writes of answers to it, are done.</summary>
    private static Task SettledAsync(ChainMapApiFactory host) => host.Services.GetRequiredService<DiscoveryService>().KeptRebuildsAsync();

    private static IEnumerable<(int, long, string, double, string, int)> Shown(TargetPage page) =>
        page.Items.Select(t => (t.Rank, t.Company.Id, t.Company.Name, t.Score.Total, string.Join(" ", t.Reasons), t.Paths.Count));

    private static IEnumerable<(string, long, string)> Shown(InvestmentMap map) => map.Segments.SelectMany(s => s.TopTargets.Select(t =>
        (s.Gap.Segment.Code + " " + s.Gap.Rating, s.Candidates, $"{t.Rank} {t.Company.Name} {t.Score.Total} {string.Join(" ", t.Reasons)}")));

    [Test]
    public async Task A_restarted_service_answers_the_first_list_and_map_from_the_kept_answers_as_current_and_its_build_replaces_them()
    {
        var list = await ListAsync(First);
        var map = await MapAsync(First);
        await SettledAsync(First);
        Assert.That(list.Items.Select(t => t.Company.Name), Is.EqualTo(new[] { "黑龙江服务05", "黑龙江服务04", "黑龙江服务03", "黑龙江服务02" }));

        clock.Advance(TimeSpan.FromMinutes(10));
        var restarted = Host(sameStoreAs: First);
        var cache = restarted.Services.GetRequiredService<DiscoveryCache>();
        var home = await restarted.Services.GetRequiredService<RegionDirectory>().GetHomeAsync(CancellationToken.None);
        var keptList = await ListAsync(restarted);
        var keptMap = await MapAsync(restarted);

        Assert.That(Shown(keptList), Is.EqualTo(Shown(list)), "the kept first page, as it was answered before the restart");
        Assert.That(keptList.Total, Is.EqualTo(list.Total));
        Assert.That(keptList.Items.Select(t => t.Paths.Select(p => p.Summary)), Is.EqualTo(list.Items.Select(t => t.Paths.Select(p => p.Summary))));
        Assert.That(keptList.Freshness, Is.EqualTo(new DataFreshness(Start, false)), "as of the data it was built from; no write since");
        Assert.That(Shown(keptMap), Is.EqualTo(Shown(map)));
        Assert.That(keptMap.Freshness, Is.EqualTo(new DataFreshness(Start, false)));

        // The list and map were built in the background meanwhile and kept again: the next answers are the new builds.
        await SettledAsync(restarted);
        Assert.That(cache.HasEntries([seeded.Chain], home), Is.True, "the background build read what a list needs");
        var rebuilt = await ListAsync(restarted);
        Assert.That(Shown(rebuilt), Is.EqualTo(Shown(list)));
        Assert.That(rebuilt.Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(10), false)));
        Assert.That((await MapAsync(restarted)).Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(10), false)));

        clock.Advance(TimeSpan.FromMinutes(10));
        var again = Host(sameStoreAs: First);
        Assert.That((await ListAsync(again)).Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(10), false)), "the rebuild replaced the kept list");
        Assert.That((await MapAsync(again)).Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(10), false)), "and the kept map");
        await SettledAsync(again);
    }

    [Test]
    public async Task A_write_made_before_the_restart_makes_the_kept_answer_stale_until_the_rebuild_replaces_it()
    {
        var list = await ListAsync(First);
        await MapAsync(First);
        await SettledAsync(First);

        // A new, strongest company, noted as the import notes its writes; no list is asked for before the restart.
        var added = (await seeded.Store.UpsertCompaniesAsync(
            [ServiceCompanies.Record("黑龙江服务新", 99, "kept-answer.csv")], new ImportStamp("imp-new", "new.csv", DateTimeOffset.UnixEpoch), CancellationToken.None)).Single().CompanyId;
        await First.Services.GetRequiredService<DiscoveryCache>().ChangedAsync(CancellationToken.None);
        await SettledAsync(First);

        clock.Advance(TimeSpan.FromMinutes(5));
        var restarted = Host(sameStoreAs: First);
        var stale = await ListAsync(restarted);
        var staleMap = await MapAsync(restarted);

        Assert.That(Shown(stale), Is.EqualTo(Shown(list)), "the older answer, at once");
        Assert.That(stale.Freshness, Is.EqualTo(new DataFreshness(Start, true)), "said to be stale: a write was made after it was built");
        Assert.That(staleMap.Freshness, Is.EqualTo(new DataFreshness(Start, true)));

        await SettledAsync(restarted);
        var rebuilt = await ListAsync(restarted);
        Assert.That(rebuilt.Items[0].Company.Id, Is.EqualTo(added), "the rebuild shows the write");
        Assert.That(rebuilt.Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(5), false)));

        var again = Host(sameStoreAs: First);
        var kept = await ListAsync(again);
        Assert.That(kept.Items[0].Company.Id, Is.EqualTo(added), "the rebuild replaced the kept answer");
        Assert.That(kept.Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(5), false)));
        await SettledAsync(again);
    }

    [Test]
    public async Task A_damaged_or_old_format_kept_answer_is_logged_and_ignored_and_the_request_builds_its_answer()
    {
        var list = await ListAsync(First);
        await MapAsync(First);
        await SettledAsync(First);
        var home = await First.Services.GetRequiredService<RegionDirectory>().GetHomeAsync(CancellationToken.None);
        var filter = new TargetFilter([seeded.Chain], ["T1-SVC"], ["230000"], "黑龙江省", [], null, 1, 4, 1);
        var snapshots = First.Services.GetRequiredService<IDiscoverySnapshotStore>();
        var listKey = DiscoverySnapshots.PageKey(filter, home);
        var mapKey = DiscoverySnapshots.MapKey(seeded.Chain, home, ["230000"], 3, 1);
        var keptList = (await snapshots.GetSnapshotAsync(listKey, CancellationToken.None))!;
        var keptMap = (await snapshots.GetSnapshotAsync(mapKey, CancellationToken.None))!;

        // The list's body cut short (a damaged entry), the map's of a format this version does not write.
        await snapshots.SaveSnapshotAsync(keptList with { Body = keptList.Body[..(keptList.Body.Length / 2)] }, 64, CancellationToken.None);
        await snapshots.SaveSnapshotAsync(keptMap with { Format = DiscoverySnapshots.Format + 1 }, 64, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(10));
        var restarted = Host(sameStoreAs: First);
        var built = await ListAsync(restarted);
        var builtMap = await MapAsync(restarted);

        Assert.That(Shown(built), Is.EqualTo(Shown(list)), "built from the store, not from the damaged entry");
        Assert.That(built.Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(10), false)), "read now");
        Assert.That(builtMap.Freshness, Is.EqualTo(new DataFreshness(Start.AddMinutes(10), false)));
        Assert.That(restarted.Logs.Where(l => l.Contains("A kept target list", StringComparison.Ordinal) && l.Contains("cannot be read", StringComparison.Ordinal)), Is.Not.Empty);
        Assert.That(restarted.Logs.Where(l => l.Contains("A kept discovery answer", StringComparison.Ordinal) && l.Contains("format", StringComparison.Ordinal)), Is.Not.Empty);

        // The answers built replace the bad entries.
        await SettledAsync(restarted);
        Assert.That((await snapshots.GetSnapshotAsync(listKey, CancellationToken.None))!.AsOf, Is.EqualTo(Start.AddMinutes(10)));
        Assert.That((await snapshots.GetSnapshotAsync(mapKey, CancellationToken.None))!.Format, Is.EqualTo(DiscoverySnapshots.Format));
    }
}
