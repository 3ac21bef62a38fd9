using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>The companies tied to the home region: the store loads the channel graph, <see cref="ChannelHops"/> decides the distances, the store lists the ties.</summary>
internal static class HomeTies
{
    public static Task<IReadOnlyList<HomeTiedCompany>> LoadAsync(IDiscoveryStore store, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken) =>
        LoadAsync(store, homeRegionCodes, null, cancellationToken);

    /// <summary>The tied companies with a confirmed membership in <paramref name="segmentCodes"/> (all tied companies when null), ADR 0300.</summary>
    public static async Task<IReadOnlyList<HomeTiedCompany>> LoadAsync(IDiscoveryStore store, IReadOnlyCollection<string> homeRegionCodes, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var hops = await LoadHopsAsync(store, homeRegionCodes, cancellationToken);
        return await store.ListHomeTiedCompaniesAsync(homeRegionCodes, hops, segmentCodes, cancellationToken);
    }

    /// <summary>
    /// The index of the tied companies of <paramref name="segmentCodes"/> (all when null) from what ranking needs of them, read with
    /// the channel distances (ADR 0445); the ties as reasons name them are read later for the targets shown, with the same
    /// channel distances (ADR 0385).
    /// </summary>
    public static async Task<HomeTieIndex> LoadIndexAsync(IDiscoveryStore store, IReadOnlyCollection<string> homeRegionCodes, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (hops, facts) = await store.ReadHomeTieFactsAsync(homeRegionCodes, segmentCodes, cancellationToken);
        return new HomeTieIndex(facts, (ids, ct) => store.ListHomeTieDetailsAsync(ids, homeRegionCodes, hops, ct));
    }

    private static async Task<IReadOnlyDictionary<long, int>> LoadHopsAsync(IDiscoveryStore store, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        var graph = await store.LoadHomeChannelGraphAsync(homeRegionCodes, cancellationToken);
        return ChannelHops.Compute(graph.TiedHome, graph.WithHomeMember, graph.Links);
    }
}
