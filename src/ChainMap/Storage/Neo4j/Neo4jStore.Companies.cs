using System.Globalization;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// <c>(:Company {id, key, uscc, name, nameKey, regionCode, provinceCode, cityCode, countyCode, ...,
/// strength, provenance})</c> with the province, city and county codes denormalised for index-backed
/// region filters; <c>(:Company)-[:LOCATED_IN]-&gt;(:Region)</c>;
/// <c>(:Company)-[:IN_SEGMENT {role, confidence, evidence, source, status, chainCode}]-&gt;(:Segment)</c> (a missing
/// status is 'confirmed': relationships stored before statuses existed; discovery reads only confirmed ones, <see cref="Confirmed"/>);
/// <c>(:Company)-[:SUPPLIES|INVESTS_IN|CONTROLS {note, source}]-&gt;(:Company)</c>;
/// <c>(:ImportRun {id, fileName, at})</c>; ids from <c>(:Sequence {name: 'company', next, epoch})</c>.
/// </summary>
internal sealed partial class Neo4jStore
{
    /// <summary>A company node <c>c</c> as one map value; read with <see cref="CompanyState.Read"/>.</summary>
    internal const string CompanyMap = """
        {id: c.id, key: c.key, uscc: c.uscc, name: c.name, nameKey: c.nameKey, regionCode: c.regionCode,
         provinceCode: c.provinceCode, cityCode: c.cityCode, countyCode: c.countyCode, registeredCapital: c.registeredCapital,
         founded: c.founded, employees: c.employees, revenue: c.revenue, listedCode: c.listedCode, tags: c.tags,
         products: c.products, address: c.address, industry: c.industry, scope: c.scope, strength: c.strength, provenance: c.provenance,
         version: coalesce(c.version, 1)}
        """;

    /// <summary>The memberships of <c>c</c> after <c>OPTIONAL MATCH (c)-[m:IN_SEGMENT]-&gt;(s:Segment)</c>, as a list of maps.</summary>
    internal const string MembershipList =
        "collect(CASE WHEN s IS NULL THEN null ELSE {segment: s.code, role: m.role, confidence: m.confidence, evidence: m.evidence, source: m.source, status: m.status} END)";

    /// <summary>
    /// <see cref="MembershipList"/> for an import's read after <c>OPTIONAL MATCH (c)-[m:IN_SEGMENT|REJECTED_SEGMENT]-&gt;(s)</c>:
    /// an analyst's rejection (ADR 0180) comes as a membership of status "rejected", which the merge never writes over.
    /// </summary>
    internal const string ImportMembershipList =
        "collect(CASE WHEN s IS NULL THEN null WHEN type(m) = 'REJECTED_SEGMENT' THEN {segment: s.code, role: null, confidence: 0.0, evidence: null, source: 'analyst', status: 'rejected'} " +
        "ELSE {segment: s.code, role: m.role, confidence: m.confidence, evidence: m.evidence, source: m.source, status: m.status} END)";

    private const string CompanySequence = "company";

    /// <summary>
    /// Finds what a membership names as <c>s</c> (ADR 0370): the segment of code <paramref name="code"/>, or the chain of that code for a
    /// chain-level membership (环节待定; no segment carries a chain's code); a row naming neither goes. <paramref name="carry"/> lists the
    /// variables kept. The membership's chain is then <see cref="TargetChain"/>.
    /// </summary>
    internal static string MembershipTarget(string code, string carry) =>
        "\nOPTIONAL MATCH (seg:Segment {code: " + code + "})\n"
        + "OPTIONAL MATCH (whole:Chain {code: " + code + "})\n"
        + "WITH " + carry + ", coalesce(seg, whole) AS s WHERE s IS NOT NULL\n";

    /// <summary>The chain of a membership's target <c>s</c> (<see cref="MembershipTarget"/>): a segment's chain, or the chain itself.</summary>
    internal const string TargetChain = "coalesce(s.chainCode, s.code)";

    /// <summary>Orders the change log entries of an import (one process runs a job; entries only need to follow each other).</summary>
    private static long changeSeq;

    /// <summary>True when membership <c>m</c> counts in discovery: confirmed, or stored before statuses existed.</summary>
    internal const string Confirmed = "coalesce(m.status, 'confirmed') = 'confirmed'";

