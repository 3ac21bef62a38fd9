using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>
/// Which companies a target list may offer, decided once: located in <see cref="Scope"/>, not in
/// <see cref="Excluded"/> (the home region), carrying any of <see cref="Tags"/> (none: no condition), with at
/// least <see cref="MinCapital"/> registered capital (a company without a capital does not pass a minimum)
/// and at least <see cref="MinStrength"/> strength. Only confirmed memberships count (ADR 0135): that is a
/// property of what the stores read for a segment (SQLite's <c>discovery_member</c>, Neo4j's status clause,
/// the confirmed segments of <see cref="HomeTieFacts"/>), not of a company, so it is not a field here.
/// C# filters call <see cref="Matches(HomeTieFacts)"/>; each store has one translation of it into its query
/// language (<c>SqliteStore.SqlCandidateFilter</c>, <c>Neo4jStore.CypherCandidateFilter</c>).
/// </summary>
internal sealed record CandidateFilter(RegionScope Scope, RegionScope Excluded, IReadOnlyCollection<string> Tags, decimal? MinCapital, double? MinStrength)
{
    /// <summary>The filter of a target list (<see cref="TargetFilter"/>, from <see cref="TargetFilterResolver"/>) outside the home region.</summary>
    public static CandidateFilter For(TargetFilter filter, IReadOnlyCollection<string> homeCodes)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(RegionScope.Of(filter.RegionCodes), RegionScope.Of(homeCodes), filter.Tags, filter.MinCapital, null);
    }

    /// <summary>The filter a store query carries (the port keeps the fields as plain values).</summary>
    public static CandidateFilter Of(TargetCandidateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(RegionScope.Of(query.RegionCodes), RegionScope.Of(query.ExcludedRegionCodes), query.Tags, query.MinCapital, query.MinStrength);
    }

    /// <summary>True when a company with these facts passes the filter.</summary>
    public bool Matches(string? province, string? city, string? county, double strength, decimal? registeredCapital, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Scope.Contains(province, city, county)
            && !Excluded.Contains(province, city, county)
            && (MinStrength is not { } floor || strength >= floor)
            && (MinCapital is not { } min || (registeredCapital is { } capital && capital >= min))
            && (Tags.Count == 0 || tags.Any(t => Tags.Contains(t, StringComparer.Ordinal)));
    }

    public bool Matches(HomeTieFacts company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return Matches(company.ProvinceCode, company.CityCode, company.CountyCode, company.Strength, company.RegisteredCapital, company.Tags);
    }

    /// <summary>The store query for this filter over <paramref name="segmentCodes"/>, <paramref name="perSegment"/> candidates each.</summary>
    public TargetCandidateQuery ToQuery(IReadOnlyCollection<string> segmentCodes, int perSegment, bool countTotal = true) =>
        new(segmentCodes, Scope.IsEverywhere ? null : Codes(Scope), Codes(Excluded), Tags, MinCapital, perSegment, MinStrength, countTotal);

    private static List<string> Codes(RegionScope scope) => scope.Provinces.Concat(scope.Cities).Concat(scope.Counties).Distinct(StringComparer.Ordinal).ToList();
}
