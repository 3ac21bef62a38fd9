using ChainMap.Import;

namespace ChainMap.Storage;

/// <summary>What became of a company write expecting a version.</summary>
internal enum CompanyWriteStatus
{
    Written,
    NotFound,

    /// <summary>The company's version was not the expected one: nothing was written (<see cref="CompanyWriteResult.Version"/> is the current one).</summary>
    VersionConflict,

    /// <summary>A delete refused because projects or activities refer to the company (<see cref="CompanyWriteResult.Projects"/>).</summary>
    Referenced,
}

/// <summary>A project that refers to a company (it blocks the company's deletion).</summary>
internal sealed record CompanyProjectReference(long ProjectId, string Name);

/// <summary>
/// The result of <see cref="ICompanyEditStore.SaveCompanyEditAsync"/> or <see cref="ICompanyEditStore.DeleteCompanyAsync"/>:
/// the status, the company's version after the write (or its current version on a conflict), and for a refused delete
/// the projects and the count of activities without a project that refer to it.
/// </summary>
internal sealed record CompanyWriteResult(CompanyWriteStatus Status, long Version, IReadOnlyList<CompanyProjectReference> Projects, int Activities = 0)
{
    public static readonly CompanyWriteResult NotFound = new(CompanyWriteStatus.NotFound, 0, []);
}

/// <summary>
/// Analysts' writes to a company's own fields, and its deletion (issue 16, ADR 0185). The rules (what an edit changes,
/// its provenance, the identity check) are decided in <c>Curation/</c>; the store loads and writes, each write in one
/// transaction that checks the expected version.
/// </summary>
internal interface ICompanyEditStore
{
    /// <summary>A company's fields, provenance and version as an edit meets them (memberships are not loaded), or null.</summary>
    Task<StoredCompany?> GetCompanyForEditAsync(long id, CancellationToken cancellationToken);

    /// <summary>The companies whose normalised name is <paramref name="nameKey"/> (memberships not loaded), by id.</summary>
    Task<IReadOnlyList<StoredCompany>> FindCompaniesByNameKeyAsync(string nameKey, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="company"/>'s fields, identity key, strength and provenance when its stored version is
    /// <paramref name="expectedVersion"/>, and increments the version; moves its region link when
    /// <paramref name="regionChanged"/>; <paramref name="at"/> is the time of the change. Memberships, relations and channel
    /// links are left as they are.
    /// </summary>
    Task<CompanyWriteResult> SaveCompanyEditAsync(StoredCompany company, long expectedVersion, bool regionChanged, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a company with its memberships, relations and channel links when its version is <paramref name="expectedVersion"/>
    /// and no project or activity refers to it (then <see cref="CompanyWriteStatus.Referenced"/> with the projects, nothing deleted).
    /// </summary>
    Task<CompanyWriteResult> DeleteCompanyAsync(long id, long expectedVersion, CancellationToken cancellationToken);
}