    /// <summary>Starts a section of an upsert's write: it runs only when this writer's guard passed.</summary>
    private const string Guarded = """
        MATCH (q:Sequence {name: $sequence}) WHERE q.epoch = $token
        WITH q
        """ + "\n";

    private static readonly Dictionary<CompanyRelationKind, string> RelationTypes = new()
    {
        [CompanyRelationKind.Supplies] = "SUPPLIES",
        [CompanyRelationKind.InvestsIn] = "INVESTS_IN",
        [CompanyRelationKind.Controls] = "CONTROLS",
    };

    /// <summary>
    /// Reads what the batch names (one transaction), decides every row in C# exactly as SQLite does
    /// (<see cref="Neo4jCompanyBatch"/>), then writes the result with one statement of UNWIND
    /// sections (one request, one transaction, on either API). The write first locks the company
    /// sequence node and checks that nobody wrote since the read (optimistic concurrency); if
    /// somebody did, it writes nothing and the whole upsert runs again. So a batch commits whole or
    /// not at all, and a re-run after a failure neither loses nor doubles rows. Not on the port (docs/adr/0160): features
    /// write companies through <see cref="ICompanyImportStore.BeginCompanyImportAsync"/>; this implicit-transaction path is
    /// kept on the adapter for the Neo4j resilience tests that exercise its optimistic write guard.
    /// </summary>
    internal Task<IReadOnlyList<UpsertOutcome>> UpsertCompaniesAsync(IReadOnlyList<CompanyRecord> batch, ImportStamp stamp, CancellationToken cancellationToken) =>
        ExecuteAsync((server, token) => UpsertBatchAsync(server.Transport.RunAsync, batch, stamp, lockFirst: false, token), cancellationToken);

