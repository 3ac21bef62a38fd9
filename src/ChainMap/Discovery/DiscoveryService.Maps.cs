using System.Collections.Concurrent;
using System.Globalization;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>
/// Kept investment maps (ADR 0275): a map is built once per chain, region scope, top and paths, and kept while what it
/// was built from is current: the same gap analysis, home-tie index (with its kept paths), place counts and home region
/// (by identity: a refresh or a chain edit makes new ones) and no write noted since the request that built it began
/// (<see cref="DiscoveryCache.Generation"/>), the rule of a kept ranking (ADR 0220).
/// </summary>
internal sealed partial class DiscoveryService
{
    /// <summary>At most this many maps are kept (scopes are chosen freely; a map holds ~165 targets); the next clears them.</summary>
    private const int MaxKeptMaps = 32;

    private readonly ConcurrentDictionary<string, KeptMap> keptMaps = new(StringComparer.Ordinal);

    private void KeepMap(string key, KeptMap map)
    {
        if (keptMaps.Count >= MaxKeptMaps && !keptMaps.ContainsKey(key))
        {
            keptMaps.Clear();
        }

        keptMaps[key] = map;
    }

    private static string MapKey(ChainDefinition chain, IReadOnlyCollection<string>? regionCodes, int top, int paths) => string.Join(
        '|',
        chain.Chain.Code,
        regionCodes is null ? "*" : string.Join(',', regionCodes.Order(StringComparer.Ordinal)),
        top.ToString(CultureInfo.InvariantCulture),
        paths.ToString(CultureInfo.InvariantCulture));

    /// <summary>What a map was built from besides the store: the cache entries (by identity) and the write count when its request began.</summary>
    private sealed record MapBasis(ChainGaps Analysis, HomeTieIndex Ties, IReadOnlyList<SegmentPlaceCount> Places, HomeRegion Home, long Generation)
    {
        public bool Same(MapBasis other) =>
            ReferenceEquals(Analysis, other.Analysis) && ReferenceEquals(Ties, other.Ties) && ReferenceEquals(Places, other.Places)
            && ReferenceEquals(Home, other.Home) && Generation == other.Generation;
    }

    private sealed record KeptMap(MapBasis Basis, InvestmentMap Map);
}
