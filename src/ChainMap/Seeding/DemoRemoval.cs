using ChainMap.Discovery;
using ChainMap.Storage;
using Microsoft.Extensions.Logging;

namespace ChainMap.Seeding;

internal enum DemoRemovalStatus
{
    Removed,

    /// <summary>The store holds no demo data (never loaded, or removed already): nothing was changed.</summary>
    NoDemo,

    /// <summary>Projects or activities refer to demo companies (<see cref="DemoRemovalResult.Blockers"/>): nothing was changed.</summary>
    Refused,
}

/// <summary>How a removal ended, and the counts of what it removed (or of what is there, when it did not).</summary>
internal sealed record DemoRemovalResult(DemoRemovalStatus Status, DemoCounts Counts, IReadOnlyList<DemoProjectReference> Projects, IReadOnlyList<string> Blockers);

/// <summary>
/// The demo set in a running store (issue 16, ADR 0195): how much of it there is, and removing it with its network in
/// one step. Which companies are the demo's and whether they may go is <see cref="DemoRules"/>' decision; the store
/// reads, lets it decide and removes in one transaction; the discovery caches are dropped after a removal, so gap
/// ratings, target lists and maps show it at once.
/// </summary>
internal sealed class DemoRemoval(IDemoDataStore store, DiscoveryCache cache, ILogger<DemoRemoval> logger)
{
    public async Task<DemoCounts> CountAsync(CancellationToken cancellationToken) =>
        (await store.SurveyDemoAsync(DemoIdentity.Default, cancellationToken)).Counts;

    public async Task<DemoRemovalResult> RemoveAsync(string by, CancellationToken cancellationToken)
    {
        var outcome = await store.RemoveDemoAsync(DemoIdentity.Default, cancellationToken);
        if (outcome.Decision.Refused)
        {
            return new DemoRemovalResult(DemoRemovalStatus.Refused, outcome.Counts, outcome.Decision.Projects, outcome.Decision.Blockers);
        }

        if (!outcome.Removed)
        {
            return new DemoRemovalResult(DemoRemovalStatus.NoDemo, DemoCounts.Zero, [], []);
        }

        await cache.ChangedAsync(cancellationToken);
        var c = outcome.Counts;
        logger.LogInformation(
            "Demo data removed by {By}: {Companies} companies, {Channels} channels, {Links} channel links, {Relations} relations, {Runs} import runs",
            by, c.Companies, c.Channels, c.ChannelLinks, c.Relations, c.ImportRuns);
        return new DemoRemovalResult(DemoRemovalStatus.Removed, c, [], []);
    }
}