    /// <summary>
    /// Reads, decides and writes one batch through <paramref name="run"/>: separate implicit transactions
    /// (guarded by the sequence epoch), or the statements of one explicit transaction. With
    /// <paramref name="lockFirst"/> the read first takes the company sequence's write lock, which the
    /// transaction then holds until it ends, so nobody can write companies between its read and its write.
    /// </summary>
    private static async Task<IReadOnlyList<UpsertOutcome>> UpsertBatchAsync(
        Func<IReadOnlyList<CypherStatement>, CancellationToken, Task<IReadOnlyList<Neo4jResult>>> run,
        IReadOnlyList<CompanyRecord> batch,
        ImportStamp stamp,
        bool lockFirst,
        CancellationToken token)
    {
        var usccs = batch.Where(r => r.Uscc is not null).Select(r => r.Uscc!).Distinct(StringComparer.Ordinal).ToList();
        var names = batch.Select(r => r.NameKey).Distinct(StringComparer.Ordinal).ToList();
        var segmentCodes = batch.SelectMany(r => r.Memberships).Select(m => m.SegmentCode).Distinct(StringComparer.Ordinal).ToList();
        var read = await run(
        [
            lockFirst
                ? Cypher("""
                    MERGE (q:Sequence {name: $sequence})
                    ON CREATE SET q.next = 0, q.epoch = ''
                    SET q.lockedBy = $token
                    RETURN q.epoch AS epoch, q.next AS next
                    """, ("sequence", CompanySequence), ("token", Guid.NewGuid().ToString("N")))
                : Cypher("OPTIONAL MATCH (q:Sequence {name: $sequence}) RETURN coalesce(q.epoch, '') AS epoch, coalesce(q.next, 0) AS next", ("sequence", CompanySequence)),
            Cypher($$"""
                UNWIND $usccs AS uscc
                MATCH (c:Company {uscc: uscc})
                OPTIONAL MATCH (c)-[m:IN_SEGMENT|REJECTED_SEGMENT]->(s)
                RETURN {{CompanyMap}} AS company, {{ImportMembershipList}} AS memberships
                UNION
                UNWIND $names AS name
                MATCH (c:Company {nameKey: name})
                OPTIONAL MATCH (c)-[m:IN_SEGMENT|REJECTED_SEGMENT]->(s)
                RETURN {{CompanyMap}} AS company, {{ImportMembershipList}} AS memberships
                """, ("usccs", usccs), ("names", names)),
            Cypher("UNWIND $codes AS code\n" + MembershipTarget("code", "code") + "RETURN s.code", ("codes", segmentCodes)),
        ], token);

        var epoch = read[0].Rows[0][0].AsRequiredString();
        var plan = new Neo4jCompanyBatch(
            read[1].Rows.Select(row => CompanyState.Read(row[0], row[1])),
            read[2].Rows.Select(row => row[0].AsRequiredString()),
            read[0].Rows[0][1].AsInt64(),
            stamp);
        var outcomes = plan.Apply(batch);

        var at = stamp.At.ToString("O", CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, object?>
        {
            ["sequence"] = CompanySequence,
            ["token"] = Guid.NewGuid().ToString("N"),
            ["epoch"] = epoch,
            ["next"] = plan.LastId,
            ["importId"] = stamp.ImportId,
            ["file"] = stamp.FileName,
            ["at"] = at,
        };

        // One statement, so one request and one transaction on either API: the guard, then one
        // section per kind of change, each running only when the guard let this writer through.
        var sections = new List<string>
        {
            """
            MERGE (q:Sequence {name: $sequence})
            ON CREATE SET q.next = 0, q.epoch = ''
            SET q.lockedBy = $token
            WITH q WHERE q.epoch = $epoch
            SET q.epoch = $token, q.next = $next
            """,
            Guarded + "MERGE (r:ImportRun {id: $importId}) ON CREATE SET r.fileName = $file, r.at = $at",
        };

        if (plan.Created.Select(c => new Dictionary<string, object?>
            {
                ["properties"] = c.Properties(at, withIdentity: true),
                ["region"] = c.RegionCode,
                ["memberships"] = c.Memberships.Values.Select(MembershipProperties).ToList(),
            }).ToList() is { Count: > 0 } created)
        {
            // New companies have no relationships yet: CREATE them without the checks of MERGE.
            parameters["created"] = created;
            sections.Add(Guarded + """
                UNWIND $created AS row
                CREATE (c:Company)
                SET c = row.properties
                WITH c, row
                OPTIONAL MATCH (r:Region {code: row.region})
                FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (c)-[:LOCATED_IN]->(r))
                WITH c, row
                UNWIND row.memberships AS membership
                """ + MembershipTarget("membership.segment", "c, membership") + $"""
                CREATE (c)-[m:IN_SEGMENT]->(s)
                SET m = membership, m.chainCode = {TargetChain}
                """);
        }

        // The change log (ADR 0191): the new companies as one id range, each changed company's values before.
        var changes = plan.Changes.Select(b => new Dictionary<string, object?>
        {
            ["seq"] = Interlocked.Increment(ref changeSeq), ["first"] = b.Id, ["last"] = b.Id, ["before"] = b.ToJson(),
        }).ToList();
        var firstNew = read[0].Rows[0][1].AsInt64() + 1;
        if (plan.LastId >= firstNew)
        {
            changes.Add(new Dictionary<string, object?> { ["seq"] = Interlocked.Increment(ref changeSeq), ["first"] = firstNew, ["last"] = plan.LastId, ["before"] = null });
        }

        if (changes.Count > 0)
        {
            parameters["changes"] = changes;
            sections.Add(Guarded + """
                UNWIND $changes AS row
                CREATE (x:ImportChange {jobId: $importId, seq: row.seq, firstId: row.first, lastId: row.last})
                SET x.before = row.before
                """);
        }

        if (plan.Updated.Select(c => new Dictionary<string, object?> { ["id"] = c.Id, ["properties"] = c.Properties(at, withIdentity: false) }).ToList() is { Count: > 0 } updated)
        {
            parameters["updated"] = updated;
            sections.Add(Guarded + "UNWIND $updated AS row MATCH (c:Company {id: row.id}) SET c += row.properties, c.version = coalesce(c.version, 1) + 1");
        }

        if (plan.Relocated.Select(c => new Dictionary<string, object?> { ["id"] = c.Id, ["region"] = c.RegionCode }).ToList() is { Count: > 0 } relocated)
        {
            parameters["relocated"] = relocated;
            sections.Add(Guarded + """
                UNWIND $relocated AS row
                MATCH (c:Company {id: row.id})
                OPTIONAL MATCH (c)-[old:LOCATED_IN]->(:Region)
                DELETE old
                WITH DISTINCT c, row
                MATCH (r:Region {code: row.region})
                MERGE (c)-[:LOCATED_IN]->(r)
                """);
        }

        if (plan.ChangedMemberships.Select(x => new Dictionary<string, object?>
            {
                ["id"] = x.Company.Id,
                ["membership"] = MembershipProperties(x.Membership),
            }).ToList() is { Count: > 0 } memberships)
        {
            parameters["memberships"] = memberships;
            sections.Add(Guarded + """
                UNWIND $memberships AS row
                WITH row, row.id AS companyId, row.membership.segment AS segmentCode
                MATCH (c:Company {id: companyId})
                """ + MembershipTarget("segmentCode", "c, row") + $"""
                MERGE (c)-[m:IN_SEGMENT]->(s)
                SET m = row.membership, m.chainCode = {TargetChain}
                """);
        }

        // The candidate index (ADR 0250) of every company this batch wrote, rebuilt from what the sections above left, and the
        // segment counts (ADR 0270) moved with it.
        var synced = plan.Created.Select(c => c.Id).Concat(plan.Updated.Select(c => c.Id)).Concat(plan.Relocated.Select(c => c.Id))
            .Concat(plan.ChangedMemberships.Select(x => x.Company.Id)).Distinct().Order().ToList();
        if (synced.Count > 0)
        {
            parameters["candidateIds"] = synced;
            sections.Add(Guarded + Neo4jTieSummaries.TouchSection);
            sections.Add(Guarded + Neo4jSegmentCounts.SubtractSection);
            sections.Add(Guarded + Neo4jCandidates.DeleteSection);
            sections.Add(Guarded + Neo4jCandidates.CreateSection);
            sections.Add(Guarded + Neo4jSegmentCounts.AddSection);
            sections.Add(Guarded + Neo4jTieSummaries.TouchSection);
        }

        // An aggregate without grouping keys always yields one row, so every section runs
        // whatever the previous one matched; the last lines say whether the guard let us through.
        var statement = string.Join("\nWITH count(*) AS done\n", sections)
            + "\nWITH count(*) AS done\nMATCH (q:Sequence {name: $sequence})\nRETURN q.epoch = $token AS written";
        var written = await run([new CypherStatement(statement, parameters)], token);
        if (written[0].Rows.Count == 0 || !written[0].Rows[0][0].AsBoolean())
        {
            throw new Neo4jConflictException("another writer changed companies while this batch was being prepared; nothing of it was written");
        }

        return outcomes;
    }

    /// <summary>The properties of an <c>IN_SEGMENT</c> relationship (its segment code included, so that a re-read is exact).</summary>
    private static Dictionary<string, object?> MembershipProperties(SegmentMembership membership) => new()
    {
        ["segment"] = membership.SegmentCode,
        ["role"] = membership.Role,
        ["confidence"] = membership.Confidence,
        ["evidence"] = membership.Evidence,
        ["source"] = membership.Source,
        ["status"] = membership.Status.ToWire(),
    };

    public Task<Company?> GetCompanyAsync(long id, CancellationToken cancellationToken) =>
        ReadCompanyAsync("MATCH (c:Company {id: $value})", id, cancellationToken);

    public Task<Company?> GetCompanyByUsccAsync(string uscc, CancellationToken cancellationToken) =>
        ReadCompanyAsync("MATCH (c:Company {uscc: $value})", uscc, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> FindCompanyIdsAsync(IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            Cypher("UNWIND $keys AS key MATCH (c:Company {key: key}) RETURN c.key, c.id", ("keys", identityKeys.Distinct(StringComparer.Ordinal).ToList())),
            cancellationToken);
        return result.Rows.ToDictionary(row => row[0].AsRequiredString(), row => row[1].AsInt64(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Starts from the most selective filter the query has (its segments; its regions when none is a
    /// province; its chain; its regions; else all companies), so that a big segment or region is
    /// expanded only when it is the filter, and checks the others on the way. Counting and paging
    /// share one pass: the matches are sorted once, counted, and the page is cut from them.
    /// </summary>
    public async Task<Paged<Company>> SearchCompaniesAsync(CompanyQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<(string, object?)>
        {
            ("skip", (long)(query.Page - 1) * query.PageSize),
            ("limit", (long)query.PageSize),
        };
        var where = new List<string>();
        var regions = query.RegionCodes is { Count: > 0 } codes ? new RegionFilter(codes) : null;
        var segments = query.SegmentCodes is { Count: > 0 };
        var chain = !segments && !string.IsNullOrEmpty(query.ChainCode);
        string match;
        if (segments)
        {
            match = "MATCH (s:Segment) WHERE s.code IN $segments\nMATCH (s)<-[:IN_SEGMENT]-(c:Company)\nWITH DISTINCT c\n";
            parameters.Add(("segments", query.SegmentCodes!.ToList()));
        }
        else if (regions is { IsNarrow: true } || (regions is not null && !chain))
        {
            match = regions.Match();
        }
        else if (chain)
        {
            // The chain's segments and the chain itself (its chain-level memberships, ADR 0370).
            match = "MATCH (:Chain {code: $chain})<-[:PART_OF*0..1]-()<-[:IN_SEGMENT {chainCode: $chain}]-(c:Company)\nWITH DISTINCT c\n";
        }
        else if (string.IsNullOrEmpty(query.NameContains))
        {
            return await ListCompaniesAsync(query, cancellationToken);
        }
        else
        {
            match = "MATCH (c:Company)\n";
        }

        if (regions is not null)
        {
            parameters.AddRange(regions.Parameters);
            if (!match.Contains("$regions", StringComparison.Ordinal))
            {
                where.Add(regions.Predicate());
            }
        }

        if (chain)
        {
            parameters.Add(("chain", query.ChainCode));
            if (!match.Contains("$chain", StringComparison.Ordinal))
            {
                where.Add("(c)-[:IN_SEGMENT {chainCode: $chain}]->()");
            }
        }

        if (!string.IsNullOrEmpty(query.NameContains))
        {
            where.Add("c.nameKey CONTAINS $name");
            parameters.Add(("name", query.NameContains));
        }

        var filter = match + (where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where) + "\n");
        var result = await RunAsync(
            Cypher(filter + $$"""
                WITH c ORDER BY c.strength DESC, c.id
                WITH collect(c) AS found
                WITH size(found) AS total, found[$skip..$skip + $limit] AS page
                UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS c
                OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                WITH total, c, {{MembershipList}} AS memberships
                RETURN total, CASE WHEN c IS NULL THEN null ELSE {{CompanyMap}} END AS company, memberships
                """, [.. parameters]),
            cancellationToken);

        var items = result.Rows
            .Where(row => !row[1].IsNull())
            .Select(row => CompanyState.Read(row[1], row[2]))
            .OrderByDescending(c => c.Strength).ThenBy(c => c.Id)
            .Select(c => c.ToCompany())
            .ToList();
        return new Paged<Company>(items, query.Page, query.PageSize, result.Rows.Count == 0 ? 0 : result.Rows[0][0].AsInt64());
    }

    /// <summary>No filter: the count store answers the total, a top-k sort the page.</summary>
    private async Task<Paged<Company>> ListCompaniesAsync(CompanyQuery query, CancellationToken cancellationToken)
    {
        var results = await RunAsync(
        [
            "MATCH (c:Company) RETURN count(c)",
            Cypher($$"""
                MATCH (c:Company)
                WITH c ORDER BY c.strength DESC, c.id SKIP $skip LIMIT $limit
                OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                RETURN {{CompanyMap}} AS company, {{MembershipList}} AS memberships
                """, ("skip", (long)(query.Page - 1) * query.PageSize), ("limit", (long)query.PageSize)),
        ], cancellationToken);
        var items = results[1].Rows
            .Select(row => CompanyState.Read(row[0], row[1]))
            .OrderByDescending(c => c.Strength).ThenBy(c => c.Id)
            .Select(c => c.ToCompany())
            .ToList();
        return new Paged<Company>(items, query.Page, query.PageSize, results[0].Rows[0][0].AsInt64());
    }

    public async Task<long> CountCompaniesAsync(CancellationToken cancellationToken) =>
        (await RunAsync("MATCH (c:Company) RETURN count(c)", cancellationToken)).Rows[0][0].AsInt64();

    /// <summary>
    /// Merges relations by (from, to, kind) in one transaction. Repeats within the call are folded
    /// first (the last note and source given win, as SQLite's insert-then-update does), so
    /// "new" counts each relation once.
    /// </summary>
    public async Task<int> SaveRelationsAsync(IReadOnlyList<CompanyRelation> relations, CancellationToken cancellationToken)
    {
        var folded = new Dictionary<(long, long, CompanyRelationKind), (string? Note, string? Source)>();
        var order = new List<(long From, long To, CompanyRelationKind Kind)>();
        foreach (var relation in relations)
        {
            var key = (relation.FromCompanyId, relation.ToCompanyId, relation.Kind);
            if (folded.TryGetValue(key, out var current))
            {
                folded[key] = (relation.Note ?? current.Note, relation.Source ?? current.Source);
            }
            else
            {
                folded[key] = (relation.Note, relation.Source);
                order.Add(key);
            }
        }

        var statements = new List<CypherStatement>();
        foreach (var (kind, type) in RelationTypes)
        {
            var rows = order.Where(k => k.Kind == kind).Select(k => new Dictionary<string, object?>
            {
                ["from"] = k.From,
                ["to"] = k.To,
                ["note"] = folded[k].Note,
                ["source"] = folded[k].Source,
            }).ToList();
            if (rows.Count > 0)
            {
                // The relationship type comes from the fixed table above, never from input. The values are
                // named by WITH first: with two `{id: row.x}` patterns Neo4j 3.1 plans two index scans and a
                // hash join per row instead of two index seeks (minutes at 100,000 companies).
                statements.Add(Cypher($$"""
                    UNWIND $rows AS row
                    WITH row, row.from AS fromId, row.to AS toId
                    MATCH (a:Company {id: fromId})
                    MATCH (b:Company {id: toId})
                    OPTIONAL MATCH (a)-[old:{{type}}]->(b)
                    WITH a, b, row, count(old) AS existing
                    MERGE (a)-[r:{{type}}]->(b)
                    SET r.note = coalesce(row.note, r.note), r.source = coalesce(row.source, r.source)
                    RETURN sum(CASE WHEN existing = 0 THEN 1 ELSE 0 END) AS added
                    """, ("rows", rows)));
            }
        }

        if (statements.Count == 0)
        {
            return 0;
        }

        // Both ends may now be tied to home: their candidates become findable by the home-tie read (ADR 0300).
        var counted = statements.Count;
        var tiedIds = order.SelectMany(k => new[] { k.From, k.To }).Distinct().ToList();
        statements.Add(Cypher(Neo4jCandidates.MarkTiedSection, ("tiedIds", tiedIds)));
        statements.Add(Cypher(Neo4jTieSummaries.TouchOwnSection, ("tiedIds", tiedIds)));
        var results = await RunAsync(statements, cancellationToken);
        return results.Take(counted).Sum(r => r.Rows.Count == 0 || r.Rows[0][0].IsNull() ? 0 : (int)r.Rows[0][0].AsInt64());
    }

    public async Task<IReadOnlyList<CompanyRelation>> ListRelationsAsync(long companyId, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            Cypher("""
                MATCH (c:Company {id: $id})-[r:SUPPLIES|INVESTS_IN|CONTROLS]-(:Company)
                RETURN DISTINCT startNode(r).id AS fromId, endNode(r).id AS toId, type(r) AS relation, r.note AS note, r.source AS source
                """, ("id", companyId)),
            cancellationToken);
        var kinds = RelationTypes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return result.Rows
            .Select(row => new CompanyRelation(row[0].AsInt64(), row[1].AsInt64(), kinds[row[2].AsRequiredString()], row[3].AsString(), row[4].AsString()))
            .OrderBy(r => r.FromCompanyId == companyId ? 0 : 1)
            .ThenBy(r => r.FromCompanyId == companyId ? r.ToCompanyId : r.FromCompanyId)
            .ThenBy(r => r.Kind.ToWire(), StringComparer.Ordinal)
            .ToList();
    }

    private async Task<Company?> ReadCompanyAsync(string match, object value, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            Cypher(match + $$"""

                OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                RETURN {{CompanyMap}} AS company, {{MembershipList}} AS memberships
                """, ("value", value)),
            cancellationToken);
        return result.Rows.Count == 0 ? null : CompanyState.Read(result.Rows[0][0], result.Rows[0][1]).ToCompany();
    }
}
