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
            .Add(query.ChainCode, TargetChain + " = $chain", "chain")
            .Add(query.Segments?.ToList(), "s.code IN $segments", "segments")

            // The companies the job wrote: those with a field whose provenance (a JSON text naming each source once, ADR 0350) names it.
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
            MATCH (c:Company)-[m:IN_SEGMENT]->(s)
            {{(conditions.Count == 0 ? "" : "WHERE " + conditions.Where(""))}}
            WITH c, m, s ORDER BY m.confidence, c.id, s.code
            WITH collect({id: c.id, name: c.name, region: c.regionCode, chain: {{TargetChain}}, segment: s.code, role: m.role,
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

    public Task<MembershipWriteResult> ApplyMembershipWritesAsync(
        IReadOnlyList<MembershipWrite> writes, IReadOnlyDictionary<long, long> expectedVersions, DateTimeOffset at, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(expectedVersions);
        if (writes.Count == 0)
        {
            return Task.FromResult(new MembershipWriteResult(new Dictionary<long, long>()));
        }

        var when = at.ToString("O", CultureInfo.InvariantCulture);
        var ids = writes.Select(w => w.CompanyId).Distinct().Order().ToList();

        // One explicit transaction, all of the decisions or none: the companies are locked (and the company sequence's
        // epoch moved, ADR 0031, so an import batch that read them decides again) before their versions are read.
        return ExecuteOpeningAsync(async (server, token) =>
        {
            await using var transaction = await server.Transport.BeginAsync(token);
            var read = await transaction.RunAsync(
            [
                Cypher(TakeWriteGuard + "RETURN 1", ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N"))),
                Cypher("""
                    UNWIND $ids AS id
                    OPTIONAL MATCH (c:Company {id: id})
                    FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | SET c.lock = true REMOVE c.lock)
                    RETURN id, CASE WHEN c IS NULL THEN null ELSE coalesce(c.version, 1) END
                    """, ("ids", expectedVersions.Keys.Order().ToList())),
            ], token);
            var current = read[1].Rows.ToDictionary(r => r[0].AsInt64(), r => r[1].AsNullableInt64());
            foreach (var (companyId, expected) in expectedVersions.OrderBy(p => p.Key))
            {
                var version = current.GetValueOrDefault(companyId);
                if (version != expected)
                {
                    await transaction.RollbackAsync(token);
                    return new MembershipWriteResult(new Dictionary<long, long>(), companyId, version);
                }
            }

            var statements = writes.Select(write => write.Membership is { } m
                ? Cypher("""
                    MATCH (c:Company {id: $id})
                    """ + MembershipTarget("$segment", "c") + $"""
                    OPTIONAL MATCH (c)-[r:REJECTED_SEGMENT]->(s)
                    DELETE r
                    WITH DISTINCT c, s
                    MERGE (c)-[m:IN_SEGMENT]->(s)
                    SET m = $membership, m.chainCode = {TargetChain}
                    """, ("id", write.CompanyId), ("segment", m.SegmentCode), ("membership", MembershipProperties(m)))
                : Cypher("""
                    MATCH (c:Company {id: $id})
                    """ + MembershipTarget("$segment", "c") + """
                    OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                    DELETE m
                    WITH DISTINCT c, s
                    MERGE (c)-[r:REJECTED_SEGMENT]->(s)
                    SET r.at = $at, r.by = $by
                    """, ("id", write.CompanyId), ("segment", write.SegmentCode), ("at", when), ("by", by))).ToList();

            statements.AddRange(SyncCandidates(ids));

            // Each company the decisions touched moves one version on, so an edit made from an older view of it is refused.
            statements.Add(Cypher("""
                UNWIND $ids AS id
                MATCH (c:Company {id: id})
                SET c.version = coalesce(c.version, 1) + 1, c.updatedAt = $at
                RETURN c.id, c.version
                """, ("ids", ids), ("at", when)));
            var results = await transaction.RunAsync(statements, token);
            await transaction.CommitAsync(token);
            return new MembershipWriteResult(results[^1].Rows.ToDictionary(r => r[0].AsInt64(), r => r[1].AsInt64()));
        }, cancellationToken);
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
            MATCH (c:Company {id: id})-[r:REJECTED_SEGMENT]->(s)
            RETURN c.id, s.code, r.at, r.by ORDER BY c.id, s.code
            """, ("ids", companyIds.ToList())), cancellationToken);
        return result.Rows.Select(r => new MembershipRejection(
            r[0].AsInt64(), r[1].AsRequiredString(), DateTimeOffset.Parse(r[2].AsRequiredString(), CultureInfo.InvariantCulture), r[3].AsString())).ToList();
    }
}
