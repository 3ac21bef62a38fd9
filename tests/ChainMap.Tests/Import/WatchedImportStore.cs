using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;

namespace ChainMap.Tests.Import;

/// <summary>
/// A company import store whose sessions count their commits, say <paramref name="commitEvery"/> as their limit, note after
/// each batch whether they hold their commits, and run <paramref name="afterBatch"/> (the batch's number, from 1) with the
/// batch's transaction still open, before the importer decides whether to commit. <paramref name="writersWaiting"/> true
/// makes every session say that a writer waits (ADR 0440).
/// </summary>
internal sealed class WatchedImportStore(ICompanyImportStore inner, int commitEvery, Func<int, Task>? afterBatch = null, bool writersWaiting = false) : ICompanyImportStore
{
    private readonly Func<int, Task>? afterBatch = afterBatch;
    private readonly bool writersWaiting = writersWaiting;

    public List<bool> Held { get; } = [];

    public int CommitEvery => commitEvery;

    public int Commits { get; private set; }

    /// <summary>Whether the importer said its session commits only at the end (a dry run, an all-or-nothing import).</summary>
    public bool CommitsOnlyAtEnd { get; private set; }

    public async Task<ICompanyImportSession> BeginCompanyImportAsync(ImportStamp stamp, CancellationToken cancellationToken) =>
        new Session(await inner.BeginCompanyImportAsync(stamp, cancellationToken), this);

    private sealed class Session(ICompanyImportSession inner, WatchedImportStore watched) : ICompanyImportSession
    {
        public int CommitEvery => watched.CommitEvery;

        public bool HoldsCommits => inner.HoldsCommits;

        public bool WritersWaiting => watched.writersWaiting || inner.WritersWaiting;

        public void CommitsOnlyAtEnd()
        {
            watched.CommitsOnlyAtEnd = true;
            inner.CommitsOnlyAtEnd();
        }

        public void ExpectRows(long rows) => inner.ExpectRows(rows);

        public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CompanyRecord> batch, CancellationToken cancellationToken)
        {
            var outcomes = await inner.UpsertAsync(batch, cancellationToken);
            watched.Held.Add(inner.HoldsCommits);
            if (watched.afterBatch is { } after)
            {
                await after(watched.Held.Count);
            }

            return outcomes;
        }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            watched.Commits++;
            return inner.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
