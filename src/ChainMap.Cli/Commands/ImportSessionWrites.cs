using ChainMap.Storage;

namespace ChainMap.Cli.Commands;

internal static class ImportSessionWrites
{
    /// <summary>One batch in its own import session, committed: how the benchmarks load synthetic companies (the port has no other company write).</summary>
    public static async Task<IReadOnlyList<UpsertOutcome>> UpsertCommittedAsync(this ICompanyImportStore store, IReadOnlyList<CompanyRecord> batch, ImportStamp stamp, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginCompanyImportAsync(stamp, cancellationToken);
        var outcomes = await session.UpsertAsync(batch, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return outcomes;
    }
}
