using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Tests.Support;

/// <summary>
/// A discovery store that passes every read to <paramref name="inner"/>; a test overrides the reads it counts or holds.
/// </summary>
internal abstract class ForwardingDiscoveryStore(IDiscoveryStore inner) : IDiscoveryStore
{
    public virtual Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken) =>
        inner.GetSegmentStatsAsync(chainCode, homeRegionCodes, cancellationToken);

    public virtual Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken) =>
        inner.CountSegmentPlacesAsync(chainCode, regionCodes, excludedRegionCodes, cancellationToken);

    public virtual Task<TargetCandidateSet> FindTargetCandidatesAsync(TargetCandidateQuery query, CancellationToken cancellationToken) =>
        inner.FindTargetCandidatesAsync(query, cancellationToken);

    public virtual Task<HomeChannelGraph> LoadHomeChannelGraphAsync(IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken) =>
        inner.LoadHomeChannelGraphAsync(homeRegionCodes, cancellationToken);

    public virtual Task<IReadOnlyList<HomeTiedCompany>> ListHomeTiedCompaniesAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken) =>
        inner.ListHomeTiedCompaniesAsync(homeRegionCodes, channelHops, segmentCodes, cancellationToken);

    public virtual Task<IReadOnlyList<HomeTieFacts>> ListHomeTieFactsAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken) =>
        inner.ListHomeTieFactsAsync(homeRegionCodes, channelHops, segmentCodes, cancellationToken);

    public virtual Task<IReadOnlyList<HomeTieDetails>> ListHomeTieDetailsAsync(IReadOnlyCollection<long> companyIds, IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, CancellationToken cancellationToken) =>
        inner.ListHomeTieDetailsAsync(companyIds, homeRegionCodes, channelHops, cancellationToken);

    public virtual Task<IReadOnlyList<Company>> GetCompaniesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        inner.GetCompaniesAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyList<IntroductionPath>> FindIntroductionPathsAsync(IReadOnlyCollection<long> targetIds, IReadOnlyCollection<string> homeRegionCodes, int maxHops, int perTarget, CancellationToken cancellationToken) =>
        inner.FindIntroductionPathsAsync(targetIds, homeRegionCodes, maxHops, perTarget, cancellationToken);
}
