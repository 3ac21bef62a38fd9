namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The kept segment totals (ADR 0270): one <c>(:SegmentCount {segment, companies, capital, strength})</c> per segment
/// with confirmed members, summing its candidates (<see cref="Neo4jCandidates"/>), so that a chain's statistics read one
/// node per segment for "all" and only the home's candidates (sought by (segment, province) or (segment, city)) for
/// "at home". They move with the candidate index: the write that rebuilds a company's candidates subtracts what the old
/// ones counted before deleting them and adds what the new ones count after creating them, in its own transaction; a
/// segment left with no company loses its node. Per region counts are not kept: at 100 k companies they were about as
/// many nodes as the candidates (75,888 segment × county and 33,950 segment × city pairs) and an import transaction of
/// 20,000 rows ran out of the 768 MiB test server's heap.
/// </summary>
internal static class Neo4jSegmentCounts
{
    /// <summary>The name of the <c>(:Migration)</c> node that says the totals were built.</summary>
    internal const string MigrationName = "segmentCounts";

    /// <summary>What the candidates bound as <c>x</c> count, per segment.</summary>
    private const string Rows = """

        WITH x.segment AS segment, count(*) AS n, sum(coalesce(x.registeredCapital, 0.0)) AS capital, sum(coalesce(x.strength, 0.0)) AS strength
        """;

    /// <summary>The candidates of the companies <c>$candidateIds</c>.</summary>
    private const string CandidatesOf = "MATCH (x:Candidate) USING INDEX x:Candidate(company) WHERE x.company IN $candidateIds";

    /// <summary>Adds what the candidates bound before <see cref="Rows"/> count (creating the nodes not there yet).</summary>
    private const string Add = """

        OPTIONAL MATCH (t:SegmentCount) USING INDEX t:SegmentCount(segment) WHERE t.segment = segment
        FOREACH (ignored IN CASE WHEN t IS NULL THEN [1] ELSE [] END |
            CREATE (:SegmentCount {segment: segment, companies: n, capital: capital, strength: strength}))
        FOREACH (ignored IN CASE WHEN t IS NULL THEN [] ELSE [1] END |
            SET t.companies = t.companies + n, t.capital = t.capital + capital, t.strength = t.strength + strength)
        """;

    /// <summary>
    /// Subtracts what the candidates of the companies <c>$candidateIds</c> count (a statement, or a section of one), before
    /// <see cref="Neo4jCandidates.DeleteSection"/> deletes them; a segment left with no company loses its node.
    /// </summary>
    internal const string SubtractSection = CandidatesOf + Rows + """

        MATCH (t:SegmentCount) USING INDEX t:SegmentCount(segment) WHERE t.segment = segment
        SET t.companies = t.companies - n, t.capital = t.capital - capital, t.strength = t.strength - strength
        WITH t WHERE t.companies <= 0
        DELETE t
        """;

    /// <summary>Adds what the candidates of the companies <c>$candidateIds</c> count, after <see cref="Neo4jCandidates.CreateSection"/>.</summary>
    internal const string AddSection = CandidatesOf + Rows + Add;

    /// <summary>
    /// Builds the totals once from the candidate index when the database does not say it has them (a database written
    /// before ADR 0270, or whose candidates were just rebuilt): deletes stray ones, then sums one segment per request.
    /// </summary>
    public static async Task MigrateAsync(INeo4jTransport transport, CancellationToken cancellationToken)
    {
        var done = await Neo4jCandidates.RunAsync(transport, "OPTIONAL MATCH (g:Migration {name: '" + MigrationName + "'}) RETURN g IS NOT NULL", null, cancellationToken);
        if (done.Rows.Count == 0 || done.Rows[0][0].AsBoolean())
        {
            return;
        }

        while ((await Neo4jCandidates.RunAsync(transport, "MATCH (t:SegmentCount) WITH t LIMIT 20000 DELETE t RETURN count(*)", null, cancellationToken)).Rows is [var deleted, ..]
            && deleted[0].AsInt64() > 0)
        {
        }

        var segments = await Neo4jCandidates.RunAsync(transport, "MATCH (s:Segment) RETURN s.code ORDER BY s.code", null, cancellationToken);
        foreach (var row in segments.Rows)
        {
            await Neo4jCandidates.RunAsync(
                transport,
                "MATCH (x:Candidate) USING INDEX x:Candidate(segment) WHERE x.segment = $segment" + Rows + Add,
                new Dictionary<string, object?> { ["segment"] = row[0].AsRequiredString() },
                cancellationToken);
        }

        await Neo4jCandidates.RunAsync(transport, "MERGE (g:Migration {name: '" + MigrationName + "'}) SET g.version = 1", null, cancellationToken);
    }
}
