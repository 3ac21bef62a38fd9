using System.Text.Json;
using ChainMap.Discovery;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The candidate index of target lists (ADR 0250): one <c>(:Candidate {company, segment, segmentProvince, segmentCity,
/// strength, provinceCode, cityCode, countyCode, registeredCapital, tags})</c> node per confirmed membership, a copy of what a
/// target list filters and orders by, so that a list seeks the members of a segment in a province by one index
/// (<c>segmentProvince</c>, Neo4j 3.x has no composite index) and reads neither the company nor the membership; the
/// statistics seek the home's members by <c>segmentCity</c> and read the segment totals kept with them (ADR 0270).
/// Every write that changes a company or its memberships runs <see cref="SyncCandidates"/> for those companies in its
/// own transaction; <see cref="Neo4jCandidates.MigrateAsync"/> builds the index once for a database that predates it.
/// </summary>
internal sealed partial class Neo4jStore
{
    /// <summary>
    /// Rebuilds the candidate nodes of <paramref name="companyIds"/> from what is stored, and moves the kept segment counts
    /// (ADR 0270) by what their old candidates counted and their new ones count: the statements go last into the
    /// transaction of the write (they see its changes), and are exact whatever the write did (a deleted company's go).
    /// The kept tie summaries (ADR 0465) of the segments of their old and new candidates, and of their relation partners', are
    /// marked behind.
    /// </summary>
    internal static IReadOnlyList<CypherStatement> SyncCandidates(IEnumerable<long> companyIds)
    {
        var ids = companyIds.Distinct().Order().ToList();
        return ids.Count == 0
            ? []
            :
            [
                Cypher(Neo4jTieSummaries.TouchSection, ("candidateIds", ids)),
                Cypher(Neo4jSegmentCounts.SubtractSection, ("candidateIds", ids)),
                Cypher(Neo4jCandidates.DeleteSection, ("candidateIds", ids)),
                Cypher(Neo4jCandidates.CreateSection, ("candidateIds", ids)),
                Cypher(Neo4jSegmentCounts.AddSection, ("candidateIds", ids)),
                Cypher(Neo4jTieSummaries.TouchSection, ("candidateIds", ids)),
            ];
    }

    public async Task<TargetCandidateSet> FindTargetCandidatesAsync(TargetCandidateQuery query, CancellationToken cancellationToken)
    {
        var candidates = CandidateFilter.Of(query);
        var segments = query.SegmentCodes.Distinct(StringComparer.Ordinal).ToList();
        var seek = new CandidateSeek(candidates.Scope, segments);
        var filter = CypherCandidateFilter.OverCandidate(candidates, seek.CoversScope);
        var counted = CypherCandidateFilter.OverCandidate(candidates with { MinStrength = null }, seek.CoversScope);
        var statements = new List<CypherStatement>();
        if (query.PerSegment > 0)
        {
            // The strength floor leaves weak companies out of the candidates; the total still counts them.
            // A list asks for its total alone first (PerSegment 0): then no segment is read and sorted for nothing.
            statements.Add(Cypher($$"""
                {{seek.Match}}
                WHERE {{filter.Where}}
                {{TopCandidates}}
                RETURN code, t[0], t[1]
                """, [.. seek.Parameters, ("per", Math.Max(query.PerSegment, 0)), .. filter.Parameters]));
        }

        // The total from its kept count while no write moved its segments (ADR 0490), else counted again and kept.
        var totalKey = query.CountTotal ? Neo4jTargetTotals.Key(query, segments) : null;
        if (totalKey is not null)
        {
            statements.Add(Neo4jTargetTotals.Read(totalKey, segments));
        }

        if (statements.Count == 0)
        {
            return new TargetCandidateSet([], 0);
        }

        var results = await RunAsync(statements, cancellationToken);
        var found = Candidates(query.PerSegment > 0 ? results[0].Rows : [], segments);
        var total = 0L;
        if (totalKey is not null)
        {
            var kept = results[^1].Rows[0];
            total = kept[1].AsNullableInt64() == kept[0].AsInt64() && kept[2].AsNullableInt64() is { } known
                ? known
                : await CountAndKeepTotalAsync(totalKey, segments, Cypher($$"""
                    {{seek.Match}}
                    WHERE {{counted.Where}}
                    RETURN count(DISTINCT x.company)
                    """, [.. seek.Parameters, .. counted.Parameters]), cancellationToken);
        }

        return new TargetCandidateSet(found, total);
    }

    /// <summary>
    /// A ranking group's candidates and the companies it needs in one request (ADR 0490): the candidates' statement goes on to read
    /// the company of each candidate it keeps (those held left out), the second statement reads <paramref name="alsoIds"/> (the group's
    /// tied companies). A read that also counts the total is the two reads one after the other.
    /// </summary>
    public async Task<TargetCandidatesRead> FindTargetCandidatesWithCompaniesAsync(
        TargetCandidateQuery query, IReadOnlyCollection<long> alsoIds, IReadOnlySet<long> held, CancellationToken cancellationToken)
    {
        if (query.CountTotal || query.PerSegment <= 0)
        {
            return await TargetCandidatesRead.OneAfterTheOtherAsync(this, query, alsoIds, held, cancellationToken);
        }

        var candidates = CandidateFilter.Of(query);
        var segments = query.SegmentCodes.Distinct(StringComparer.Ordinal).ToList();
        var seek = new CandidateSeek(candidates.Scope, segments);
        var filter = CypherCandidateFilter.OverCandidate(candidates, seek.CoversScope);
        var statements = new List<CypherStatement>
        {
            Cypher($$"""
                {{seek.Match}}
                WHERE {{filter.Where}}
                {{TopCandidates}}
                WITH code, t[0] AS id, t[1] AS strength
                OPTIONAL MATCH (c:Company {id: id}) WHERE NOT id IN $held
                OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
                WITH code, id, strength, c, m, s ORDER BY m.confidence DESC, s.code
                RETURN code, id, strength, CASE WHEN c IS NULL THEN null ELSE {{ListedCompanyFields}} END, {{MembershipList}}
                """, [.. seek.Parameters, ("per", query.PerSegment), ("held", held.ToList()), .. filter.Parameters]),
        };
        var also = alsoIds.Where(id => !held.Contains(id)).Distinct().ToList();
        if (also.Count > 0)
        {
            statements.Add(CompaniesStatement(also));
        }

        var results = await RunAsync(statements, cancellationToken);
        var companies = ReadCompanies(results[0].Rows, 3);
        foreach (var (id, company) in results.Count > 1 ? ReadCompanies(results[1].Rows, 0) : [])
        {
            companies[id] = company;
        }

        return new TargetCandidatesRead(new TargetCandidateSet(Candidates(results[0].Rows, segments), 0), [.. companies.Values]);
    }

    /// <summary>Follows a candidates' seek: the strongest <c>$per</c> of each segment as <c>code</c> and <c>t</c> (company, strength).</summary>
    private const string TopCandidates = """
        WITH x.segment AS code, x.company AS company, x.strength AS strength ORDER BY strength DESC, company
        WITH code, collect([company, strength])[0..$per] AS top
        UNWIND top AS t
        """;

    /// <summary>The candidates of rows starting (segment, company, strength), in the segments' order, strongest first.</summary>
    private static List<TargetCandidate> Candidates(IEnumerable<JsonElement[]> rows, List<string> segments) => rows
        .Select(r => new TargetCandidate(r[1].AsInt64(), r[0].AsRequiredString(), r[2].AsDouble()))
        .OrderBy(c => segments.IndexOf(c.SegmentCode))
        .ThenByDescending(c => c.Strength)
        .ThenBy(c => c.CompanyId)
        .ToList();

    /// <summary>
    /// Counts a list's total and keeps it (ADR 0490): the stamps are read before the count in one transaction, so a write that
    /// commits in between leaves the kept total behind its segments' stamps (counted again next time), never ahead of what it holds.
    /// </summary>
    private async Task<long> CountAndKeepTotalAsync(string key, IReadOnlyCollection<string> segments, CypherStatement count, CancellationToken cancellationToken)
    {
        var results = await RunAsync([Neo4jTargetTotals.Read(key, segments), count], cancellationToken);
        var total = results[1].Rows[0][0].AsInt64();
        await RunAsync(Neo4jTargetTotals.Save(key, results[0].Rows[0][0].AsInt64(), total), cancellationToken);
        return total;
    }

    /// <summary>
    /// Where a list's candidates are sought: a scope of provinces only by (segment, province) keys, which then covers the
    /// scope (no predicate needed); any other scope by segment, with the scope as a predicate.
    /// </summary>
    private sealed class CandidateSeek
    {
        public CandidateSeek(RegionScope scope, IReadOnlyList<string> segments)
        {
            if (!scope.IsEverywhere && scope.Provinces.Count > 0 && scope.Cities.Count == 0 && scope.Counties.Count == 0)
            {
                CoversScope = true;
                Match = "UNWIND $candidateKeys AS key\nMATCH (x:Candidate {segmentProvince: key}) USING INDEX x:Candidate(segmentProvince)";
                Parameters = [("candidateKeys", segments.SelectMany(s => scope.Provinces.Select(p => Neo4jCandidates.Key(s, p))).ToList())];
            }
            else
            {
                Match = "UNWIND $segments AS code\nMATCH (x:Candidate {segment: code}) USING INDEX x:Candidate(segment)";
                Parameters = [("segments", segments)];
            }
        }

        /// <summary>True when the seek alone keeps to the scope.</summary>
        public bool CoversScope { get; }

        public string Match { get; }

        public IReadOnlyList<(string Name, object? Value)> Parameters { get; }
    }
}

/// <summary>
/// The candidate nodes' shape and their one-time build (ADR 0250): a database written before the index existed has none,
/// so at the first connection (after the schema) every company's are built once, in id ranges, and a
/// <c>(:Migration {name: 'candidates'})</c> node says it is done.
/// </summary>
internal static class Neo4jCandidates
{
    /// <summary>
    /// Creates the candidates of a bound company <c>c</c> from its confirmed memberships; <c>tieSegment</c> (ADR 0300, indexed) is
    /// the segment when the company has a company relation or a channel link (it may be tied to home), else absent.
    /// </summary>
    internal const string Create = """
        MATCH (c)-[m:IN_SEGMENT]->(s:Segment)
        WHERE coalesce(m.status, 'confirmed') = 'confirmed'
        OPTIONAL MATCH (c)-[tie:SUPPLIES|INVESTS_IN|CONTROLS]-(:Company)
        WITH c, s, count(tie) AS relations
        OPTIONAL MATCH (c)<-[link:LINKS]-(:Channel)
        WITH c, s, relations + count(link) AS ties
        CREATE (:Candidate {company: c.id, segment: s.code, segmentProvince: s.code + '|' + coalesce(c.provinceCode, ''), segmentCity: s.code + '|' + c.cityCode,
            strength: coalesce(c.strength, 0.0), provinceCode: c.provinceCode, cityCode: c.cityCode, countyCode: c.countyCode,
            registeredCapital: c.registeredCapital, tags: c.tags, tieSegment: CASE WHEN ties > 0 THEN s.code ELSE null END})
        """;

    /// <summary>
    /// Marks the candidates of the companies <c>$tiedIds</c> as possibly tied to home (ADR 0300): run by every write that adds a
    /// company relation or a channel link. Removing one leaves the mark (a company marked without ties is read and found untied);
    /// the next rebuild of the company's candidates makes it exact.
    /// </summary>
    internal const string MarkTiedSection = """
        UNWIND $tiedIds AS tiedId
        MATCH (x:Candidate) USING INDEX x:Candidate(company) WHERE x.company = tiedId
        SET x.tieSegment = x.segment
        """;

    /// <summary>
    /// Deletes the candidates of the companies <c>$candidateIds</c> (a statement, or a section of one). The seeks name their
    /// index: Neo4j 3.1 plans a label scan for a label it counted empty when the plan was cached.
    /// </summary>
    internal const string DeleteSection = "MATCH (x:Candidate) USING INDEX x:Candidate(company) WHERE x.company IN $candidateIds DELETE x";

    /// <summary>Creates the candidates of the companies <c>$candidateIds</c> that exist (a statement, or a section of one).</summary>
    internal const string CreateSection = "UNWIND $candidateIds AS candidateId\nMATCH (c:Company {id: candidateId})\n" + Create;

    /// <summary>The version of the candidates' shape; a database marked with an older one builds them again.</summary>
    private const int Version = 3;

    /// <summary>The kept tie summaries (ADR 0465) and list totals (ADR 0490) are built from the candidates: a build of the candidates drops them, each read builds its own again.</summary>
    private const string DropTieSummaries = "MATCH (t:TieSummary) DELETE t";

    /// <summary>Companies per transaction of the one-time build.</summary>
    private const long BuildRange = 10_000;

    /// <summary>The seek key of a segment in a province or city (the <c>segmentProvince</c> and <c>segmentCity</c> properties).</summary>
    public static string Key(string segmentCode, string regionCode) => segmentCode + "|" + regionCode;

    /// <summary>Builds what the database does not say it has: the candidate index, then the segment counts built from it.</summary>
    public static async Task MigrateAsync(INeo4jTransport transport, CancellationToken cancellationToken)
    {
        await MigrateCandidatesAsync(transport, cancellationToken);
        await Neo4jSegmentCounts.MigrateAsync(transport, cancellationToken);
    }

    /// <summary>
    /// Builds the candidate index once when the database does not say it has it: one statement per request, so that each
    /// runs in its own implicit transaction on every API; a server that answers with no rows has nothing to build.
    /// </summary>
    private static async Task MigrateCandidatesAsync(INeo4jTransport transport, CancellationToken cancellationToken)
    {
        var done = await RunAsync(transport, "OPTIONAL MATCH (g:Migration {name: 'candidates'}) RETURN coalesce(g.version, 0)", null, cancellationToken);
        if (done.Rows.Count == 0 || done.Rows[0][0].AsInt64() >= Version)
        {
            return;
        }

        if (done.Rows[0][0].AsInt64() is 1 or 2)
        {
            if (done.Rows[0][0].AsInt64() == 1)
            {
                // Version 2 (ADR 0270) added segmentCity, which a candidate's own segment and city give: set in batches.
                while ((await RunAsync(transport, "MATCH (x:Candidate) WHERE x.segmentCity IS NULL AND x.cityCode IS NOT NULL WITH x LIMIT 10000 SET x.segmentCity = x.segment + '|' + x.cityCode RETURN count(*)", null, cancellationToken)).Rows is [var set, ..]
                    && set[0].AsInt64() > 0)
                {
                }
            }

            // Version 3 (ADR 0300) added tieSegment, set on the candidates of companies with a relation or a channel link, by id range.
            var top = await RunAsync(transport, "MATCH (c:Company) RETURN coalesce(max(c.id), 0)", null, cancellationToken);
            for (var from = 0L; top.Rows is [var highest, ..] && from < highest[0].AsInt64(); from += BuildRange)
            {
                await RunAsync(transport, """
                    MATCH (c:Company) WHERE c.id > $from AND c.id <= $to
                    OPTIONAL MATCH (c)-[tie:SUPPLIES|INVESTS_IN|CONTROLS]-(:Company)
                    WITH c, count(tie) AS relations
                    OPTIONAL MATCH (c)<-[link:LINKS]-(:Channel)
                    WITH c, relations + count(link) AS ties
                    WHERE ties > 0
                    MATCH (x:Candidate) USING INDEX x:Candidate(company) WHERE x.company = c.id
                    SET x.tieSegment = x.segment
                    """, new Dictionary<string, object?> { ["from"] = from, ["to"] = from + BuildRange }, cancellationToken);
            }

            await RunAsync(transport, DropTieSummaries, null, cancellationToken);
            await RunAsync(transport, Neo4jTargetTotals.DropAll, null, cancellationToken);
            await RunAsync(transport, "MERGE (g:Migration {name: 'candidates'}) SET g.version = " + Version, null, cancellationToken);
            return;
        }

        // The kept segment counts (ADR 0270) are built from the candidates: rebuilt after them.
        await RunAsync(transport, "MATCH (g:Migration {name: '" + Neo4jSegmentCounts.MigrationName + "'}) DELETE g", null, cancellationToken);
        var last = await RunAsync(transport, "MATCH (c:Company) RETURN coalesce(max(c.id), 0)", null, cancellationToken);
        while ((await RunAsync(transport, "MATCH (x:Candidate) WITH x LIMIT 20000 DELETE x RETURN count(*)", null, cancellationToken)).Rows is [var deleted, ..]
            && deleted[0].AsInt64() > 0)
        {
        }

        for (var from = 0L; last.Rows is [var row, ..] && from < row[0].AsInt64(); from += BuildRange)
        {
            await RunAsync(transport, "MATCH (c:Company) WHERE c.id > $from AND c.id <= $to\n" + Create, new Dictionary<string, object?> { ["from"] = from, ["to"] = from + BuildRange }, cancellationToken);
        }

        await RunAsync(transport, DropTieSummaries, null, cancellationToken);
        await RunAsync(transport, Neo4jTargetTotals.DropAll, null, cancellationToken);
        await RunAsync(transport, "MERGE (g:Migration {name: 'candidates'}) SET g.version = " + Version, null, cancellationToken);
    }

    internal static async Task<Neo4jResult> RunAsync(INeo4jTransport transport, string text, Dictionary<string, object?>? parameters, CancellationToken cancellationToken) =>
        (await transport.RunAsync([new CypherStatement(text, parameters)], cancellationToken))[0];
}
