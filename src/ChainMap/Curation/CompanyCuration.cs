using ChainMap.Discovery;
using ChainMap.Import;
using ChainMap.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Curation;

/// <summary>How an edit or a delete ended.</summary>
internal enum CompanyCurationStatus
{
    /// <summary>Written: the version moved on (a delete: the company is gone).</summary>
    Done,

    /// <summary>Every given value was the stored one: nothing written, the version stays.</summary>
    Unchanged,
    NotFound,
    VersionConflict,

    /// <summary>The edited name and region are another company's identity (<see cref="CompanyCurationResult.Other"/>).</summary>
    IdentityCollision,

    /// <summary>A delete refused: projects or activities refer to the company.</summary>
    Referenced,
}

/// <summary>The outcome of <see cref="CompanyCuration"/>: the status, the company's version now, and what blocked it.</summary>
internal sealed record CompanyCurationResult(
    CompanyCurationStatus Status,
    long Version,
    IReadOnlyList<string> ChangedFields,
    StoredCompany? Other = null,
    IReadOnlyList<CompanyProjectReference>? Projects = null,
    int Activities = 0);

/// <summary>Who makes a change: the signed-in user's id and name.</summary>
internal sealed record Analyst(string? Id, string Name);

/// <summary>
/// An analyst edits a company's fields or deletes it (ADR 0185): the edit rule and the identity check are
/// <see cref="CompanyEditing"/>'s, the store writes only at the expected version, and the discovery caches are dropped
/// after every write so gap ratings, target lists, maps and exports show it at once.
/// </summary>
internal sealed class CompanyCuration(ICompanyEditStore store, DiscoveryCache cache, TimeProvider time)
{
    public async Task<CompanyCurationResult> EditAsync(long id, long expectedVersion, CompanyEdit edit, Analyst analyst, CancellationToken cancellationToken)
    {
        var stored = await store.GetCompanyForEditAsync(id, cancellationToken);
        if (stored is null)
        {
            return new CompanyCurationResult(CompanyCurationStatus.NotFound, 0, []);
        }

        if (stored.Version != expectedVersion)
        {
            return new CompanyCurationResult(CompanyCurationStatus.VersionConflict, stored.Version, []);
        }

        var now = time.GetUtcNow();
        var decision = CompanyEditing.Apply(stored, edit, AnalystProvenance.Stamp(now, analyst.Id, analyst.Name));
        var fields = CompanyFields.In(decision.ChangedFields).ToList();
        if (!decision.Changed)
        {
            return new CompanyCurationResult(CompanyCurationStatus.Unchanged, stored.Version, []);
        }

        if ((decision.ChangedFields & (CompanyFields.Name | CompanyFields.Region)) != 0
            && CompanyEditing.Collision(decision.Company, await store.FindCompaniesByNameKeyAsync(decision.Company.NameKey, cancellationToken)) is { } other)
        {
            return new CompanyCurationResult(CompanyCurationStatus.IdentityCollision, stored.Version, fields, other);
        }

        var written = await store.SaveCompanyEditAsync(decision.Company, expectedVersion, decision.RegionChanged, now, cancellationToken);
        if (written.Status == CompanyWriteStatus.Written)
        {
            await cache.ChangedAsync(cancellationToken);
        }

        return new CompanyCurationResult(Map(written.Status), written.Version, fields);
    }

    public async Task<CompanyCurationResult> DeleteAsync(long id, long expectedVersion, CancellationToken cancellationToken)
    {
        var result = await store.DeleteCompanyAsync(id, expectedVersion, cancellationToken);
        if (result.Status == CompanyWriteStatus.Written)
        {
            await cache.ChangedAsync(cancellationToken);
        }

        return new CompanyCurationResult(Map(result.Status), result.Version, [], Projects: result.Projects, Activities: result.Activities);
    }

    private static CompanyCurationStatus Map(CompanyWriteStatus status) => status switch
    {
        CompanyWriteStatus.Written => CompanyCurationStatus.Done,
        CompanyWriteStatus.NotFound => CompanyCurationStatus.NotFound,
        CompanyWriteStatus.VersionConflict => CompanyCurationStatus.VersionConflict,
        _ => CompanyCurationStatus.Referenced,
    };
}

internal static class CompanyEditingServiceCollectionExtensions
{
    /// <summary>Analysts' company edits and deletes (issue 16, ADR 0185).</summary>
    public static IServiceCollection AddCompanyEditing(this IServiceCollection services) => services.AddSingleton<CompanyCuration>();
}
