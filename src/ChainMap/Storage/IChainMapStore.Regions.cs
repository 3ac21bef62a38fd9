using ChainMap.Domain;

namespace ChainMap.Storage;

internal interface IRegionStore
{
    /// <summary>Replaces the administrative divisions (idempotent upsert by code).</summary>
    Task SaveRegionsAsync(IReadOnlyList<Region> regions, CancellationToken cancellationToken);

    Task<IReadOnlyList<Region>> ListRegionsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces all region groups.</summary>
    Task SaveRegionGroupsAsync(IReadOnlyList<RegionGroup> groups, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegionGroup>> ListRegionGroupsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the home region with its receiving units and resident teams.</summary>
    Task SaveHomeAsync(HomeRegion home, CancellationToken cancellationToken);

    /// <summary>The home region, or null before any data was loaded.</summary>
    Task<HomeRegion?> GetHomeAsync(CancellationToken cancellationToken);
}
