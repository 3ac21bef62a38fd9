using ChainMap.Domain;

namespace ChainMap.Regions;

/// <summary>Region scopes read against the catalog: a development zone stands for its host division (ADR 0120).</summary>
internal static class RegionScopes
{
    /// <summary>
    /// The scope of <paramref name="codes"/>, where the code of a development zone is replaced by its host
    /// county or city (no company is ever placed in a zone, so the zone itself would match nothing).
    /// </summary>
    public static RegionScope ScopeOf(this RegionCatalog catalog, IEnumerable<string>? codes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return codes is null ? RegionScope.Everywhere : RegionScope.Of(catalog.HostCodes(codes));
    }

    /// <summary>The codes with each development zone's code replaced by its host's (other codes unchanged, order kept, no duplicates).</summary>
    public static IReadOnlyList<string> HostCodes(this RegionCatalog catalog, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(codes);
        var zones = catalog.Zones.ToDictionary(z => z.Code, StringComparer.Ordinal);
        return codes
            .Select(code => catalog.Find(code) is null && zones.TryGetValue(code, out var zone) && catalog.ZoneHost(zone) is { } host ? host.Code : code)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
