using ChainMap.Domain;

namespace ChainMap.Storage;

/// <summary>
/// A company as an import or an API call supplies it. <see cref="IdentityKey"/> is the USCC
/// ("u:" + code) when present, else "n:" + normalised name + "|" + region code.
/// </summary>
internal sealed record CompanyRecord(
    string IdentityKey,
    string? Uscc,
    string Name,
    string NameKey,
    string RegionCode,
    string ProvinceCode,
    string? CityCode,
    string? CountyCode,
    decimal? RegisteredCapital,
    DateOnly? Founded,
    int? Employees,
    decimal? Revenue,
    string? ListedCode,
    IReadOnlyList<string> Tags,
    string? Products,
    string? Address,
    double Strength,
    IReadOnlyList<SegmentMembership> Memberships,
    string? Industry = null,
    string? Scope = null);

/// <summary>What identifies a stored company: its id, USCC, normalised name and place.</summary>
internal sealed record CompanyKey(long Id, string? Uscc, string NameKey, string ProvinceCode, string? CityCode, string? CountyCode);

/// <summary>
/// Which import (file, time) a stored value came from. <see cref="OverwriteAnalyst"/>: the import replaces values an
/// analyst set by hand (by default it keeps them, ADR 0185).
/// </summary>
internal sealed record ImportStamp(string ImportId, string FileName, DateTimeOffset At, bool OverwriteAnalyst = false);

internal enum UpsertKind
{
    Inserted,
    Updated,
    Unchanged,

    /// <summary>Same USCC, different name: reported, nothing written.</summary>
    Conflict,
}

/// <summary>What a row did; <see cref="AnalystValuesKept"/> counts the analyst's values it would have changed but kept (ADR 0185).</summary>
internal sealed record UpsertOutcome(UpsertKind Kind, long CompanyId, string? Detail, int AnalystValuesKept = 0);

/// <summary>Company search. Region codes may be provinces, cities or counties; empty means everywhere.</summary>
internal sealed record CompanyQuery(
    string? NameContains,
    string? ChainCode,
    IReadOnlyCollection<string>? SegmentCodes,
    IReadOnlyCollection<string>? RegionCodes,
    int Page,
    int PageSize);

internal sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>Company reads, search, references and relations (company writes go through <see cref="ICompanyImportStore"/>).</summary>
internal interface ICompanyStore
{
    Task<Company?> GetCompanyAsync(long id, CancellationToken cancellationToken);

    Task<Company?> GetCompanyByUsccAsync(string uscc, CancellationToken cancellationToken);

    /// <summary>Finds companies by identity keys (for relation imports); missing keys are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, long>> FindCompanyIdsAsync(IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken);

    /// <summary>Search ordered by strength descending, then id.</summary>
    Task<Paged<Company>> SearchCompaniesAsync(CompanyQuery query, CancellationToken cancellationToken);

    Task<long> CountCompaniesAsync(CancellationToken cancellationToken);

    /// <summary>Upserts relations between companies (by from, to, kind). Returns how many were new.</summary>
    Task<int> SaveRelationsAsync(IReadOnlyList<CompanyRelation> relations, CancellationToken cancellationToken);

    /// <summary>Relations in which the company takes part, either direction.</summary>
    Task<IReadOnlyList<CompanyRelation>> ListRelationsAsync(long companyId, CancellationToken cancellationToken);

    /// <summary>For each stored field of a company, the import that last set it; empty for an unknown company.</summary>
    Task<IReadOnlyList<FieldSource>> GetCompanyProvenanceAsync(long companyId, CancellationToken cancellationToken);

    /// <summary>
    /// The identities of the stored companies with one of <paramref name="usccs"/> or one of <paramref name="nameKeys"/>,
    /// by id: what a relation import matches its references against (<see cref="Import.CompanyReferences.Match"/>).
    /// </summary>
    Task<IReadOnlyList<CompanyKey>> FindCompanyKeysAsync(IReadOnlyCollection<string> usccs, IReadOnlyCollection<string> nameKeys, CancellationToken cancellationToken);
}
