using System.Globalization;
using ChainMap.Domain;
using ChainMap.Import;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Undo of a company import (ADR 0191) in one explicit transaction: the company sequence is locked first (imports
/// wait or read again), the job's <c>(:ImportChange)</c> log and the present state are read,
/// <see cref="ImportUndoRules"/> decides, and the plan and the job's new state are written before the commit.
/// </summary>
internal sealed partial class Neo4jStore
{
    public Task<ImportUndoOutcome> UndoImportAsync(ImportJob job, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteOpeningAsync(async (server, token) =>
        {
            await using var transaction = await server.Transport.BeginAsync(token);
            var log = await transaction.RunAsync(
            [
                Cypher("""
                    MERGE (q:Sequence {name: $sequence})
                    ON CREATE SET q.next = 0
                    SET q.lockedBy = $token, q.epoch = $token
                    """, ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N"))),
                Cypher("MATCH (x:ImportChange {jobId: $job}) RETURN x.seq, x.firstId, x.lastId, x.before ORDER BY x.seq", ("job", job.Id)),
            ], token);
            var changes = log[1].Rows.Select(r => r[3].AsString() is { } before
                ? ImportChange.Updated(r[0].AsInt64(), CompanyBefore.FromJson(before))
                : ImportChange.Created(r[0].AsInt64(), r[1].AsInt64(), r[2].AsInt64())).ToList();
            if (changes.Count == 0)
            {
                await transaction.RollbackAsync(token);
                return new ImportUndoOutcome(true, null);
            }

            var ids = changes.SelectMany(c => Enumerable.Range(0, (int)(c.LastId - c.FirstId + 1)).Select(i => c.FirstId + i)).Distinct().ToList();
            var state = await transaction.RunAsync(
            [
                Cypher($$"""
                    UNWIND $ids AS id
                    MATCH (c:Company {id: id})
                    OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                    RETURN {{CompanyMap}} AS company, {{MembershipList}} AS memberships
                    """, ("ids", ids)),
                Cypher("UNWIND $ids AS id MATCH (p:Project {companyId: id}) RETURN id, p.id ORDER BY p.id", ("ids", ids)),
                Cypher("UNWIND $ids AS id MATCH (a:Activity {companyId: id}) RETURN id, count(a)", ("ids", ids)),
                Cypher("UNWIND $ids AS id MATCH (x:MergedCompany {id: id}) RETURN id, x.into", ("ids", ids)),
            ], token);
            var companies = state[0].Rows.Select(r => CompanyState.Read(r[0], r[1]).Company).ToDictionary(c => c.Id);
            var projects = state[1].Rows.GroupBy(r => r[0].AsInt64()).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(r => r[1].AsInt64()).ToList());
            var activities = state[2].Rows.ToDictionary(r => r[0].AsInt64(), r => (int)r[1].AsInt64());
            var merged = state[3].Rows.ToDictionary(r => r[0].AsInt64(), r => r[1].AsInt64());
            var decision = ImportUndoRules.Decide(job.Id, changes, new ImportUndoState(companies, projects, merged, activities));
            if (decision.Plan is not { } plan)
            {
                await transaction.RollbackAsync(token);
                return new ImportUndoOutcome(false, decision);
            }

            var now = at.ToString("O", CultureInfo.InvariantCulture);
            await transaction.RunAsync(
            [
                Cypher(Neo4jTieSummaries.TouchSection, ("candidateIds", plan.Remove.ToList())),
                Cypher("UNWIND $ids AS id MATCH (c:Company {id: id}) DETACH DELETE c", ("ids", plan.Remove.ToList())),
                Cypher("""
                    UNWIND $rows AS row
                    MATCH (c:Company {id: row.id})
                    SET c += row.properties
                    WITH c, row
                    OPTIONAL MATCH (c)-[old:LOCATED_IN]->(r:Region) WHERE r.code <> row.region
                    DELETE old
                    WITH DISTINCT c, row
                    MATCH (r:Region {code: row.region})
                    MERGE (c)-[:LOCATED_IN]->(r)
                    """, ("rows", plan.Restore.Select(c => new Dictionary<string, object?>
                    {
                        ["id"] = c.Id,
                        ["region"] = c.RegionCode,
                        ["properties"] = new CompanyState(c).Properties(now, withIdentity: false),
                    }).ToList())),
                Cypher($$"""
                    UNWIND $rows AS row
                    MATCH (:Company {id: row.id})-[m:IN_SEGMENT]->(s) WHERE s.code = row.membership.segment
                    SET m = row.membership, m.chainCode = {{TargetChain}}
                    """, ("rows", plan.RestoreMemberships.Select(x => new Dictionary<string, object?> { ["id"] = x.CompanyId, ["membership"] = MembershipProperties(x.Membership) }).ToList())),
                Cypher("""
                    UNWIND $rows AS row
                    MATCH (:Company {id: row.id})-[m:IN_SEGMENT]->(s) WHERE s.code = row.segment
                    DELETE m
                    """, ("rows", plan.RemoveMemberships.Select(x => new Dictionary<string, object?> { ["id"] = x.CompanyId, ["segment"] = x.SegmentCode }).ToList())),
                .. SyncCandidates(ids),
                Cypher("MATCH (j:ImportJob {id: $id}) SET j.state = $state, j.message = $message", ("id", job.Id), ("state", job.State.ToWire()), ("message", job.Message)),
            ], token);
            await transaction.CommitAsync(token);
            return new ImportUndoOutcome(false, decision);
        }, cancellationToken);
}
