using System.Globalization;
using ChainMap.Curation;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Company merge (ADR 0190) in one explicit transaction: both company nodes and the company sequence are
/// locked first (an import's optimistic guard sees the epoch move and reads again), both sides are read,
/// <see cref="CompanyMergeRules"/> decides, and the plan is written before the commit.
/// <c>(:MergedCompany {id, into, at})</c> keeps where a merged id went.
/// </summary>
internal sealed partial class Neo4jStore
{
    public Task<CompanyMergeOutcome> MergeCompaniesAsync(long survivorId, long mergedId, MergeExpectation expected, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteOpeningAsync(async (server, token) =>
        {
            await using var transaction = await server.Transport.BeginAsync(token);
            await transaction.RunAsync(
            [
                Cypher("MATCH (c:Company) WHERE c.id IN $ids SET c.lock = true REMOVE c.lock", ("ids", new List<long> { survivorId, mergedId })),
                Cypher("""
                    MERGE (q:Sequence {name: $sequence})
                    ON CREATE SET q.next = 0
                    SET q.lockedBy = $token, q.epoch = $token
                    """, ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N"))),
            ], token);
            var survivor = await ReadMergeSideAsync(transaction, survivorId, token);
            var merged = await ReadMergeSideAsync(transaction, mergedId, token);
            if (survivor is null || merged is null)
            {
                await transaction.RollbackAsync(token);
                return new CompanyMergeOutcome([.. new[] { (survivorId, survivor), (mergedId, merged) }.Where(x => x.Item2 is null).Select(x => x.Item1)], null);
            }

            var decision = CompanyMergeRules.Decide(survivor, merged, expected);
            if (decision.Plan is not { } plan)
            {
                await transaction.RollbackAsync(token);
                return new CompanyMergeOutcome([], decision);
            }

            await transaction.RunAsync(MergeStatements(plan, at.ToString("O", CultureInfo.InvariantCulture)), token);
            await transaction.CommitAsync(token);
            return new CompanyMergeOutcome([], decision);
        }, cancellationToken);

    public async Task<long?> GetMergedIntoAsync(long companyId, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("MATCH (x:MergedCompany {id: $id}) RETURN x.into", ("id", companyId)), cancellationToken);
        return result.Rows.Count == 0 ? null : result.Rows[0][0].AsNullableInt64();
    }

    private static List<CypherStatement> MergeStatements(CompanyMergePlan plan, string at)
    {
        var ids = new (string, object?)[] { ("survivor", plan.SurvivorId), ("merged", plan.MergedId) };
        var statements = new List<CypherStatement>();
        foreach (var (kind, type) in RelationTypes)
        {
            var rows = plan.RelationsToAdd.Where(r => r.Kind == kind).Select(r => new Dictionary<string, object?>
            {
                ["from"] = r.FromCompanyId,
                ["to"] = r.ToCompanyId,
                ["note"] = r.Note,
                ["source"] = r.Source,
            }).ToList();
            if (rows.Count > 0)
            {
                // The relationship type comes from the fixed table, never from input.
                statements.Add(Cypher($$"""
                    UNWIND $rows AS row
                    WITH row, row.from AS fromId, row.to AS toId
                    MATCH (a:Company {id: fromId})
                    MATCH (b:Company {id: toId})
                    MERGE (a)-[r:{{type}}]->(b)
                    ON CREATE SET r.note = row.note, r.source = row.source
                    """, ("rows", rows)));
            }
        }

        if (plan.ChannelLinksToAdd.Count > 0)
        {
            statements.Add(Cypher("""
                MATCH (c:Company {id: $survivor})
                UNWIND $links AS row
                WITH c, row, row.channel AS channelId
                MATCH (h:Channel {id: channelId})
                MERGE (h)-[l:LINKS]->(c)
                ON CREATE SET l.role = row.role, l.note = row.note, l.source = row.source
                """, [.. ids, ("links", plan.ChannelLinksToAdd.Select(l => new Dictionary<string, object?>
                {
                    ["channel"] = l.ChannelId,
                    ["role"] = l.Role,
                    ["note"] = l.Note,
                    ["source"] = l.Source,
                }).ToList())]));
        }

        statements.Add(Cypher("MATCH (p:Project {companyId: $merged}) SET p.companyId = $survivor", ids));
        statements.Add(Cypher("MATCH (a:Activity {companyId: $merged}) SET a.companyId = $survivor", ids));

        // The merged company's relation partners, while its relations still stand: their tie summaries go behind (ADR 0465).
        statements.Add(Cypher(Neo4jTieSummaries.TouchSection, ("candidateIds", new[] { plan.MergedId })));
        statements.Add(Cypher("MATCH (c:Company {id: $merged}) DETACH DELETE c", ids));

        // Every merge changes the survivor (what refers to it, at least): an edit made from an older view of it is refused.
        statements.Add(Cypher("MATCH (c:Company {id: $survivor}) SET c.version = coalesce(c.version, 1) + 1, c.updatedAt = $at", [.. ids, ("at", at)]));
        if (plan.MembershipsToRemove.Count > 0 || plan.RejectionsToDrop.Count > 0)
        {
            statements.Add(Cypher("""
                MATCH (c:Company {id: $survivor})-[x:IN_SEGMENT|REJECTED_SEGMENT]->(s)
                WHERE (type(x) = 'IN_SEGMENT' AND s.code IN $removed) OR (type(x) = 'REJECTED_SEGMENT' AND s.code IN $lifted)
                DELETE x
                """, [.. ids, ("removed", plan.MembershipsToRemove.ToList()), ("lifted", plan.RejectionsToDrop.ToList())]));
        }

        if (plan.RejectionsToAdd.Count > 0)
        {
            statements.Add(Cypher("""
                MATCH (c:Company {id: $survivor})
                UNWIND $rejections AS row
                """ + MembershipTarget("row.segment", "c, row") + """
                MERGE (c)-[r:REJECTED_SEGMENT]->(s)
                ON CREATE SET r.at = row.at, r.by = row.by
                """, [.. ids, ("rejections", plan.RejectionsToAdd.Select(r => new Dictionary<string, object?>
                {
                    ["segment"] = r.SegmentCode,
                    ["at"] = r.At.ToString("O", CultureInfo.InvariantCulture),
                    ["by"] = r.By,
                }).ToList())]));
        }

        if (plan.SurvivorChanged)
        {
            var c = plan.Survivor;
            statements.Add(Cypher("MATCH (c:Company {id: $survivor}) SET c += $properties", [.. ids, ("properties", new CompanyState(c).Properties(at, withIdentity: false))]));
            if (plan.RegionTaken)
            {
                statements.Add(Cypher("""
                    MATCH (c:Company {id: $survivor})
                    OPTIONAL MATCH (c)-[old:LOCATED_IN]->(:Region)
                    DELETE old
                    WITH DISTINCT c
                    MATCH (r:Region {code: $region})
                    MERGE (c)-[:LOCATED_IN]->(r)
                    """, [.. ids, ("region", c.RegionCode)]));
            }
        }

        if (plan.MembershipsToWrite.Count > 0)
        {
            statements.Add(Cypher("""
                MATCH (c:Company {id: $survivor})
                UNWIND $memberships AS membership
                """ + MembershipTarget("membership.segment", "c, membership") + $"""
                MERGE (c)-[m:IN_SEGMENT]->(s)
                SET m = membership, m.chainCode = {TargetChain}
                """, [.. ids, ("memberships", plan.MembershipsToWrite.Select(MembershipProperties).ToList())]));
        }

        statements.Add(Cypher("MATCH (x:MergedCompany {into: $merged}) SET x.into = $survivor", ids));
        statements.Add(Cypher("MERGE (x:MergedCompany {id: $merged}) SET x.into = $survivor, x.at = $at", [.. ids, ("at", at)]));
        statements.AddRange(SyncCandidates([plan.SurvivorId, plan.MergedId]));
        return statements;
    }

    private static async Task<MergeSide?> ReadMergeSideAsync(INeo4jTransaction transaction, long id, CancellationToken cancellationToken)
    {
        var results = await transaction.RunAsync(
        [
            Cypher($$"""
                MATCH (c:Company {id: $id})
                OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                WITH c, m, s ORDER BY s.code
                RETURN {{CompanyMap}} AS company, {{MembershipList}} AS memberships
                """, ("id", id)),
            Cypher("""
                MATCH (c:Company {id: $id})-[r:SUPPLIES|INVESTS_IN|CONTROLS]-(:Company)
                RETURN DISTINCT startNode(r).id AS fromId, endNode(r).id AS toId, type(r) AS relation, r.note AS note, r.source AS source
                """, ("id", id)),
            Cypher("MATCH (h:Channel)-[l:LINKS]->(c:Company {id: $id}) RETURN h.id, l.role, l.note, l.source ORDER BY h.id", ("id", id)),
            Cypher("MATCH (p:Project {companyId: $id}) RETURN p.id, p.stage <> 'terminated' ORDER BY p.id", ("id", id)),
            Cypher("MATCH (c:Company {id: $id})-[r:REJECTED_SEGMENT]->(s) RETURN s.code, r.at, r.by ORDER BY s.code", ("id", id)),
        ], cancellationToken);
        if (results[0].Rows.Count == 0)
        {
            return null;
        }

        var state = CompanyState.Read(results[0].Rows[0][0], results[0].Rows[0][1]).Company;
        var kinds = RelationTypes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return new MergeSide(
            state with { Memberships = state.Memberships.OrderBy(m => m.SegmentCode, StringComparer.Ordinal).ToList() },
            results[1].Rows.Select(r => new CompanyRelation(r[0].AsInt64(), r[1].AsInt64(), kinds[r[2].AsRequiredString()], r[3].AsString(), r[4].AsString()))
                .OrderBy(r => r.FromCompanyId).ThenBy(r => r.ToCompanyId).ThenBy(r => r.Kind).ToList(),
            results[2].Rows.Select(r => new MergeChannelLink(r[0].AsInt64(), r[1].AsRequiredString(), r[2].AsString(), r[3].AsString())).ToList(),
            results[3].Rows.Select(r => new MergeProject(r[0].AsInt64(), r[1].AsBoolean())).ToList(),
            results[4].Rows.Select(r => new MembershipRejection(id, r[0].AsRequiredString(), DateTimeOffset.Parse(r[1].AsRequiredString(), CultureInfo.InvariantCulture), r[2].AsString())).ToList());
    }
}
