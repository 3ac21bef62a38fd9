using System.Globalization;
using System.Text.Json;
using ChainMap.Discovery;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Discovery reads segment statistics from the kept segment totals (<see cref="Neo4jSegmentCounts"/>, ADR 0270) and the
/// home's candidates, place counts and target candidates from the candidate index (<c>Neo4jStore.Candidates.cs</c>). Home-tied companies and introduction paths
/// are in <c>Neo4jStore.Introductions.cs</c>.
/// </summary>
internal sealed partial class Neo4jStore
{
    public async Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        // All of a segment from its kept total (ADR 0270), at home from the home's candidates; elsewhere is the difference.
        var home = RegionScope.Of(homeRegionCodes);
        var chain = ("chain", (object?)chainCode);
        var statements = new List<CypherStatement>
        {
            Cypher("MATCH (s:Segment {chainCode: $chain}) RETURN s.code ORDER BY s.ordinal, s.code", chain),
            Cypher("""
                MATCH (s:Segment {chainCode: $chain})
                WITH s.code AS code
                MATCH (t:SegmentCount) USING INDEX t:SegmentCount(segment) WHERE t.segment = code
                RETURN code, t.companies, t.capital, t.strength
                """, chain),
        };
        if (!home.IsEmpty)
        {
            var seek = HomeSeek(home);
            statements.Add(Cypher($$"""
                MATCH (s:Segment {chainCode: $chain})
                {{seek.Match}}
                WHERE {{seek.Where}}
                RETURN x.segment, count(*), sum(coalesce(x.registeredCapital, 0.0)), sum(coalesce(x.strength, 0.0))
                """, [chain, .. seek.Parameters]));
        }

        var results = await RunAsync(statements, cancellationToken);
        var totals = results[1].Rows.ToDictionary(r => r[0].AsRequiredString(), Figures, StringComparer.Ordinal);
        var local = (statements.Count > 2 ? results[2].Rows : []).ToDictionary(r => r[0].AsRequiredString(), Figures, StringComparer.Ordinal);
        var none = new PresenceFigures(0, 0m, 0);
        return results[0].Rows
            .Select(r => r[0].AsRequiredString())
            .Where(code => totals.TryGetValue(code, out var all) && all.Companies > 0)
            .Select(code =>
            {
                var (all, here) = (totals[code], local.GetValueOrDefault(code) ?? none);
                return new SegmentStats(code, here, new PresenceFigures(all.Companies - here.Companies, all.RegisteredCapital - here.RegisteredCapital, all.Strength - here.Strength));
            })
            .ToList();

