using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Chains;

/// <summary>Finds a chain by its code or its name in either script (專汽 and 专汽 are one chain).</summary>
public sealed class ChainDirectory(IChainMapStore store)
{
    private IReadOnlyList<Chain>? chains;

    public async Task<IReadOnlyList<Chain>> ListAsync(CancellationToken cancellationToken) =>
        chains ??= await store.ListChainsAsync(cancellationToken);

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
        return chain is null ? null : await store.GetChainAsync(chain.Code, cancellationToken);
    }

    /// <summary>Every chain definition (small: a few hundred segments in all).</summary>
    public async Task<IReadOnlyList<ChainDefinition>> ListDefinitionsAsync(CancellationToken cancellationToken)
    {
        var result = new List<ChainDefinition>();
        foreach (var chain in await ListAsync(cancellationToken))
        {
            if (await store.GetChainAsync(chain.Code, cancellationToken) is { } definition)
            {
                result.Add(definition);
            }
        }

        return result;
    }

    public void Invalidate() => chains = null;
}
