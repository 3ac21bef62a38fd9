using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage;

/// <summary>
/// The whole store contract on a real Neo4j server (NEO4J_TEST_URI, ...), emptied before each test.
/// Without a configured server every test fails with the reason.
/// </summary>
[TestFixture]
public sealed class Neo4jStoreContract : StoreContract
{
    private ServiceProvider? services;

    [OneTimeSetUp]
    public void Connect() => services = Neo4jTestServer.CreateServices();

    [OneTimeTearDown]
    public async Task Disconnect()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    /// <summary>A float is what versions before ADR 0100 wrote; a string is the current form (here possibly malformed).</summary>
    protected override async Task WriteStoredInvestmentAsync(long projectId, object raw)
    {
        var store = services!.GetRequiredService<Neo4jStore>();
        var result = await store.RunAsync(
            new CypherStatement("MATCH (p:Project {id: $id}) SET p.plannedInvestment = $v RETURN p.id", new Dictionary<string, object?> { ["id"] = projectId, ["v"] = raw }),
            CancellationToken.None);
        Assert.That(result.Rows, Has.Count.EqualTo(1));
    }

    private protected override async Task ForgetChangeLogAsync(string importId)
    {
        var store = services!.GetRequiredService<Neo4jStore>();
        var result = await store.RunAsync(
            new CypherStatement("MATCH (x:ImportChange {jobId: $job}) DELETE x RETURN count(*)", new Dictionary<string, object?> { ["job"] = importId }),
            CancellationToken.None);
        Assert.That(result.Rows[0][0].GetInt64(), Is.GreaterThan(0));
    }

    /// <summary>A Neo4j store is not migrated: it reads the old text as it is (ADR 0350).</summary>
    private protected override async Task WriteProvenanceBeforeCompactionAsync(IReadOnlyDictionary<long, string> oldForm)
    {
        var store = services!.GetRequiredService<Neo4jStore>();
        foreach (var (id, json) in oldForm)
        {
            var result = await store.RunAsync(
                new CypherStatement("MATCH (c:Company {id: $id}) SET c.provenance = $p RETURN c.id", new Dictionary<string, object?> { ["id"] = id, ["p"] = json }),
                CancellationToken.None);
            Assert.That(result.Rows, Has.Count.EqualTo(1));
        }
    }

    /// <summary>A database from before the candidate index: its candidates and the migration's mark gone, then the one-time build.</summary>
    private protected override async Task RebuildCandidateIndexAsync()
    {
        var store = services!.GetRequiredService<Neo4jStore>();
        await store.RunAsync(["MATCH (x:Candidate) DELETE x", "MATCH (t:SegmentCount) DELETE t", "MATCH (g:Migration) DELETE g"], CancellationToken.None);
        Assert.That((await store.RunAsync("MATCH (x:Candidate) RETURN count(x)", CancellationToken.None)).Rows[0][0].GetInt64(), Is.Zero);
        var server = await services!.GetRequiredService<Neo4jConnector>().GetAsync(CancellationToken.None);
        await Neo4jCandidates.MigrateAsync(server.Transport, CancellationToken.None);

        // A database of ADR 0250's version 1 (no segmentCity, no segment totals) is brought up to date in place.
        await store.RunAsync(
        [
            "MATCH (x:Candidate) REMOVE x.segmentCity", "MATCH (t:SegmentCount) DELETE t",
            "MATCH (g:Migration {name: 'segmentCounts'}) DELETE g", "MATCH (g:Migration {name: 'candidates'}) SET g.version = 1",
        ], CancellationToken.None);
        await Neo4jCandidates.MigrateAsync(server.Transport, CancellationToken.None);
        Assert.That((await store.RunAsync("MATCH (x:Candidate) WHERE x.cityCode IS NOT NULL AND x.segmentCity IS NULL RETURN count(x)", CancellationToken.None)).Rows[0][0].GetInt64(), Is.Zero);

        // A database of ADR 0270's version 2 (no tieSegment) gets it set in place (ADR 0300).
        await store.RunAsync(["MATCH (x:Candidate) REMOVE x.tieSegment", "MATCH (g:Migration {name: 'candidates'}) SET g.version = 2"], CancellationToken.None);
        await Neo4jCandidates.MigrateAsync(server.Transport, CancellationToken.None);
    }

    /// <summary>A database from before ADR 0465: no tie summary kept, no segment stamped.</summary>
    private protected override async Task ForgetTieSummariesAsync()
    {
        var store = services!.GetRequiredService<Neo4jStore>();
        await store.RunAsync(["MATCH (t:TieSummary) DELETE t", "MATCH (s:Segment) REMOVE s.tieStamp"], CancellationToken.None);
        Assert.That((await store.RunAsync("MATCH (t:TieSummary) RETURN count(t)", CancellationToken.None)).Rows[0][0].GetInt64(), Is.Zero);
    }

