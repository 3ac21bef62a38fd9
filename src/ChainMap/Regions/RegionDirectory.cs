using ChainMap.Domain;
using ChainMap.Seeding;
using ChainMap.Storage;
using Microsoft.Extensions.Options;

namespace ChainMap.Regions;

/// <summary>
/// The region catalog and home region as loaded from the store, cached for the life of the
/// process and reloaded after region data changes. Retired divisions (<c>region-history.csv</c> of the default data
/// folder, ADR 0520) are read with it: the store holds the current divisions only.
/// </summary>
internal sealed class RegionDirectory(IRegionStore store, IOptions<StorageOptions> options)
{
    private IReadOnlyList<RetiredDivision>? retired;

    public RegionDirectory(IRegionStore store)
        : this(store, Options.Create(new StorageOptions()))
    {
    }

    private readonly SemaphoreSlim gate = new(1, 1);
    private RegionCatalog? catalog;
    private HomeRegion? home;

    public async Task<RegionCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        if (catalog is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (catalog is null)
            {
                var regions = await store.ListRegionsAsync(cancellationToken);
                var groups = await store.ListRegionGroupsAsync(cancellationToken);
                retired ??= DefaultData.Locate(options.Value.DefaultDataPath) is { } data ? DefaultData.ReadRetired(Path.Combine(data, "region-history.csv")) : [];
                catalog = new RegionCatalog(regions.Concat(HomeZones(await GetHomeAsync(cancellationToken), regions)), groups, retired);
            }

            return catalog;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The home region; a store without one gets an empty placeholder so that nothing counts as local.</summary>
    public async Task<HomeRegion> GetHomeAsync(CancellationToken cancellationToken)
    {
        if (home is { } cached)
        {
            return cached;
        }

        home = await store.GetHomeAsync(cancellationToken) ?? new HomeRegion("", "", [], []);
        return home;
    }

    /// <summary>The home region's development-zone units (随州高新区) as zones under the division they lie in, unless the zone table has them.</summary>
    internal static IEnumerable<Region> HomeZones(HomeRegion home, IReadOnlyList<Region> regions)
    {
        var codes = regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var zoneNames = regions.Where(r => r.Level == RegionLevel.Zone).Select(r => Text.ChineseText.Fold(r.Name)).ToHashSet(StringComparer.Ordinal);
        return home.Units
            .Where(u => u.Kind == ReceivingUnitKind.DevelopmentZone && !codes.Contains(u.Code) && codes.Contains(u.RegionCode) && !zoneNames.Contains(Text.ChineseText.Fold(u.Name)))
            .Select(u => new Region(u.Code, u.Name, RegionLevel.Zone, u.RegionCode));
    }

    public void Invalidate()
    {
        catalog = null;
        home = null;
    }
}