        static PresenceFigures Figures(JsonElement[] r) => new((int)r[1].AsInt64(), (decimal)r[2].AsDouble(), r[3].AsDouble());
    }

    /// <summary>
    /// The home's candidates in the chain's segments <c>s</c>: a home of provinces only by (segment, province) keys, of
    /// cities only by (segment, city) keys, any other by segment with the home as a predicate.
    /// </summary>
    private static (string Match, string Where, IReadOnlyList<(string Name, object? Value)> Parameters) HomeSeek(RegionScope home)
    {
        var (property, codes) = home switch
        {
            { Cities.Count: 0, Counties.Count: 0 } => ("segmentProvince", home.Provinces),
            { Provinces.Count: 0, Counties.Count: 0 } => ("segmentCity", home.Cities),
            _ => (null, null),
        };
        if (property is null)
        {
            var filter = new RegionFilter(home, "home");
            return ("MATCH (x:Candidate) USING INDEX x:Candidate(segment) WHERE x.segment = s.code\nWITH x", filter.Predicate("x"), [.. filter.Parameters]);
        }

        return (
            $"UNWIND $homeCodes AS code\nMATCH (x:Candidate) USING INDEX x:Candidate({property}) WHERE x.{property} = s.code + '|' + code\nWITH x",
            "true",
            [("homeCodes", codes!.ToList())]);
    }

    public async Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken)
    {
        // From the candidate index (ADR 0270): one candidate per confirmed membership, with its company's region and capital.
        var segments = (await RunAsync(Cypher("MATCH (s:Segment {chainCode: $chain}) RETURN s.code", ("chain", chainCode)), cancellationToken)).Rows
            .Select(r => r[0].AsRequiredString()).ToList();
        var candidates = new CandidateFilter(RegionScope.Of(regionCodes), RegionScope.Of(excludedRegionCodes), [], null, null);
        var seek = new CandidateSeek(candidates.Scope, segments);
        var filter = CypherCandidateFilter.OverCandidate(candidates, seek.CoversScope);
        var result = await RunAsync(Cypher($$"""
            {{seek.Match}}
            WHERE {{filter.Where}} AND x.provinceCode IS NOT NULL
            RETURN x.segment, x.provinceCode, CASE WHEN x.cityCode = x.provinceCode THEN null ELSE x.cityCode END, count(*), sum(coalesce(x.registeredCapital, 0.0))
            """, [.. seek.Parameters, .. filter.Parameters]), cancellationToken);
        return result.Rows.Select(r => new SegmentPlaceCount(
            r[0].AsRequiredString(), r[1].AsRequiredString(), r[2].AsString(), (int)r[3].AsInt64(), (decimal)r[4].AsDouble())).ToList();
    }

    public async Task<IReadOnlyList<Company>> GetCompaniesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var byId = ReadCompanies((await RunAsync(CompaniesStatement(ids), cancellationToken)).Rows, 0);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>The fields of <c>c</c> that a <see cref="Company"/> holds, as a list (ADR 0490: no map keys, no key, name key, provenance or strength), read by <see cref="ReadCompanies"/>.</summary>
    private const string ListedCompanyFields =
        "[c.id, c.uscc, c.name, c.regionCode, c.provinceCode, c.cityCode, c.countyCode, c.registeredCapital, c.founded, c.employees, c.revenue, c.listedCode, c.tags, c.products, c.address, c.industry, c.scope, coalesce(c.version, 1)]";

    /// <summary>The companies <paramref name="ids"/> as <see cref="ListedCompanyFields"/> and <see cref="MembershipList"/>.</summary>
    private static CypherStatement CompaniesStatement(IReadOnlyCollection<long> ids) => Cypher($$"""
        UNWIND $ids AS id
        MATCH (c:Company {id: id})
        OPTIONAL MATCH (c)-[m:IN_SEGMENT]->(s)
        WITH c, m, s ORDER BY m.confidence DESC, s.code
        RETURN {{ListedCompanyFields}}, {{MembershipList}}
        """, ("ids", ids.Distinct().ToList()));

    /// <summary>
    /// The companies of rows holding <see cref="ListedCompanyFields"/> at <paramref name="at"/> and their <see cref="MembershipList"/> next to it,
    /// by id; a row whose company is null (one the caller holds) is skipped.
    /// </summary>
    private static Dictionary<long, Company> ReadCompanies(IEnumerable<JsonElement[]> rows, int at)
    {
        var byId = new Dictionary<long, Company>();
        foreach (var row in rows)
        {
            var c = row[at];
            if (c.IsNull())
            {
                continue;
            }

            byId[c[0].AsInt64()] = new Company(
                c[0].AsInt64(), c[1].AsString(), c[2].AsRequiredString(), c[3].AsRequiredString(), c[4].AsString() ?? string.Empty, c[5].AsString(), c[6].AsString(),
                (decimal?)c[7].AsNullableDouble(),
                c[8].AsString() is { } founded ? DateOnly.ParseExact(founded, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                (int?)c[9].AsNullableInt64(), (decimal?)c[10].AsNullableDouble(), c[11].AsString(),
                string.Join('|', c[12].AsStringList()).Split('|', StringSplitOptions.RemoveEmptyEntries),
                c[13].AsString(), c[14].AsString(),
                CompanyState.ReadMemberships(row[at + 1]).OrderByDescending(m => m.Confidence).ThenBy(m => m.SegmentCode, StringComparer.Ordinal).ToList(),
                c[15].AsString(), c[16].AsString(), c[17].AsInt64());
        }

        return byId;
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
