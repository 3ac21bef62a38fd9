using System.Collections.Concurrent;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Chains;

/// <summary>
/// Finds a chain by its code or its name in either script (專汽 and 专汽 are one chain). Chain
/// definitions are small and read on almost every request, so they are cached; a save through
/// <see cref="ChainService"/> invalidates at once, and entries expire after <see cref="CacheFor"/> so
/// that changes written by another process (the command line) show up without a restart.
/// </summary>
internal sealed class ChainDirectory(IChainStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (ChainDefinition? Definition, DateTimeOffset Until)> definitions = new(StringComparer.Ordinal);
    private (IReadOnlyList<Chain> Chains, DateTimeOffset Until)? chains;

    public async Task<IReadOnlyList<Chain>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (chains is { } cached && cached.Until > now)
        {
            return cached.Chains;
        }

        var list = await store.ListChainsAsync(cancellationToken);
        chains = (list, now + CacheFor);
        return list;
    }

    /// <summary>The chain whose code (case-insensitive) or folded name equals <paramref name="codeOrName"/>; null when none.</summary>
    public async Task<Chain?> ResolveAsync(string? codeOrName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(codeOrName))
        {
            return null;
        }

        var all = await ListAsync(cancellationToken);
        var trimmed = codeOrName.Trim();
        var folded = ChineseText.Fold(trimmed);
        return all.FirstOrDefault(c => string.Equals(c.Code, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(c => ChineseText.Fold(c.Name) == folded)
            ?? all.FirstOrDefault(c => ChineseText.Fold(c.Code) == folded);
    }

    /// <summary>The whole definition of a chain found by code or name; null when none.</summary>
    public async Task<ChainDefinition?> GetDefinitionAsync(string? codeOrName, CancellationToken cancellationToken)
    {
        var chain = await ResolveAsync(codeOrName, cancellationToken);
        return chain is null ? null : await GetByCodeAsync(chain.Code, cancellationToken);
    }

    /// <summary>Every chain definition (small: a few hundred segments in all).</summary>
    public async Task<IReadOnlyList<ChainDefinition>> ListDefinitionsAsync(CancellationToken cancellationToken)
    {
        var result = new List<ChainDefinition>();
        foreach (var chain in await ListAsync(cancellationToken))
        {
            if (await GetByCodeAsync(chain.Code, cancellationToken) is { } definition)
            {
                result.Add(definition);
            }
        }

        return result;
    }

    public void Invalidate()
    {
        chains = null;
        definitions.Clear();
    }

    private async Task<ChainDefinition?> GetByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (definitions.TryGetValue(code, out var cached) && cached.Until > now)
        {
            return cached.Definition;
        }

        var definition = await store.GetChainAsync(code, cancellationToken);
        definitions[code] = (definition, now + CacheFor);
        return definition;
    }
}
