using ChainMap.Seeding;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The demo set (ADR 0195) in one explicit transaction: <c>(:ImportRun {fileName})</c> of the demo file and their
/// <c>(:ImportChange)</c> log, the companies they created, the projects and activities on them, and the channels, links
/// and relations of the demo's source. <see cref="DemoRules"/> decides. A removal first locks the company sequence, as
/// imports, merges and undos do, so that no import matches a demo company while it is being removed.
/// </summary>
internal sealed partial class Neo4jStore
{
    public Task<DemoOutcome> SurveyDemoAsync(DemoIdentity identity, CancellationToken cancellationToken) => DemoAsync(identity, remove: false, cancellationToken);

    public Task<DemoOutcome> RemoveDemoAsync(DemoIdentity identity, CancellationToken cancellationToken) => DemoAsync(identity, remove: true, cancellationToken);

    private Task<DemoOutcome> DemoAsync(DemoIdentity identity, bool remove, CancellationToken cancellationToken) =>
        ExecuteOpeningAsync(async (server, token) =>
        {
            ArgumentNullException.ThrowIfNull(identity);
            var relations = string.Join('|', RelationTypes.Values);
            await using var transaction = await server.Transport.BeginAsync(token);
            var lockStatements = remove
                ? new List<CypherStatement>
                {
                    Cypher("""
                        MERGE (q:Sequence {name: $sequence})
                        ON CREATE SET q.next = 0
                        SET q.lockedBy = $token, q.epoch = $token
                        """, ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N"))),
                }
                : [];
            var log = await transaction.RunAsync(
            [
                .. lockStatements,
                Cypher("""
                    MATCH (r:ImportRun) WHERE r.fileName = $file
                    OPTIONAL MATCH (x:ImportChange {jobId: r.id})
                    WITH r, collect(x) AS entries
                    RETURN r.id, r.at, size(entries) > 0, [x IN entries WHERE x.before IS NULL | [x.firstId, x.lastId]]
                    ORDER BY r.at, r.id
                    """, ("file", identity.CompanyFile)),
            ], token);
            var runRows = log[^1].Rows;
            var runs = runRows.Select(r => new DemoRun(r[0].AsRequiredString(), r[1].AsString() ?? string.Empty, r[2].AsBoolean())).ToList();
            var created = runRows.SelectMany(r => r[3].EnumerateArray().Select(g => new DemoCreatedRange(r[0].AsRequiredString(), g[0].AsInt64(), g[1].AsInt64()))).ToList();
            var rangeIds = created.SelectMany(g => Enumerable.Range(0, (int)(g.LastId - g.FirstId + 1)).Select(i => g.FirstId + i)).Distinct().ToList();
            var unlogged = runs.Where(r => !r.Logged).Select(r => r.At).ToList();
            var candidates = new Dictionary<long, DemoCandidate>();
            if (runs.Count > 0)
            {
                var reads = new List<CypherStatement> { Cypher("UNWIND $ids AS id MATCH (c:Company {id: id}) RETURN c.id, c.name, c.createdAt", ("ids", rangeIds)) };
                if (unlogged.Count > 0)
                {
                    // Runs from before change logs (ADR 0191): the companies created at the run's time.
                    reads.Add(Cypher("MATCH (c:Company) WHERE c.createdAt IN $ats RETURN c.id, c.name, c.createdAt", ("ats", unlogged)));
                }

                foreach (var row in (await transaction.RunAsync(reads, token)).SelectMany(r => r.Rows))
                {
                    candidates[row[0].AsInt64()] = new DemoCandidate(row[0].AsInt64(), row[1].AsString() ?? string.Empty, row[2].AsString() ?? string.Empty);
                }
            }

            var candidateIds = candidates.Keys.ToList();
            var refs = await transaction.RunAsync(
            [
                Cypher("UNWIND $ids AS id MATCH (p:Project {companyId: id}) RETURN p.id, p.name, id ORDER BY p.id", ("ids", candidateIds)),
                Cypher("UNWIND $ids AS id MATCH (a:Activity {companyId: id}) RETURN id, count(a)", ("ids", candidateIds)),
            ], token);
            var footprint = new DemoFootprint(
                runs,
                created,
                candidates.Values.ToList(),
                refs[0].Rows.Select(r => new DemoProjectReference(r[0].AsInt64(), r[1].AsString() ?? string.Empty, r[2].AsInt64())).ToList(),
                refs[1].Rows.ToDictionary(r => r[0].AsInt64(), r => (int)r[1].AsInt64()));
            var decision = DemoRules.Decide(footprint);
            var ids = decision.Companies.ToList();
            var counted = await transaction.RunAsync(
            [
                Cypher("MATCH (h:Channel) WHERE h.source STARTS WITH $prefix RETURN count(h)", ("prefix", identity.SourcePrefix)),
                Cypher("""
                    MATCH (h:Channel)-[l:LINKS]->(x)
                    WHERE l.source STARTS WITH $prefix OR h.source STARTS WITH $prefix OR (x:Channel AND x.source STARTS WITH $prefix)
                    RETURN collect(id(l))
                    """, ("prefix", identity.SourcePrefix)),
                Cypher("UNWIND $ids AS id MATCH (:Company {id: id})<-[l:LINKS]-(:Channel) RETURN collect(id(l))", ("ids", ids)),
                Cypher($"MATCH (:Company)-[r:{relations}]->(:Company) WHERE r.source STARTS WITH $prefix RETURN collect(id(r))", ("prefix", identity.SourcePrefix)),
                Cypher($"UNWIND $ids AS id MATCH (:Company {{id: id}})-[r:{relations}]-(:Company) RETURN collect(id(r))", ("ids", ids)),
            ], token);
            long Distinct(params int[] results) => results.SelectMany(i => counted[i].Rows.SelectMany(r => r[0].EnumerateArray().Select(v => v.AsInt64()))).Distinct().LongCount();
            var counts = new DemoCounts(ids.Count, counted[0].Rows[0][0].AsInt64(), Distinct(1, 2), Distinct(3, 4), runs.Count);
            if (!remove || decision.Refused || !counts.Any)
            {
                await transaction.RollbackAsync(token);
                return new DemoOutcome(decision, counts, Removed: false);
            }

            await transaction.RunAsync(
            [
                // The demo's relations and links may tie any company: every tie summary goes behind (ADR 0465).
                Neo4jTieSummaries.TouchAll,
                Cypher("MATCH (:Channel)-[l:LINKS]->() WHERE l.source STARTS WITH $prefix DELETE l", ("prefix", identity.SourcePrefix)),
                Cypher($"MATCH (:Company)-[r:{relations}]->(:Company) WHERE r.source STARTS WITH $prefix DELETE r", ("prefix", identity.SourcePrefix)),
                Cypher("MATCH (h:Channel) WHERE h.source STARTS WITH $prefix DETACH DELETE h", ("prefix", identity.SourcePrefix)),
                Cypher("UNWIND $ids AS id MATCH (c:Company {id: id}) DETACH DELETE c", ("ids", ids)),
                .. SyncCandidates(ids),
                Cypher("UNWIND $runs AS run MATCH (x:ImportChange {jobId: run}) DELETE x", ("runs", decision.Runs.ToList())),
                Cypher("UNWIND $runs AS run MATCH (r:ImportRun {id: run}) DELETE r", ("runs", decision.Runs.ToList())),
            ], token);
            await transaction.CommitAsync(token);
            return new DemoOutcome(decision, counts, Removed: true);
        }, cancellationToken);
}
