using ChainMap.Domain;
using ChainMap.Storage;
using Microsoft.Extensions.Options;

namespace ChainMap.Chains;

/// <summary>The outcome of saving a chain: saved (new or replaced), or the problems that stopped it.</summary>
internal sealed record ChainSaveResult(bool Saved, bool Created, IReadOnlyList<ChainProblem> Problems);

/// <summary>Creates and replaces chain definitions: validated whole, then written in one transaction.</summary>
internal sealed class ChainService(IChainStore store, ChainDirectory directory, IOptions<ChainLimits> limits)
{
    /// <summary>The caps every saved chain is held to.</summary>
    public ChainLimits Limits => limits.Value;

    public async Task<ChainSaveResult> SaveAsync(ChainDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = ChainValidation.Validate(definition, limits.Value).ToList();
        if (problems.Any(p => p.Cap is not null))
        {
            // Too big to look at further: refused on the cap alone.
            return new ChainSaveResult(false, false, problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var others = (await directory.ListDefinitionsAsync(cancellationToken)).Where(d => d.Chain.Code != definition.Chain.Code).ToList();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            foreach (var segment in other.Segments)
            {
                owners.TryAdd(segment.Code, other.Chain.Code);
            }
        }

        var chainCodes = others.Select(o => o.Chain.Code).Append(definition.Chain.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var segment in definition.Segments)
        {
            if (owners.TryGetValue(segment.Code, out var owner))
            {
                problems.Add(new ChainProblem("segments.code", $"segment code {segment.Code} already belongs to chain {owner}", [segment.Code]));
            }

            // A chain-level membership is stored under the chain's code (ADR 0370): no segment may carry a chain's code.
            if (ChainLevelMemberships.SegmentCodeProblem(segment.Code, chainCodes) is { } clash)
            {
                problems.Add(new ChainProblem("segments.code", clash, [segment.Code]));
            }
        }

        if (owners.TryGetValue(definition.Chain.Code, out var segmentOwner))
        {
            problems.Add(new ChainProblem("code", $"chain code {definition.Chain.Code} is the code of a segment of chain {segmentOwner}", []));
        }

        if (others.FirstOrDefault(o => Text.ChineseText.Fold(o.Chain.Name) == Text.ChineseText.Fold(definition.Chain.Name)) is { } sameName)
        {
            problems.Add(new ChainProblem("name", $"chain name {definition.Chain.Name} is already used by chain {sameName.Chain.Code}", []));
        }

        if (problems.Count > 0)
        {
            return new ChainSaveResult(false, false, problems);
        }

        var created = await store.SaveChainAsync(definition, cancellationToken);
        directory.Invalidate();
        return new ChainSaveResult(true, created, []);
    }
}
