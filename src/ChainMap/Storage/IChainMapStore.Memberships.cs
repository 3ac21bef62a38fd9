using ChainMap.Domain;

namespace ChainMap.Storage;

/// <summary>The classifier's new memberships of one company (re-classification); its other memberships are kept.</summary>
internal sealed record ClassifiedMemberships(long CompanyId, IReadOnlyList<SegmentMembership> Memberships);

internal interface IMembershipStore
{
    /// <summary>
    /// Sets the status of one membership; the membership then counts as the analyst's (source
    /// <see cref="MembershipSources.Analyst"/>), so a re-classification keeps it. A confirmed membership
    /// counts in gap ratings and target lists at once. False when the company has no such membership.
    /// </summary>
    Task<bool> SetMembershipStatusAsync(long companyId, string segmentCode, MembershipStatus status, CancellationToken cancellationToken);

    /// <summary>Unconfirmed (待确认) memberships per segment of a chain, of companies in the given regions (null: everywhere); segments without any are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> CountUnconfirmedBySegmentAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, CancellationToken cancellationToken);

    /// <summary>
    /// The chain-level memberships (环节待定, ADR 0370) of a chain: companies anywhere, confirmed or not — the chain map's
    /// <c>chainLevel</c> and the length of the review queue's chain-level filter (ADR 0405). One seek on the memberships
    /// stored under the chain's own code, however many memberships the chain's segments hold (ADR 0415).
    /// </summary>
    Task<long> CountChainLevelAsync(string chainCode, CancellationToken cancellationToken);

    /// <summary>Companies with an id above <paramref name="afterId"/>, by id, with their memberships, industry and scope (re-classification reads all of them page by page).</summary>
    Task<IReadOnlyList<Company>> ListCompaniesAfterAsync(long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// For each company, in one transaction: removes the memberships the classifier made and stores the
    /// given ones instead, except on a segment where the company has a membership from a file or an analyst.
    /// </summary>
    Task ReplaceClassifiedMembershipsAsync(IReadOnlyList<ClassifiedMemberships> batch, CancellationToken cancellationToken);
}
