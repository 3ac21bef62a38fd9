using ChainMap.Import;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Analysts' company edits and deletes (ADR 0185) on <c>(:Company {..., version})</c> (a node without <c>version</c> is
/// version 1). Each write is one statement (one transaction) that checks the version before it writes. It also moves
/// the company sequence's epoch, the write guard of ADR 0031, so an import batch that read the company before the edit
/// decides again instead of writing over it, and waits while an import session holds the sequence.
/// </summary>
internal sealed partial class Neo4jStore
{
    private const string TakeWriteGuard = """
        MERGE (q:Sequence {name: $sequence})
        ON CREATE SET q.next = 0, q.epoch = ''
        SET q.epoch = $token
        WITH q
        """ + "\n";

    public async Task<StoredCompany?> GetCompanyForEditAsync(long id, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($"MATCH (c:Company {{id: $id}}) RETURN {CompanyMap} AS company", ("id", id)), cancellationToken);
        return result.Rows.Count == 0 ? null : CompanyState.Read(result.Rows[0][0], default).Company;
    }

    public async Task<IReadOnlyList<StoredCompany>> FindCompaniesByNameKeyAsync(string nameKey, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($"MATCH (c:Company {{nameKey: $name}}) RETURN {CompanyMap} AS company ORDER BY c.id", ("name", nameKey)), cancellationToken);
        return result.Rows.Select(row => CompanyState.Read(row[0], default).Company).ToList();
    }

    public async Task<CompanyWriteResult> SaveCompanyEditAsync(StoredCompany company, long expectedVersion, bool regionChanged, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var results = await RunAsync([Cypher(TakeWriteGuard + """
            OPTIONAL MATCH (c:Company {id: $id})
            WITH c, c IS NOT NULL AND coalesce(c.version, 1) = $expected AS ok
            FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END | SET c += $properties, c.version = coalesce(c.version, 1) + 1)
            WITH c, ok
            OPTIONAL MATCH (c)-[old:LOCATED_IN]->(:Region) WHERE ok AND $relocate
            DELETE old
            WITH DISTINCT c, ok
            OPTIONAL MATCH (r:Region {code: $region}) WHERE ok AND $relocate
            FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (c)-[:LOCATED_IN]->(r))
            RETURN c IS NOT NULL AS found, ok, coalesce(c.version, 1) AS version
            """,
            ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N")), ("id", company.Id), ("expected", expectedVersion),
            ("properties", new CompanyState(company).Properties(Instant(at), withIdentity: false)), ("relocate", regionChanged), ("region", company.RegionCode)),
            .. SyncCandidates([company.Id])], cancellationToken);
        var row = results[0].Rows[0];
        return !row[0].AsBoolean() ? CompanyWriteResult.NotFound
            : new CompanyWriteResult(row[1].AsBoolean() ? CompanyWriteStatus.Written : CompanyWriteStatus.VersionConflict, row[2].AsInt64(), []);
    }

    public async Task<CompanyWriteResult> DeleteCompanyAsync(long id, long expectedVersion, CancellationToken cancellationToken)
    {
        // Projects and activities refer to a company by its id, without a relationship: they must not lose it. Its relation
        // partners' tie summaries go behind while its relations still stand (ADR 0465), under the write guard the delete takes.
        var results = await RunAsync([Cypher(TakeWriteGuard + Neo4jTieSummaries.TouchSection, ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N")), ("candidateIds", new[] { id })),
            Cypher(TakeWriteGuard + """
            OPTIONAL MATCH (c:Company {id: $id})
            OPTIONAL MATCH (p:Project {companyId: $id})
            WITH c, p ORDER BY p.id
            WITH c, [x IN collect({id: p.id, name: p.name}) WHERE x.id IS NOT NULL] AS projects
            OPTIONAL MATCH (a:Activity {companyId: $id}) WHERE a.projectId IS NULL
            WITH c, projects, count(a) AS activities
            WITH c, projects, activities, c IS NOT NULL AS found, coalesce(c.version, 1) AS version
            WITH c, projects, activities, found, version, found AND version = $expected AND size(projects) = 0 AND activities = 0 AS ok
            FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END | DETACH DELETE c)
            RETURN found, ok, version, projects, activities
            """,
            ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N")), ("id", id), ("expected", expectedVersion)),
            .. SyncCandidates([id])], cancellationToken);
        var row = results[1].Rows[0];
        if (!row[0].AsBoolean())
        {
            return CompanyWriteResult.NotFound;
        }

        var version = row[2].AsInt64();
        if (row[1].AsBoolean())
        {
            return new CompanyWriteResult(CompanyWriteStatus.Written, version, []);
        }

        if (version != expectedVersion)
        {
            return new CompanyWriteResult(CompanyWriteStatus.VersionConflict, version, []);
        }

        var projects = row[3].EnumerateArray()
            .Select(p => new CompanyProjectReference(p.Get("id").AsInt64(), p.Get("name").AsString() ?? string.Empty))
            .ToList();
        return new CompanyWriteResult(CompanyWriteStatus.Referenced, version, projects, (int)row[4].AsInt64());
    }
}
