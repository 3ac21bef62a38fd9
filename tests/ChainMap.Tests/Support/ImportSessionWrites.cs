using ChainMap.Storage;

namespace ChainMap.Tests.Support;

/// <summary>Test set-up writes companies the way features do: one import session per batch, committed.</summary>
internal static class ImportSessionWrites
{
    public static async Task<IReadOnlyList<UpsertOutcome>> UpsertCompaniesAsync(this ICompanyImportStore store, IReadOnlyList<CompanyRecord> batch, ImportStamp stamp, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginCompanyImportAsync(stamp, cancellationToken);
        var outcomes = await session.UpsertAsync(batch, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return outcomes;
    }
}
