using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Storage;

namespace ChainMap.Curation;

/// <summary>
/// Carries out the analysts' membership decisions of <see cref="MembershipReview"/>: loads the companies the
/// decisions name, writes all of them in one transaction or none, and drops the discovery caches so that gap
/// ratings, target lists, maps and exports show the change at once.
/// </summary>
/// <summary>What a review did: the new version of each company it changed, or why nothing was changed.</summary>
internal sealed record ReviewOutcome(ReviewError? Error, IReadOnlyDictionary<long, long> Versions)
{
    public static ReviewOutcome Failed(ReviewError error) => new(error, new Dictionary<long, long>());
}

internal sealed class MembershipReviewService(
    ICompanyStore companies, IDiscoveryStore lookup, IMembershipReviewStore store, ChainDirectory chains, DiscoveryCache cache, TimeProvider time)
{
    public async Task<ReviewOutcome> ReviewAsync(IReadOnlyList<ReviewItem> items, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.CompanyId).Distinct().ToList();
        var found = (await lookup.GetCompaniesAsync(ids, cancellationToken)).ToDictionary(c => c.Id);
        var matcher = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken));
        var (writes, error) = MembershipReview.Decide(items, found, matcher);
        if (error is not null)
        {
            return ReviewOutcome.Failed(error);
        }

        var (expected, stale) = MembershipReview.ExpectedVersions(items, found);
        if (stale is not null)
        {
            return ReviewOutcome.Failed(stale);
        }

        return await WriteAsync(writes, expected, id => items.ToList().FindIndex(i => i.CompanyId == id), by, cancellationToken);
    }

    public async Task<ReviewOutcome> AddAsync(long companyId, string? segment, string? role, long? version, string? by, CancellationToken cancellationToken)
    {
        var company = await companies.GetCompanyAsync(companyId, cancellationToken);
        if (company is null)
        {
            return ReviewOutcome.Failed(new ReviewError(0, "companyId", $"No company has the id {companyId}.", IsNotFound: true));
        }

        var (write, error) = MembershipReview.Add(company, segment, role, new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken)));
        return error is not null
            ? ReviewOutcome.Failed(error)
            : await WriteAsync([write!], Expect(companyId, version), _ => 0, by, cancellationToken);
    }

    public async Task<ReviewOutcome> RemoveAsync(long companyId, string? segment, long? version, string? by, CancellationToken cancellationToken)
    {
        var company = await companies.GetCompanyAsync(companyId, cancellationToken);
        if (company is null)
        {
            return ReviewOutcome.Failed(new ReviewError(0, "companyId", $"No company has the id {companyId}.", IsNotFound: true));
        }

        var (write, error) = MembershipReview.Remove(company, segment, new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken)));
        return error is not null
            ? ReviewOutcome.Failed(error)
            : await WriteAsync([write!], Expect(companyId, version), _ => 0, by, cancellationToken);
    }

    private static Dictionary<long, long> Expect(long companyId, long? version) =>
        version is { } v ? new Dictionary<long, long> { [companyId] = v } : [];

    private async Task<ReviewOutcome> WriteAsync(
        IReadOnlyList<MembershipWrite> writes, IReadOnlyDictionary<long, long> expected, Func<long, int> indexOf, string? by, CancellationToken cancellationToken)
    {
        MembershipWriteResult result;
        try
        {
            result = await store.ApplyMembershipWritesAsync(writes, expected, time.GetUtcNow(), by, cancellationToken);
        }
        finally
        {
            await cache.ChangedAsync(cancellationToken);
        }

        return result.StaleCompanyId is { } stale
            ? ReviewOutcome.Failed(MembershipReview.Stale(indexOf(stale), stale, expected[stale], result.CurrentVersion))
            : new ReviewOutcome(null, result.Versions);
    }
}
