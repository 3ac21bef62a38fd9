using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Chains;

/// <summary>
/// Sets the status of one membership (the curation review queue builds on it) and drops the discovery
/// caches, so a confirmed membership counts in gap ratings and target lists at once.
/// </summary>
internal sealed class MembershipCuration(IMembershipStore store, DiscoveryCache cache)
{
    public async Task<bool> SetStatusAsync(long companyId, string segmentCode, MembershipStatus status, CancellationToken cancellationToken)
    {
        var found = await store.SetMembershipStatusAsync(companyId, segmentCode, status, cancellationToken);
        if (found)
        {
            await cache.ChangedAsync(cancellationToken);
        }

        return found;
    }
}
