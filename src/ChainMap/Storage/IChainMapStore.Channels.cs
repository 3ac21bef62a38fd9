using ChainMap.Domain;

namespace ChainMap.Storage;

/// <summary>Channel search. Region codes match where a channel sits (province, city or county); empty means everywhere.</summary>
internal sealed record ChannelQuery(string? NameContains, ChannelKind? Kind, IReadOnlyCollection<string>? RegionCodes, int Page, int PageSize);

/// <summary>
/// One link of a channel as seen from it: to a company or to another channel. <see cref="Outgoing"/>
/// is true when the other side is the member (the company or channel is <see cref="Role"/> of this channel).
/// </summary>
internal sealed record ChannelLinkView(
    ChannelRole Role, string? Note, bool Outgoing,
    long? CompanyId, string? CompanyName, string? CompanyRegionCode,
    long? ChannelId, string? ChannelName, ChannelKind? ChannelKind);

/// <summary>A channel with (the first of) its links and how many links it has in all.</summary>
internal sealed record ChannelDetail(Channel Channel, IReadOnlyList<ChannelLinkView> Links, int LinkCount);

internal interface IChannelStore
{
    /// <summary>
    /// Inserts or replaces channels by <see cref="ChannelRecord.Code"/> in one transaction (fields and
    /// ties are replaced, links are kept). Returns code → id for every channel of the batch.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> UpsertChannelsAsync(IReadOnlyList<ChannelRecord> channels, CancellationToken cancellationToken);

    /// <summary>Channel ids by code; unknown codes are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, long>> FindChannelIdsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts links in one transaction, keyed by (channel, company) or (channel, other channel);
    /// role and note of an existing link are replaced. Returns how many links were new.
    /// </summary>
    Task<int> SaveChannelLinksAsync(IReadOnlyList<ChannelLink> links, CancellationToken cancellationToken);

    /// <summary>Channels ordered by kind, then name, then id.</summary>
    Task<Paged<Channel>> SearchChannelsAsync(ChannelQuery query, CancellationToken cancellationToken);

    /// <summary>A channel with up to <paramref name="linkLimit"/> links (companies first, strongest first); null when unknown.</summary>
    Task<ChannelDetail?> GetChannelAsync(long id, int linkLimit, CancellationToken cancellationToken);
}
