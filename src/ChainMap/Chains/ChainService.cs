using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Chains;

/// <summary>The outcome of saving a chain: saved (new or replaced), or the problems that stopped it.</summary>
public sealed record ChainSaveResult(bool Saved, bool Created, IReadOnlyList<ChainProblem> Problems);

/// <summary>Creates and replaces chain definitions: validated whole, then written in one transaction.</summary>
public sealed class ChainService(IChainMapStore store, ChainDirectory directory)
{
    public async Task<ChainSaveResult> SaveAsync(ChainDefinition definition, CancellationToken cancellationToken)
    {
        var problems = ChainValidation.Validate(definition).ToList();
        var others = (await directory.ListDefinitionsAsync(cancellationToken)).Where(d => d.Chain.Code != definition.Chain.Code).ToList();
        foreach (var segment in definition.Segments)
        {
            var owner = others.FirstOrDefault(o => o.Segments.Any(s => s.Code == segment.Code));
            if (owner is not null)
            {
                problems.Add(new ChainProblem("segments.code", $"segment code {segment.Code} already belongs to chain {owner.Chain.Code}", [segment.Code]));
            }
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