    // ADR 0465: a list's tie facts are the kept summaries while no write moved them (a summary changed behind the store's back is
    // what is read), and a write to one company of a segment makes that segment's summary be built again, not the others'.
    [Test]
    public async Task Home_tie_facts_are_read_from_the_kept_summaries_until_a_write_moves_their_segment()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var store = services!.GetRequiredService<Neo4jStore>();
        string[] segments = ["T1-PART", "T1-PART-PUMP", "T1-SVC"];
        async Task<Dictionary<long, HomeTieFacts>> ReadAsync() =>
            (await Store.ReadHomeTieFactsAsync(DiscoveryGraph.HomeCodes, segments, CancellationToken.None)).Facts.ToDictionary(f => f.CompanyId);

        var first = await ReadAsync();
        Assert.That(first.Keys, Is.EquivalentTo(new[] { graph.Ids["C"], graph.Ids["D"], graph.Ids["G"] }));
        var kept = await store.RunAsync("MATCH (t:TieSummary) RETURN t.segment, t.stamp ORDER BY t.segment", CancellationToken.None);
        Assert.That(kept.Rows.Select(r => r[0].GetString()), Is.EqualTo(new[] { "T1-PART", "T1-PART-PUMP", "T1-SVC" }));

        // Emptied behind the store's back: the kept summaries of 服务 (D) and 液压泵 (G) say they have no tied company.
        await store.RunAsync("MATCH (t:TieSummary) WHERE t.segment IN ['T1-SVC', 'T1-PART-PUMP'] SET t.facts = '[]'", CancellationToken.None);
        Assert.That((await ReadAsync()).Keys, Is.EquivalentTo(new[] { graph.Ids["C"] }), "read from the kept summaries");

        // A channel link to D moves 服务's summary only: D is read afresh, G (液压泵) still from its kept summary.
        await Store.SaveChannelLinksAsync([new ChannelLink(graph.ChannelIds["AMB-WANG"], graph.Ids["D"], null, ChannelRole.Member, null, "test")], CancellationToken.None);
        var afterWrite = await ReadAsync();
        Assert.That(afterWrite.Keys, Is.EquivalentTo(new[] { graph.Ids["C"], graph.Ids["D"] }), "服务 built again after the write, 液压泵 not moved");
        Assert.That(afterWrite[graph.Ids["D"]].Channels, Has.Count.EqualTo(2));
        Assert.That(afterWrite[graph.Ids["D"]].Relations.Single().HomeCompanyId, Is.EqualTo(graph.Ids["H1"]));
    }

    // ADR 0490: a list's total is the kept one while no write moved its segments (a total changed behind the store's back is what
    // is read), and a write to a company of one of them makes it be counted again; a chain losing a segment drops every kept total.
    [Test]
    public async Task A_lists_total_is_read_from_its_kept_count_until_a_write_moves_one_of_its_segments()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var store = services!.GetRequiredService<Neo4jStore>();
        var query = new TargetCandidateQuery(["T1-PART", "T1-PART-PUMP"], YangtzeDelta, DiscoveryGraph.HomeCodes, [], null, 0);
        async Task<long> TotalAsync() => (await Store.FindTargetCandidatesAsync(query, CancellationToken.None)).Total;

        Assert.That(await TotalAsync(), Is.EqualTo(3));
        Assert.That((await store.RunAsync("MATCH (t:TargetTotal) RETURN t.total", CancellationToken.None)).Rows.Select(r => r[0].GetInt64()), Is.EqualTo(new[] { 3L }));
        await store.RunAsync("MATCH (t:TargetTotal) SET t.total = 99", CancellationToken.None);
        Assert.That(await TotalAsync(), Is.EqualTo(99), "read from the kept total");

        await Store.SaveRelationsAsync([new CompanyRelation(graph.Ids["B"], graph.Ids["H1"], CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);
        Assert.That(await TotalAsync(), Is.EqualTo(99), "a write to 原料 alone does not move it");

        await EditAsync(graph.Ids["G"], new CompanyEdit { RegisteredCapital = new Given<decimal?>(600m) });
        Assert.That(await TotalAsync(), Is.EqualTo(3), "counted again after a write to 液压泵");

        await store.RunAsync("MATCH (t:TargetTotal) SET t.total = 99", CancellationToken.None);
        var chain = (await Store.GetChainAsync("T1", CancellationToken.None))!;
        Assert.That(await Store.SaveChainAsync(chain with { Segments = [.. chain.Segments.Where(s => s.Code != "T1-SVC")], Flows = [.. chain.Flows.Where(f => f.From != "T1-SVC" && f.To != "T1-SVC")] }, CancellationToken.None), Is.False, "replaced");
        Assert.That((await store.RunAsync("MATCH (t:TargetTotal) RETURN count(t)", CancellationToken.None)).Rows[0][0].GetInt64(), Is.Zero, "a segment dropped drops the kept totals");
        Assert.That(await TotalAsync(), Is.EqualTo(3));
    }

    private protected override async Task<IChainMapStore> CreateEmptyStoreAsync()
    {
        Assert.That(services, Is.Not.Null, "the Neo4j test server is not configured");
        await Neo4jTestServer.WipeAsync(services!);
        return services!.GetRequiredService<Neo4jStore>();
    }
}
