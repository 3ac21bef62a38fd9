using ChainMap.Domain;
using ChainMap.Seeding;
using ChainMap.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChainMap.Regions;

/// <summary>
/// The region catalog and home region as loaded from the store, cached for the life of the
/// process and reloaded after region data changes. Retired divisions (<c>region-history.csv</c> of the default data
/// folder, ADR 0520), towns (<c>towns.csv</c>, ADR 0550) and listed companies' seats (<c>listed-seats.csv</c>, ADR 0690) are read with it: the store holds the current divisions only.
/// Without a data folder both are empty, and a warning says so once.
/// </summary>
internal sealed class RegionDirectory(IRegionStore store, IOptions<StorageOptions> options, ILogger<RegionDirectory> logger)
{
    private IReadOnlyList<RetiredDivision>? retired;
    private IReadOnlyList<Town>? towns;
    private IReadOnlyList<ListedSeat>? seats;

    public RegionDirectory(IRegionStore store)
        : this(store, Options.Create(new StorageOptions()), NullLogger<RegionDirectory>.Instance)
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
                if (retired is null || towns is null || seats is null)
                {
                    var data = DefaultData.Locate(options.Value.DefaultDataPath);
                    if (data is null)
                    {
                        // Read once per process (the lists are kept when the catalog is reloaded): the warning is said once.
                        logger.LogWarning("No data folder found ({Configured}): retired divisions (region-history.csv) and towns (towns.csv) are not read, so addresses naming them place companies less precisely", options.Value.DefaultDataPath ?? "none configured");
                    }

                    retired = data is null ? [] : DefaultData.ReadRetired(Path.Combine(data, "region-history.csv"));
                    towns = data is null ? [] : DefaultData.ReadTowns(Path.Combine(data, "towns.csv"));
                    seats = data is null ? [] : DefaultData.ReadListedSeats(Path.Combine(data, "listed-seats.csv"));
                }

                catalog = new RegionCatalog(regions.Concat(HomeZones(await GetHomeAsync(cancellationToken), regions)), groups, retired, towns, seats);
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
