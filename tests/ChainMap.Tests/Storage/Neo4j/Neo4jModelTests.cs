using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage.Neo4j;

/// <summary>
/// The graph as people who query Neo4j directly see it (docs/neo4j.md): hierarchy and flow apart,
/// memberships with their evidence, companies in the region tree.
/// </summary>
public sealed class Neo4jModelTests
{
    private static readonly ImportStamp Stamp = new("imp-model", "model.csv", new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero));

    private ServiceProvider services = null!;
    private Neo4jStore store = null!;

    [OneTimeSetUp]
    public void Connect()
    {
        services = Neo4jTestServer.CreateServices();
        store = services.GetRequiredService<Neo4jStore>();
    }

    [OneTimeTearDown]
    public async Task Disconnect() => await services.DisposeAsync();

    [SetUp]
    public async Task Empty() => await Neo4jTestServer.WipeAsync(services);

    [Test]
    public async Task Sub_segments_and_flows_are_different_relationships()
    {
        await store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);

        var hierarchy = await Pairs("MATCH (a:Segment)-[:SUBSEGMENT_OF]->(b:Segment) RETURN a.code, b.code ORDER BY a.code");
        var flows = await Pairs("MATCH (a:Segment)-[:SUPPLIES_TO]->(b:Segment) RETURN a.code, b.code ORDER BY a.code");
        var parts = await store.RunAsync("MATCH (:Segment)-[:PART_OF]->(c:Chain {code: 'T1'}) RETURN count(*)", CancellationToken.None);

        Assert.That(hierarchy, Is.EqualTo(new[] { ("T1-PART-PUMP", "T1-PART") }));
        Assert.That(flows, Is.EqualTo(new[] { ("T1-PART", "T1-VEH"), ("T1-RAW", "T1-PART"), ("T1-VEH", "T1-SVC") }));
        Assert.That(parts.Scalar!.Value.AsInt64(), Is.EqualTo(5));
    }

    [Test]
    public async Task Companies_sit_in_the_region_tree_and_in_segments_with_their_evidence()
    {
        await store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var record = new CompanyRecord("n:甲|421303", null, "甲", "甲", "421303", "420000", "421300", "421303", 100, null, null, null, null, [], null, null, 1,
            [new SegmentMembership("T1-VEH", "整车", 0.8, "主营产品: 专用车", "a.csv")]);

        // Companies first, regions later (as a test or a partial load does): the link is made when the region arrives.
        await store.UpsertCompaniesAsync([record], Stamp, CancellationToken.None);
        await store.SaveRegionsAsync(TestData.Regions.All.Where(r => r.Code.StartsWith("42", StringComparison.Ordinal)).ToList(), CancellationToken.None);

        var inProvince = await store.RunAsync("MATCH (c:Company)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..2]->(:Region {code: '420000'}) RETURN c.name", CancellationToken.None);
        var membership = await store.RunAsync(
            "MATCH (:Company {name: '甲'})-[m:IN_SEGMENT]->(s:Segment) RETURN s.code, m.role, m.confidence, m.evidence, m.source, m.chainCode", CancellationToken.None);

        Assert.That(inProvince.Rows.Select(r => r[0].AsString()), Is.EqualTo(new[] { "甲" }));
        var row = membership.Rows.Single();
        Assert.That(
            (row[0].AsString(), row[1].AsString(), row[2].AsDouble(), row[3].AsString(), row[4].AsString(), row[5].AsString()),
            Is.EqualTo(("T1-VEH", "整车", 0.8, "主营产品: 专用车", "a.csv", "T1")));
    }

    [Test]
    public async Task Relations_between_companies_are_typed_relationships()
    {
        var ids = (await store.UpsertCompaniesAsync(
            [
                new CompanyRecord("n:甲|421303", null, "甲", "甲", "421303", "420000", "421300", "421303", null, null, null, null, null, [], null, null, 0, []),
                new CompanyRecord("n:乙|320506", null, "乙", "乙", "320506", "320000", "320500", "320506", null, null, null, null, null, [], null, null, 0, []),
            ], Stamp, CancellationToken.None)).Select(o => o.CompanyId).ToList();
        await store.SaveRelationsAsync(
            [
                new CompanyRelation(ids[1], ids[0], CompanyRelationKind.Supplies, null, null),
                new CompanyRelation(ids[0], ids[1], CompanyRelationKind.InvestsIn, null, null),
                new CompanyRelation(ids[0], ids[1], CompanyRelationKind.Controls, null, null),
            ], CancellationToken.None);

        var types = await store.RunAsync("MATCH (a:Company)-[r]->(b:Company) RETURN a.name + '-' + type(r) + '->' + b.name ORDER BY type(r)", CancellationToken.None);

        Assert.That(types.Rows.Select(r => r[0].AsString()), Is.EqualTo(new[] { "甲-CONTROLS->乙", "甲-INVESTS_IN->乙", "乙-SUPPLIES->甲" }));
    }

    private async Task<List<(string, string)>> Pairs(string cypher) =>
        (await store.RunAsync(cypher, CancellationToken.None)).Rows.Select(r => (r[0].AsRequiredString(), r[1].AsRequiredString())).ToList();
}
