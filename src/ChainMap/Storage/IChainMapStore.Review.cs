using ChainMap.Domain;

namespace ChainMap.Storage;

/// <summary>
/// Which memberships the review queue lists: a status (null: any), memberships under a confidence (null: any),
/// a chain, segments, regions (company region codes at any level; null: everywhere) and the companies an
/// import job wrote (null: any). Ordered by confidence, then company id and segment code.
/// </summary>
internal sealed record MembershipListQuery(
    MembershipStatus? Status,
    double? ConfidenceBelow,
    string? ChainCode,
    IReadOnlyList<string>? Segments,
    IReadOnlyCollection<string>? RegionCodes,
    string? ImportId,
    int Page,
    int PageSize);

/// <summary>One membership in the review queue, with its company's name and region and its segment's chain.</summary>
internal sealed record MembershipListItem(long CompanyId, string CompanyName, string RegionCode, string ChainCode, SegmentMembership Membership);

internal sealed record MembershipListPage(IReadOnlyList<MembershipListItem> Items, int Page, int PageSize, long Total);

/// <summary>
/// One analyst decision on one membership, as the store writes it (decided in <c>Curation/MembershipReview</c>):
/// with a <see cref="Membership"/>, that membership is stored (added, or replacing the one of its segment) and
/// any rejection of its segment is dropped; without one, the membership of <see cref="SegmentCode"/> is removed
/// and a rejection of it is kept (ADR 0180), so that no import or re-classification brings it back.
/// </summary>
internal sealed record MembershipWrite(long CompanyId, string SegmentCode, SegmentMembership? Membership)
{
    public bool IsRejection => Membership is null;
}

/// <summary>
/// What <see cref="IMembershipReviewStore.ApplyMembershipWritesAsync"/> did: the new version of every company it changed
/// (each one version on, however many of its memberships changed), or the company whose version was not the expected one
/// (<see cref="StaleCompanyId"/>, its <see cref="CurrentVersion"/>, null when it no longer exists): then nothing was written.
/// </summary>
internal sealed record MembershipWriteResult(IReadOnlyDictionary<long, long> Versions, long? StaleCompanyId = null, long? CurrentVersion = null)
{
    public bool Written => StaleCompanyId is null;
}

/// <summary>An analyst's rejection of a company's membership of a segment (ADR 0180).</summary>
internal sealed record MembershipRejection(long CompanyId, string SegmentCode, DateTimeOffset At, string? By);

internal interface IMembershipReviewStore
{
    /// <summary>One page of memberships matching the query (rejected ones are no memberships and never listed).</summary>
    Task<MembershipListPage> ListMembershipsAsync(MembershipListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the decisions in order, all in one transaction (all or nothing), when every company named in
    /// <paramref name="expectedVersions"/> is still at that version; each company written moves one version on (ADR 0197).
    /// A rejection records <paramref name="at"/> and <paramref name="by"/>. Memberships of a company (without an expected
    /// version) or segment that no longer exists are skipped.
    /// </summary>
    Task<MembershipWriteResult> ApplyMembershipWritesAsync(
        IReadOnlyList<MembershipWrite> writes, IReadOnlyDictionary<long, long> expectedVersions, DateTimeOffset at, string? by, CancellationToken cancellationToken);

    /// <summary>The rejections of the given companies (re-classification leaves these segments out).</summary>
    Task<IReadOnlyList<MembershipRejection>> ListRejectionsAsync(IReadOnlyCollection<long> companyIds, CancellationToken cancellationToken);
}
