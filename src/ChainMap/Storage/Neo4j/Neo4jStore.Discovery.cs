using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>Discovery on Neo4j: not yet available (docs/neo4j.md, "Not yet on Neo4j").</summary>
internal sealed partial class Neo4jStore
{
    public Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken) => throw new NotSupportedException("Discovery is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken) => throw new NotSupportedException("Discovery is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<TargetCandidateSet> FindTargetCandidatesAsync(TargetCandidateQuery query, CancellationToken cancellationToken) => throw new NotSupportedException("Discovery is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<HomeTiedCompany>> ListHomeTiedCompaniesAsync(IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken) => throw new NotSupportedException("Discovery is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<Company>> GetCompaniesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) => throw new NotSupportedException("Discovery is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<IntroductionPath>> FindIntroductionPathsAsync(IReadOnlyCollection<long> targetIds, IReadOnlyCollection<string> homeRegionCodes, int maxHops, int perTarget, CancellationToken cancellationToken) => throw new NotSupportedException("Discovery is not yet available on the Neo4j store (docs/neo4j.md)");
}
