using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The review queue's reads and the analysts' membership writes (ADR 0180): a rejection is
/// <c>(:Company)-[:REJECTED_SEGMENT {at, by}]-&gt;(:Segment)</c>, apart from <c>IN_SEGMENT</c> so that nothing
/// that reads memberships sees it; the import's read (<see cref="ImportMembershipList"/>) does.
/// </summary>
internal sealed partial class Neo4jStore
{
    public async Task<MembershipListPage> ListMembershipsAsync(MembershipListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var conditions = new QueryConditions()
            .Add(query.Status?.ToWire(), "coalesce(m.status, 'confirmed') = $status", "status")
            .Add(query.ConfidenceBelow, "m.confidence < $below", "below")
            .Add(query.ChainCode, "s.chainCode = $chain", "chain")
            .Add(query.Segments?.ToList(), "s.code IN $segments", "segments")

            // The companies the job wrote: those with a field whose provenance (a JSON text of field → import id) names it.
            .Add(query.ImportId is { } import ? JsonSerializer.Serialize(import) : null, "c.provenance CONTAINS $import", "import");
        if (query.RegionCodes is { } regions)
        {
            var filter = new RegionFilter(regions);
            conditions.Add(filter.Predicate("c"));
            conditions.Parameters.AddRange(filter.Parameters.Select(p => (p.Name, p.Value!)));
        }

        var parameters = conditions.Parameters.Select(p => (p.Name, (object?)p.Value))
            .Append(("skip", (long)(query.Page - 1) * query.PageSize)).Append(("limit", (long)query.PageSize));

        var result = await RunAsync(Cypher($$"""
            MATCH (c:Company)-[m:IN_SEGMENT]->(s:Segment)
            {{(conditions.Count == 0 ? "" : "WHERE " + conditions.Where(""))}}
            WITH c, m, s ORDER BY m.confidence, c.id, s.code
            WITH collect({id: c.id, name: c.name, region: c.regionCode, chain: s.chainCode, segment: s.code, role: m.role,
                confidence: m.confidence, evidence: m.evidence, source: m.source, status: m.status}) AS found
            RETURN size(found) AS total, found[$skip..$skip + $limit] AS page
            """, [.. parameters]), cancellationToken);
        var row = result.Rows[0];
        var items = row[1].EnumerateArray().Select(x => new MembershipListItem(
            x.Get("id").AsInt64(),
            x.Get("name").AsRequiredString(),
            x.Get("region").AsRequiredString(),
            x.Get("chain").AsString() ?? "",
            new SegmentMembership(
                x.Get("segment").AsRequiredString(),
                x.Get("role").AsString(),
                x.Get("confidence").AsNullableDouble() ?? 0,
                x.Get("evidence").AsString(),
                x.Get("source").AsString(),
                x.Get("status").AsString() == "unconfirmed" ? MembershipStatus.Unconfirmed : MembershipStatus.Confirmed))).ToList();
        return new MembershipListPage(items, query.Page, query.PageSize, row[0].AsInt64());
    }

    public async Task ApplyMembershipWritesAsync(IReadOnlyList<MembershipWrite> writes, DateTimeOffset at, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return;
        }

        var when = at.ToString("O", CultureInfo.InvariantCulture);
        // One request, one transaction: all of the decisions or none.
        var statements = writes.Select(write => write.Membership is { } m
            ? Cypher("""
                MATCH (c:Company {id: $id}) MATCH (s:Segment {code: $segment})
                OPTIONAL MATCH (c)-[r:REJECTED_SEGMENT]->(s)
                DELETE r
                WITH DISTINCT c, s
                MERGE (c)-[m:IN_SEGMENT]->(s)
                SET m = $membership, m.chainCode = s.chainCode
                """, ("id", write.CompanyId), ("segment", m.SegmentCode), ("membership", MembershipProperties(m)))
            : Cypher("""
                MATCH (c:Company {id: $id}) MATCH (s:Segment {code: $segment})
                OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                DELETE m
                WITH DISTINCT c, s
                MERGE (c)-[r:REJECTED_SEGMENT]->(s)
                SET r.at = $at, r.by = $by
                """, ("id", write.CompanyId), ("segment", write.SegmentCode), ("at", when), ("by", by))).ToList();
        await RunAsync(statements, cancellationToken);
    }

    public async Task<IReadOnlyList<MembershipRejection>> ListRejectionsAsync(IReadOnlyCollection<long> companyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(companyIds);
        if (companyIds.Count == 0)
        {
            return [];
        }

        var result = await RunAsync(Cypher("""
            UNWIND $ids AS id
            MATCH (c:Company {id: id})-[r:REJECTED_SEGMENT]->(s:Segment)
            RETURN c.id, s.code, r.at, r.by ORDER BY c.id, s.code
            """, ("ids", companyIds.ToList())), cancellationToken);
        return result.Rows.Select(r => new MembershipRejection(
            r[0].AsInt64(), r[1].AsRequiredString(), DateTimeOffset.Parse(r[2].AsRequiredString(), CultureInfo.InvariantCulture), r[3].AsString())).ToList();
    }
}
