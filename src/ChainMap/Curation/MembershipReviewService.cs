using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Storage;

namespace ChainMap.Curation;

/// <summary>
/// Carries out the analysts' membership decisions of <see cref="MembershipReview"/>: loads the companies the
/// decisions name, writes all of them in one transaction or none, and drops the discovery caches so that gap
/// ratings, target lists, maps and exports show the change at once.
/// </summary>
internal sealed class MembershipReviewService(
    ICompanyStore companies, IDiscoveryStore lookup, IMembershipReviewStore store, ChainDirectory chains, DiscoveryCache cache, TimeProvider time)
{
    public async Task<ReviewError?> ReviewAsync(IReadOnlyList<ReviewItem> items, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = items.Select(i => i.CompanyId).Distinct().ToList();
        var found = (await lookup.GetCompaniesAsync(ids, cancellationToken)).ToDictionary(c => c.Id);
        var matcher = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken));
        var (writes, error) = MembershipReview.Decide(items, found, matcher);
        if (error is not null)
        {
            return error;
        }

        await WriteAsync(writes, by, cancellationToken);
        return null;
    }

    public async Task<ReviewError?> AddAsync(long companyId, string? segment, string? role, string? by, CancellationToken cancellationToken)
    {
        var company = await companies.GetCompanyAsync(companyId, cancellationToken);
        if (company is null)
        {
            return new ReviewError(0, "companyId", $"No company has the id {companyId}.", IsNotFound: true);
        }

        var (write, error) = MembershipReview.Add(company, segment, role, new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken)));
        if (error is not null)
        {
            return error;
        }

        await WriteAsync([write!], by, cancellationToken);
        return null;
    }

    public async Task<ReviewError?> RemoveAsync(long companyId, string? segment, string? by, CancellationToken cancellationToken)
    {
        var company = await companies.GetCompanyAsync(companyId, cancellationToken);
        if (company is null)
        {
            return new ReviewError(0, "companyId", $"No company has the id {companyId}.", IsNotFound: true);
        }

        var (write, error) = MembershipReview.Remove(company, segment, new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken)));
        if (error is not null)
        {
            return error;
        }

        await WriteAsync([write!], by, cancellationToken);
        return null;
    }

    private async Task WriteAsync(IReadOnlyList<MembershipWrite> writes, string? by, CancellationToken cancellationToken)
    {
        try
        {
            await store.ApplyMembershipWritesAsync(writes, time.GetUtcNow(), by, cancellationToken);
        }
        finally
        {
            cache.Invalidate();
        }
    }
}
