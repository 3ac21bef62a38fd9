using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Regions;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>What the service builds at start, before any request (ADR 0210).</summary>
public sealed class DiscoveryWarmupTests
{
    [Test]
    public async Task After_start_the_tie_index_and_every_chains_gap_analysis_and_map_counts_are_answered_without_reading_the_store()
    {
        using var factory = new ChainMapApiFactory(seed: true, new Dictionary<string, string?> { ["Discovery:WarmAtStart"] = "true" });
        var services = factory.Services;
        await services.GetRequiredService<DiscoveryWarmup>().Completion;
        var cache = services.GetRequiredService<DiscoveryCache>();
        var home = await services.GetRequiredService<RegionDirectory>().GetHomeAsync(CancellationToken.None);
        var chains = await services.GetRequiredService<ChainDirectory>().ListDefinitionsAsync(CancellationToken.None);
        var note = new FreshnessNote();

        var reads = new List<Task>();
        foreach (var chain in chains)
        {
            reads.Add(cache.GetHomeTiesAsync(home, [chain], note, CancellationToken.None));
            reads.Add(cache.GetGapsAsync(chain, home, note, CancellationToken.None));
            reads.Add(cache.GetPlacesAsync(chain, home, null, note, CancellationToken.None));
        }

        Assert.That(chains, Is.Not.Empty);
        Assert.That(reads.Select(r => r.IsCompletedSuccessfully), Is.All.True, "each is answered from an entry the warm-up built, at once");
        Assert.That(note.Result(DateTimeOffset.UtcNow).Stale, Is.False);
        Assert.That(services.GetRequiredService<DiscoveryWarmup>().Took, Is.Not.Null, "the warm-up ran to its end");
    }
}
