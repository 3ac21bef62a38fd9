using ChainMap.Discovery;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Discovery reads <c>(:Company)-[:IN_SEGMENT]-&gt;(:Segment {chainCode})</c> directly for segment statistics and
/// place counts; target candidates come from the candidate index (<c>Neo4jStore.Candidates.cs</c>). Home-tied companies and introduction paths
/// are in <c>Neo4jStore.Introductions.cs</c>.
/// </summary>
internal sealed partial class Neo4jStore
{
    public async Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        var home = new RegionFilter(RegionScope.Of(homeRegionCodes), "home");
        var result = await RunAsync(Cypher($$"""
            MATCH (s:Segment {chainCode: $chain})<-[m:IN_SEGMENT]-(c:Company)
            WHERE {{Confirmed}}
            WITH s.code AS code, c, {{home.Predicate()}} AS home
            RETURN code,
                   sum(CASE WHEN home THEN 1 ELSE 0 END), sum(CASE WHEN home THEN coalesce(c.registeredCapital, 0.0) ELSE 0.0 END),
                   sum(CASE WHEN home THEN coalesce(c.strength, 0.0) ELSE 0.0 END),
                   sum(CASE WHEN home THEN 0 ELSE 1 END), sum(CASE WHEN home THEN 0.0 ELSE coalesce(c.registeredCapital, 0.0) END),
                   sum(CASE WHEN home THEN 0.0 ELSE coalesce(c.strength, 0.0) END)
            """, [("chain", chainCode), .. home.Parameters]), cancellationToken);
        return result.Rows.Select(r => new SegmentStats(
            r[0].AsRequiredString(),
            new PresenceFigures((int)r[1].AsInt64(), (decimal)r[2].AsDouble(), r[3].AsDouble()),
            new PresenceFigures((int)r[4].AsInt64(), (decimal)r[5].AsDouble(), r[6].AsDouble()))).ToList();
    }

    public async Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken)
    {
        var filter = CypherCandidateFilter.OverCompany(new CandidateFilter(RegionScope.Of(regionCodes), RegionScope.Of(excludedRegionCodes), [], null, null));
        var result = await RunAsync(Cypher($$"""
            MATCH (s:Segment {chainCode: $chain})<-[m:IN_SEGMENT]-(c:Company)
            WHERE {{filter.Where}}
            RETURN s.code, c.provinceCode, c.cityCode, count(c), sum(coalesce(c.registeredCapital, 0.0))
            """, [("chain", chainCode), .. filter.Parameters]), cancellationToken);
        return result.Rows.Select(r => new SegmentPlaceCount(
            r[0].AsRequiredString(), r[1].AsRequiredString(), r[2].AsString(), (int)r[3].AsInt64(), (decimal)r[4].AsDouble())).ToList();
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

    /// <summary>
    /// A <see cref="CandidateFilter"/> in Cypher, the one translation of it in this store: over <c>(c:Company)</c> and its
    /// membership <c>m</c> (only confirmed memberships, ADR 0135), or over a candidate node <c>x</c> (ADR 0250), which
    /// only a confirmed membership has and whose index seek may already keep to the scope.
    /// </summary>
    private sealed class CypherCandidateFilter
    {
        private CypherCandidateFilter(CandidateFilter filter, string node, string? membership, bool scopeCovered)
        {
            var scope = new RegionFilter(filter.Scope, "scope");
            var excluded = new RegionFilter(filter.Excluded, "excluded");
            var where = membership is null ? new List<string>() : [membership];
            var parameters = new List<(string, object?)>();
            if (!filter.Scope.IsEverywhere && !scopeCovered)
            {
                where.Add(scope.Predicate(node));
                parameters.AddRange(scope.Parameters);
            }

            where.Add($"NOT {excluded.Predicate(node)}");
            parameters.AddRange(excluded.Parameters);
            if (filter.MinStrength is { } floor)
            {
                where.Add($"coalesce({node}.strength, 0.0) >= $floor");
                parameters.Add(("floor", floor));
            }

            if (filter.MinCapital is { } min)
            {
                where.Add($"{node}.registeredCapital >= $min");
                parameters.Add(("min", (double)min));
            }

            if (filter.Tags.Count > 0)
            {
                where.Add($"any(t IN $tags WHERE t IN coalesce({node}.tags, []))");
                parameters.Add(("tags", filter.Tags.ToList()));
            }

            Where = string.Join(" AND ", where);
            Parameters = parameters;
        }

        public string Where { get; }

        public IReadOnlyList<(string Name, object? Value)> Parameters { get; }

        /// <summary>Over <c>(c:Company)</c> and its confirmed membership <c>m</c>.</summary>
        public static CypherCandidateFilter OverCompany(CandidateFilter filter) => new(filter, "c", Confirmed, scopeCovered: false);

        /// <summary>Over a candidate node <c>x</c>; <paramref name="scopeCovered"/>: the seek already kept to the scope.</summary>
        public static CypherCandidateFilter OverCandidate(CandidateFilter filter, bool scopeCovered) => new(filter, "x", null, scopeCovered);
    }
}
