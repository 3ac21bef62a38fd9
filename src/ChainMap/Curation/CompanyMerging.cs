using ChainMap.Discovery;
using ChainMap.Storage;

namespace ChainMap.Curation;

/// <summary>
/// Merges two stored companies that are one (<see cref="ICompanyMergeStore.MergeCompaniesAsync"/>) and drops the
/// discovery caches after a merge, so gap ratings, target lists and maps show it at once.
/// </summary>
internal sealed class CompanyMerging(ICompanyMergeStore store, DiscoveryCache cache, TimeProvider time)
{
    public async Task<CompanyMergeOutcome> MergeAsync(long survivorId, long mergedId, MergeExpectation expected, CancellationToken cancellationToken)
    {
        var outcome = await store.MergeCompaniesAsync(survivorId, mergedId, expected, time.GetUtcNow(), cancellationToken);
        if (outcome.Merged)
        {
            await cache.ChangedAsync(cancellationToken);
        }

        return outcome;
    }
}
