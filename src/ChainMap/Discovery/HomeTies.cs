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
        var graph = await store.LoadHomeChannelGraphAsync(homeRegionCodes, cancellationToken);
        var hops = ChannelHops.Compute(graph.TiedHome, graph.WithHomeMember, graph.Links);
        return await store.ListHomeTiedCompaniesAsync(homeRegionCodes, hops, segmentCodes, cancellationToken);
    }
}
