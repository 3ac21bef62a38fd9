using System.Collections.Concurrent;
using ChainMap.Domain;
using ChainMap.Storage;
using Microsoft.Extensions.Options;

namespace ChainMap.Discovery;

/// <summary>
/// Reuses the two aggregate reads that every target list needs, for <see cref="DiscoveryOptions.CacheSeconds"/>
/// (ADR 0021): a chain's gap analysis and the index of companies tied to the home region. Writers in
/// this process call <see cref="Invalidate"/>; writes from elsewhere show after at most the cache time.
/// </summary>
public sealed class DiscoveryCache(IChainMapStore store, TimeProvider time, IOptions<DiscoveryOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry<ChainGaps>> gaps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<IReadOnlyDictionary<long, HomeTiedCompany>>> ties = new(StringComparer.Ordinal);

    public async Task<ChainGaps> GetGapsAsync(ChainDefinition chain, HomeRegion home, CancellationToken cancellationToken)
    {
        var key = $"{home.Code}|{Fingerprint(chain)}";
        var now = time.GetUtcNow();
        if (gaps.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Value;
        }

        var stats = await store.GetSegmentStatsAsync(chain.Chain.Code, HomeCodes(home), cancellationToken);
        var analysis = GapRules.Analyse(chain, home.Name.Length == 0 ? "本地" : home.Name, stats, options.Value);
        gaps[key] = new Entry<ChainGaps>(analysis, now.AddSeconds(options.Value.CacheSeconds));
        return analysis;
    }

    public async Task<IReadOnlyDictionary<long, HomeTiedCompany>> GetHomeTiesAsync(HomeRegion home, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (ties.TryGetValue(home.Code, out var entry) && entry.Expires > now)
        {
            return entry.Value;
        }

        var list = home.Code.Length == 0 ? [] : await store.ListHomeTiedCompaniesAsync(HomeCodes(home), cancellationToken);
        var index = list.ToDictionary(c => c.CompanyId);
        ties[home.Code] = new Entry<IReadOnlyDictionary<long, HomeTiedCompany>>(index, now.AddSeconds(options.Value.CacheSeconds));
        return index;
    }

    /// <summary>Forgets everything; the next request reads the store again.</summary>
    public void Invalidate()
    {
        gaps.Clear();
        ties.Clear();
    }

    public static IReadOnlyList<string> HomeCodes(HomeRegion home) => home.Code.Length == 0 ? [] : [home.Code];

    /// <summary>A chain edited since the analysis was made gets a new key.</summary>
    private static string Fingerprint(ChainDefinition chain) =>
        chain.Chain.Code + "|" + string.Join(',', chain.Segments.Select(s => $"{s.Code}<{s.ParentCode}")) + "|" + string.Join(',', chain.Flows.Select(f => $"{f.From}>{f.To}"));

    private sealed record Entry<T>(T Value, DateTimeOffset Expires);
}
