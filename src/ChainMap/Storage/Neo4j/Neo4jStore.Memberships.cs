using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>Membership status (ADR 0135): a property of <c>IN_SEGMENT</c>; discovery reads only <see cref="Confirmed"/> ones.</summary>
internal sealed partial class Neo4jStore
{
    public async Task<bool> SetMembershipStatusAsync(long companyId, string segmentCode, MembershipStatus status, CancellationToken cancellationToken)
    {
        var results = await RunAsync(
        [
            Cypher("""
                MATCH (c:Company {id: $id})-[m:IN_SEGMENT]->(:Segment {code: $segment})
                SET m.status = $status, m.source = $source, c.version = coalesce(c.version, 1) + 1
                RETURN count(m)
                """, ("id", companyId), ("segment", segmentCode), ("status", status.ToWire()), ("source", MembershipSources.Analyst)),
            .. SyncCandidates([companyId]),
        ], cancellationToken);
        return results[0].Rows.Count > 0 && results[0].Rows[0][0].AsInt64() > 0;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountUnconfirmedBySegmentAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, CancellationToken cancellationToken)
    {
        var scope = new RegionFilter(RegionScope.Of(regionCodes), "scope");
        var result = await RunAsync(Cypher($$"""
            MATCH (s:Segment {chainCode: $chain})<-[m:IN_SEGMENT]-(c:Company)
            WHERE m.status = 'unconfirmed' AND {{scope.Predicate()}}
            RETURN s.code, count(c)
            """, [("chain", chainCode), .. scope.Parameters]), cancellationToken);
        return result.Rows.ToDictionary(r => r[0].AsRequiredString(), r => (int)r[1].AsInt64(), StringComparer.Ordinal);
    }

    public async Task<long> CountChainLevelAsync(string chainCode, CancellationToken cancellationToken)
    {
        // From the chain's node (unique code) along its memberships: the review queue's filter matched every IN_SEGMENT first.
        var result = await RunAsync(Cypher("""
            MATCH (:Chain {code: $chain})<-[m:IN_SEGMENT]-(:Company)
            RETURN count(m)
            """, ("chain", chainCode)), cancellationToken);
        return result.Scalar?.AsInt64() ?? 0;
    }

    public async Task<IReadOnlyList<Company>> ListCompaniesAfterAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($$"""
            MATCH (c:Company) WHERE c.id > $after
            WITH c ORDER BY c.id LIMIT $limit
            OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
            WITH c, m, s ORDER BY m.confidence DESC, s.code
            RETURN {{CompanyMap}} AS company, {{MembershipList}} AS memberships
            """, ("after", afterId), ("limit", (long)Math.Max(limit, 0))), cancellationToken);
        return result.Rows.Select(r => CompanyState.Read(r[0], r[1]).ToCompany()).OrderBy(c => c.Id).ToList();
    }

    public async Task ReplaceClassifiedMembershipsAsync(IReadOnlyList<ClassifiedMemberships> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var ids = batch.Select(b => b.CompanyId).Distinct().ToList();
        var rows = batch.SelectMany(b => b.Memberships.Select(m => new Dictionary<string, object?>
        {
            ["id"] = b.CompanyId,
            ["membership"] = MembershipProperties(MembershipSources.IsClassifier(m.Source) ? m : m with { Source = MembershipSources.Reclassify }),
        })).ToList();
        // One request, one transaction: the classifier's memberships go, the new ones come, except
        // on a segment where the company keeps a membership from a file or an analyst.
        await RunAsync(
        [
            Cypher("""
                UNWIND $ids AS id
                MATCH (:Company {id: id})-[m:IN_SEGMENT]->()
                WHERE m.source STARTS WITH 'classifier:'
                DELETE m
                """, ("ids", ids)),
            Cypher("""
                UNWIND $rows AS row
                MATCH (c:Company {id: row.id})
                """ + MembershipTarget("row.membership.segment", "c, row") + $"""
                WITH c, row, s WHERE NOT (c)-[:IN_SEGMENT]->(s)
                CREATE (c)-[m:IN_SEGMENT]->(s)
                SET m = row.membership, m.chainCode = {TargetChain}
                """, ("rows", rows)),
            .. SyncCandidates(ids),
        ], cancellationToken);
    }
}
