using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>Channels on Neo4j: not yet available (docs/neo4j.md, "Not yet on Neo4j").</summary>
internal sealed partial class Neo4jStore
{
    public Task<IReadOnlyDictionary<string, long>> UpsertChannelsAsync(IReadOnlyList<ChannelRecord> channels, CancellationToken cancellationToken) => throw new NotSupportedException("Channels is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyDictionary<string, long>> FindChannelIdsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) => throw new NotSupportedException("Channels is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<int> SaveChannelLinksAsync(IReadOnlyList<ChannelLink> links, CancellationToken cancellationToken) => throw new NotSupportedException("Channels is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<Paged<Channel>> SearchChannelsAsync(ChannelQuery query, CancellationToken cancellationToken) => throw new NotSupportedException("Channels is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<ChannelDetail?> GetChannelAsync(long id, int linkLimit, CancellationToken cancellationToken) => throw new NotSupportedException("Channels is not yet available on the Neo4j store (docs/neo4j.md)");
}
