using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Discovery reads <c>(:Company)-[:IN_SEGMENT]-&gt;(:Segment {chainCode})</c> directly (SQLite keeps a
/// denormalised member table; here the graph is the index). Home-tied companies and introduction paths
/// are in <c>Neo4jStore.Introductions.cs</c>.
/// </summary>
internal sealed partial class Neo4jStore
{
    /// <summary>True when company <c>c</c> is located in one of the codes of the given list parameter.</summary>
    private static string InRegions(string parameter) =>
        $"(coalesce(c.provinceCode, '') IN ${parameter} OR coalesce(c.cityCode, '') IN ${parameter} OR coalesce(c.countyCode, '') IN ${parameter})";

    public async Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($$"""
            MATCH (s:Segment {chainCode: $chain})<-[m:IN_SEGMENT]-(c:Company)
            WHERE {{Confirmed}}
            WITH s.code AS code, c, {{InRegions("home")}} AS home
            RETURN code,
                   sum(CASE WHEN home THEN 1 ELSE 0 END), sum(CASE WHEN home THEN coalesce(c.registeredCapital, 0.0) ELSE 0.0 END),
                   sum(CASE WHEN home THEN coalesce(c.strength, 0.0) ELSE 0.0 END),
                   sum(CASE WHEN home THEN 0 ELSE 1 END), sum(CASE WHEN home THEN 0.0 ELSE coalesce(c.registeredCapital, 0.0) END),
                   sum(CASE WHEN home THEN 0.0 ELSE coalesce(c.strength, 0.0) END)
            """, ("chain", chainCode), ("home", homeRegionCodes.ToList())), cancellationToken);
        return result.Rows.Select(r => new SegmentStats(
            r[0].AsRequiredString(),
            new PresenceFigures((int)r[1].AsInt64(), (decimal)r[2].AsDouble(), r[3].AsDouble()),
            new PresenceFigures((int)r[4].AsInt64(), (decimal)r[5].AsDouble(), r[6].AsDouble()))).ToList();
    }

    public async Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher($$"""
            MATCH (s:Segment {chainCode: $chain})<-[m:IN_SEGMENT]-(c:Company)
            WHERE {{Confirmed}} AND ($scope IS NULL OR {{InRegions("scope")}}) AND NOT {{InRegions("excluded")}}
            RETURN s.code, c.provinceCode, c.cityCode, count(c), sum(coalesce(c.registeredCapital, 0.0))
            """, ("chain", chainCode), ("scope", regionCodes?.ToList()), ("excluded", excludedRegionCodes.ToList())), cancellationToken);
        return result.Rows.Select(r => new SegmentPlaceCount(
            r[0].AsRequiredString(), r[1].AsRequiredString(), r[2].AsString(), (int)r[3].AsInt64(), (decimal)r[4].AsDouble())).ToList();
    }

    public async Task<TargetCandidateSet> FindTargetCandidatesAsync(TargetCandidateQuery query, CancellationToken cancellationToken)
    {
        var filter = $"($scope IS NULL OR {InRegions("scope")}) AND NOT {InRegions("excluded")}" +
            " AND ($min IS NULL OR c.registeredCapital >= $min) AND (size($tags) = 0 OR any(t IN $tags WHERE t IN coalesce(c.tags, [])))";
        var segments = query.SegmentCodes.Distinct(StringComparer.Ordinal).ToList();
        (string, object?)[] parameters =
        [
            ("segments", segments), ("scope", query.RegionCodes?.ToList()), ("excluded", query.ExcludedRegionCodes.ToList()),
            ("min", query.MinCapital is { } min ? (double)min : null), ("tags", query.Tags.ToList()), ("per", Math.Max(query.PerSegment, 0)),
            ("floor", query.MinStrength),
        ];
        var statements = new List<CypherStatement>
        {
            // The strength floor leaves weak companies out of the candidates; the total still counts them.
            Cypher($$"""
                UNWIND $segments AS code
                MATCH (s:Segment {code: code})<-[m:IN_SEGMENT]-(c:Company)
                WHERE {{Confirmed}} AND {{filter}} AND ($floor IS NULL OR coalesce(c.strength, 0.0) >= $floor)
                WITH code, c ORDER BY coalesce(c.strength, 0.0) DESC, c.id
                WITH code, collect({id: c.id, strength: coalesce(c.strength, 0.0)})[0..$per] AS top
                UNWIND top AS t
                RETURN code, t.id, t.strength
                """, parameters),
        };
        if (query.CountTotal)
        {
            statements.Add(Cypher($$"""
                MATCH (s:Segment)<-[m:IN_SEGMENT]-(c:Company)
                WHERE s.code IN $segments AND {{Confirmed}} AND {{filter}}
                RETURN count(DISTINCT c)
                """, parameters));
        }

        var results = await RunAsync(statements, cancellationToken);
        var candidates = results[0].Rows
            .Select(r => new TargetCandidate(r[1].AsInt64(), r[0].AsRequiredString(), r[2].AsDouble()))
            .OrderBy(c => segments.IndexOf(c.SegmentCode))
            .ThenByDescending(c => c.Strength)
            .ThenBy(c => c.CompanyId)
            .ToList();
        return new TargetCandidateSet(candidates, query.CountTotal ? results[1].Rows[0][0].AsInt64() : 0);
    }

    public async Task<IReadOnlyList<Company>> GetCompaniesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await RunAsync(Cypher($$"""
            UNWIND $ids AS id
            MATCH (c:Company {id: id})
            OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s:Segment)
            WITH c, m, s ORDER BY m.confidence DESC, s.code
            RETURN {{CompanyMap}} AS company, {{MembershipList}} AS memberships
            """, ("ids", ids.Distinct().ToList())), cancellationToken);
        var byId = result.Rows
            .Select(r => CompanyState.Read(r[0], r[1]).ToCompany())
            .ToDictionary(c => c.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}
