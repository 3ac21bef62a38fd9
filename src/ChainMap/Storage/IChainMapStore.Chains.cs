using ChainMap.Domain;

namespace ChainMap.Storage;

/// <summary>Local (home-region) presence in one segment.</summary>
internal sealed record SegmentPresence(string SegmentCode, int Companies, decimal RegisteredCapital, double Strength);

internal interface IChainStore
{
    /// <summary>All chains, ordered by category then code.</summary>
    Task<IReadOnlyList<Chain>> ListChainsAsync(CancellationToken cancellationToken);

    /// <summary>A chain with its segments and flow edges, by exact code; null when unknown.</summary>
    Task<ChainDefinition?> GetChainAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or wholly replaces a chain definition in one transaction. The caller has validated it.
    /// Segments that disappear lose their memberships. Returns true when the chain was new.
    /// </summary>
    Task<bool> SaveChainAsync(ChainDefinition definition, CancellationToken cancellationToken);

    /// <summary>
    /// Company count, registered capital and strength per segment of a chain, counting only
    /// companies located within any of <paramref name="regionCodes"/> (province, city or county codes).
    /// </summary>
    Task<IReadOnlyList<SegmentPresence>> CountBySegmentAsync(string chainCode, IReadOnlyCollection<string> regionCodes, CancellationToken cancellationToken);
}
