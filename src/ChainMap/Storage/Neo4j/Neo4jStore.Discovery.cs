using ChainMap.Discovery;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Discovery reads segment statistics and place counts from the kept segment counts (<see cref="Neo4jSegmentCounts"/>,
/// ADR 0270) with the arithmetic SQLite uses (<see cref="SegmentCounts"/>); target candidates come from the candidate index
/// (<c>Neo4jStore.Candidates.cs</c>). Home-tied companies and introduction paths
/// are in <c>Neo4jStore.Introductions.cs</c>.
/// </summary>
internal sealed partial class Neo4jStore
{
    public async Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        var (segments, counts) = await ReadSegmentCountsAsync(chainCode, homeRegionCodes, placeLevels: false, cancellationToken);
        return SegmentCounts.Stats(segments, counts, homeRegionCodes);
    }

    public async Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken)
    {
        var (_, counts) = await ReadSegmentCountsAsync(chainCode, (regionCodes ?? []).Concat(excludedRegionCodes).ToList(), placeLevels: true, cancellationToken);
        return SegmentCounts.Places(counts, regionCodes, excludedRegionCodes);
    }

    /// <summary>
    /// The chain's segments in order, and their kept counts (ADR 0270): the all-companies row and the rows of <paramref name="codes"/>,
    /// with <paramref name="placeLevels"/> every province and city row too. One request; each row is one index seek.
    /// </summary>
    private async Task<(List<string> Segments, Dictionary<string, SegmentCounts> Counts)> ReadSegmentCountsAsync(
        string chainCode, IReadOnlyCollection<string> codes, bool placeLevels, CancellationToken cancellationToken)
    {
        const string Columns = "RETURN t.segment, t.region, t.level, t.provinceCode, t.cityCode, t.companies, t.capital, t.strength";
        var statements = new List<CypherStatement>
        {
            Cypher("MATCH (s:Segment {chainCode: $chain}) RETURN s.code ORDER BY s.ordinal, s.code", ("chain", chainCode)),
            Cypher($$"""
                MATCH (s:Segment {chainCode: $chain})
                UNWIND $regions AS region
                WITH s.code + '|' + region AS countKey
                MATCH (t:SegmentCount) USING INDEX t:SegmentCount(key) WHERE t.key = countKey
                {{Columns}}
                """, ("chain", chainCode), ("regions", codes.Where(c => c.Length > 0).Prepend(string.Empty).Distinct(StringComparer.Ordinal).ToList())),
        };
        if (placeLevels)
        {
            statements.Add(Cypher($$"""
                MATCH (s:Segment {chainCode: $chain})
                WITH s.code AS code
                MATCH (t:SegmentCount) USING INDEX t:SegmentCount(place) WHERE t.place = code
                {{Columns}}
                """, ("chain", chainCode)));
        }

        var results = await RunAsync(statements, cancellationToken);
        var counts = new Dictionary<string, SegmentCounts>(StringComparer.Ordinal);
        foreach (var row in results.Skip(1).SelectMany(r => r.Rows))
        {
            SegmentCounts.Add(counts, row[0].AsRequiredString(), new SegmentCountRow(
                row[1].AsRequiredString(), (int)row[2].AsInt64(), row[3].AsString(), row[4].AsString(),
                new SegmentFigures(row[5].AsInt64(), row[6].AsDouble(), row[7].AsDouble())));
        }

        return (results[0].Rows.Select(r => r[0].AsRequiredString()).ToList(), counts);
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
