namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The kept segment counts (ADR 0270), Neo4j's copy of SQLite's discovery_count: one
/// <c>(:SegmentCount {key, segment, region, level, provinceCode, cityCode, place, companies, capital, strength})</c> per
/// segment and region its candidates are in (region '' level 0: all of them; 1 province, 2 city, 3 county), so that a
/// chain's statistics and place counts read a few hundred nodes instead of every membership and company.
/// <c>key</c> is <c>segment|region</c> (unique); <c>place</c> is the segment on province and city rows only (indexed:
/// the place counts read those). They move with the candidate index (<see cref="Neo4jCandidates"/>): the write that
/// rebuilds a company's candidates subtracts what the old ones counted before deleting them and adds what the new ones
/// count after creating them, in its own transaction; a row that counts no company is deleted.
/// </summary>
internal static class Neo4jSegmentCounts
{
    /// <summary>The name of the <c>(:Migration)</c> node that says the counts were built.</summary>
    internal const string MigrationName = "segmentCounts";

    /// <summary>
    /// The rows a bound candidate <c>x</c> counts in (as discovery_count's triggers): all, its province, its city unless it is
    /// the province, its county unless it is the province or the city; summed per row.
    /// </summary>
    private const string Rows = """
        UNWIND [['', 0], [x.provinceCode, 1], [x.cityCode, 2], [x.countyCode, 3]] AS p
        WITH x, p[0] AS region, p[1] AS level
        WHERE level = 0 OR (region IS NOT NULL AND (level = 1 OR (region <> x.provinceCode AND (level = 2 OR x.cityCode IS NULL OR region <> x.cityCode))))
        WITH x.segment AS segment, region, level, count(*) AS n, sum(coalesce(x.registeredCapital, 0.0)) AS capital, sum(coalesce(x.strength, 0.0)) AS strength,
             collect(x.provinceCode)[0] AS province, collect(x.cityCode)[0] AS city
        WITH segment, region, level, n, capital, strength, segment + '|' + region AS countKey,
             CASE WHEN level = 0 THEN null ELSE province END AS province, CASE WHEN level >= 2 THEN city END AS city
        """;

    /// <summary>The candidates of the companies <c>$candidateIds</c>.</summary>
    private const string CandidatesOf = "MATCH (x:Candidate) USING INDEX x:Candidate(company) WHERE x.company IN $candidateIds\n";

    /// <summary>Adds the rows counted by the candidates bound before <see cref="Rows"/> (creating the rows not there yet).</summary>
    private const string Add = """

        OPTIONAL MATCH (t:SegmentCount) USING INDEX t:SegmentCount(key) WHERE t.key = countKey
        FOREACH (ignored IN CASE WHEN t IS NULL THEN [1] ELSE [] END |
            CREATE (:SegmentCount {key: countKey, segment: segment, region: region, level: level, provinceCode: province, cityCode: city,
                place: CASE WHEN level IN [1, 2] THEN segment END, companies: n, capital: capital, strength: strength}))
        FOREACH (ignored IN CASE WHEN t IS NULL THEN [] ELSE [1] END |
            SET t.companies = t.companies + n, t.capital = t.capital + capital, t.strength = t.strength + strength)
        """;

    /// <summary>
    /// Subtracts what the candidates of the companies <c>$candidateIds</c> count (a statement, or a section of one), before
    /// <see cref="Neo4jCandidates.DeleteSection"/> deletes them; rows left counting no company are deleted.
    /// </summary>
    internal const string SubtractSection = CandidatesOf + Rows + """

        MATCH (t:SegmentCount) USING INDEX t:SegmentCount(key) WHERE t.key = countKey
        SET t.companies = t.companies - n, t.capital = t.capital - capital, t.strength = t.strength - strength
        WITH t WHERE t.companies <= 0
        DELETE t
        """;

    /// <summary>Adds what the candidates of the companies <c>$candidateIds</c> count, after <see cref="Neo4jCandidates.CreateSection"/>.</summary>
    internal const string AddSection = CandidatesOf + Rows + Add;

    /// <summary>
    /// Builds the counts once from the candidate index when the database does not say it has them (a database written
    /// before ADR 0270, or whose candidates were just rebuilt): deletes stray rows, then counts one segment per request.
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
                "MATCH (x:Candidate) USING INDEX x:Candidate(segment) WHERE x.segment = $segment\n" + Rows + Add,
                new Dictionary<string, object?> { ["segment"] = row[0].AsRequiredString() },
                cancellationToken);
        }

        await Neo4jCandidates.RunAsync(transport, "MERGE (g:Migration {name: '" + MigrationName + "'}) SET g.version = 1", null, cancellationToken);
    }
}
