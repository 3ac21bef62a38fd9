namespace ChainMap.Storage;

internal static class CompanyImportStoreExtensions
{
    /// <summary>
    /// One batch in its own import session, committed: how the benchmarks and the tests' set-up load companies
    /// without a file (the port has no other company write; features import through <see cref="Import.CompanyImporter"/>).
    /// </summary>
    public static async Task<IReadOnlyList<UpsertOutcome>> UpsertCompaniesAsync(this ICompanyImportStore store, IReadOnlyList<CompanyRecord> batch, ImportStamp stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var session = await store.BeginCompanyImportAsync(stamp, cancellationToken);
        var outcomes = await session.UpsertAsync(batch, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return outcomes;
    }
}
