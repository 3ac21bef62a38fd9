using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Regions;

/// <summary>
/// The region catalog and home region as loaded from the store, cached for the life of the
/// process and reloaded after region data changes.
/// </summary>
public sealed class RegionDirectory(IChainMapStore store)
{
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
                catalog = new RegionCatalog(regions, groups);
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

    public void Invalidate()
    {
        catalog = null;
        home = null;
    }
}
