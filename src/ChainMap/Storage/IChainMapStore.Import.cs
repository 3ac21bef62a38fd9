using ChainMap.Import;

namespace ChainMap.Storage;

/// <summary>
/// A company import writing through one open transaction: batches are upserted in order, and
/// nothing is visible to anyone else until <see cref="CommitAsync"/>. Disposing without
/// committing rolls back everything since the last commit (dry runs and all-or-nothing imports
/// rely on that). One session at a time per store; other writers wait while it holds work.
/// </summary>
internal interface ICompanyImportSession : IAsyncDisposable
{
    /// <summary>
    /// Inserts or updates a batch; outcomes are in input order. A company is found by USCC, else
    /// by normalised name within a compatible region (the same division, or one containing the
    /// other); a row with a USCC also merges into a company of its name and region stored without
    /// one. Same USCC with another name, or a name that matches several companies, is a
    /// <see cref="UpsertKind.Conflict"/> and writes nothing. Rows of one session see each other.
    /// </summary>
    Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CompanyRecord> batch, CancellationToken cancellationToken);

    /// <summary>Makes everything upserted so far durable and visible; later batches start a new unit of work.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The store's own limit on the rows between the commits of an ordinary import, an option of the store
    /// (<c>Neo4j:ImportCommitRows</c>: a database server holds an open transaction in its memory; SQLite has none and says
    /// <see cref="int.MaxValue"/>). The importer commits at the smaller of this and its own size. Dry runs and
    /// all-or-nothing imports commit once or never, whatever it says.
    /// </summary>
    int CommitEvery { get; }

    /// <summary>
    /// True while the session writes through a path whose commits would show other connections a store without some of
    /// its indexes (a large import into a store with companies drops the ones it writes at random places and builds them
    /// again in its last transaction, ADR 0410): the importer then makes no commit of its own before the end, so readers
    /// keep the store as it was, indexes included, until the import's one commit. The default is false.
    /// </summary>
    bool HoldsCommits => false;

    /// <summary>
    /// True when another writer of the store is waiting for this session's open transaction (an analyst's edit, a merge, a
    /// job record…, ADR 0440): the importer then commits at this batch boundary, whatever <see cref="HoldsCommits"/> and
    /// <see cref="CommitEvery"/> say, and the session lets the writers in before its next transaction. A session that held
    /// its commits ends that path properly at such a commit (its readers see a store with every index) and goes on with
    /// the importer's ordinary commits. The default is false (a store whose writers do not wait for an import's transaction).
    /// </summary>
    bool WritersWaiting => false;

    /// <summary>
    /// The importer says it will commit once at the end or never (a dry run, an all-or-nothing import): the session cannot
    /// let other writers in before its end, and they wait as long as the store lets them (ADR 0440). Told before the first batch.
    /// </summary>
    void CommitsOnlyAtEnd()
    {
    }

    /// <summary>
    /// How many rows the whole file probably holds (the rows read so far over the share of its bytes read, ADR 0380),
    /// told before each batch. A store may use it to choose early how to keep the tables it derives from the companies
    /// (a large import into a store with companies rebuilds them once instead of row by row); it decides nothing that
    /// a row's outcome depends on. The default ignores it.
    /// </summary>
    void ExpectRows(long rows)
    {
    }
}

/// <summary>
/// Where a stored company value came from: the field, and the import (id, file, time) that last set it; or, when
/// <see cref="ImportId"/> is "analyst" (<see cref="Curation.AnalystProvenance"/>), the analyst (<see cref="By"/>, <see cref="ById"/>)
/// who set it by hand and when (the file name is then empty).
/// </summary>
internal sealed record FieldSource(string Field, string ImportId, string FileName, DateTimeOffset At)
{
    public string? By { get; init; }

    public string? ById { get; init; }

    public bool IsAnalyst => ImportId == Curation.AnalystProvenance.Source;
}

/// <summary>
/// A company named by a relation or other reference: by USCC, or by normalised name
/// (<see cref="Text.ChineseText.NormalizeCompanyName"/>) optionally within a division
/// (province, city or county code).
/// </summary>
internal sealed record CompanyReference(string? Uscc, string? NameKey, string? RegionCode);

internal enum ImportJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>Stopped by a user (<c>POST /api/imports/{id}/cancel</c>); rolled back like a failed import.</summary>
    Cancelled,

    /// <summary>Stopped by the job time limit (<c>Import:JobTimeout</c>); rolled back like a failed import.</summary>
    TimedOut,

    /// <summary>Taken back (<c>POST /api/imports/{id}/undo</c>, ADR 0191): what it created is gone, what it changed is restored.</summary>
    Undone,
}

/// <summary>The wire (and stored) names of <see cref="ImportJobState"/>: queued, running, succeeded, failed, cancelled, timed-out.</summary>
internal static class ImportJobStates
{
    public static string ToWire(this ImportJobState state) => state == ImportJobState.TimedOut ? "timed-out" : state.ToString().ToLowerInvariant();

    public static ImportJobState Parse(string text) =>
        string.Equals(text, "timed-out", StringComparison.OrdinalIgnoreCase) ? ImportJobState.TimedOut : Enum.Parse<ImportJobState>(text, ignoreCase: true);

    /// <summary>True once the job has ended, whichever way.</summary>
    public static bool IsFinished(this ImportJobState state) => state is not (ImportJobState.Queued or ImportJobState.Running);
}

/// <summary>
/// Row counts of an import (for a dry run or an import that was not written: what would have happened);
/// <see cref="Unconfirmed"/> counts the 待确认 memberships the rows brought, <see cref="AnalystValuesKept"/> the values the rows
/// would have changed but kept because an analyst set them (ADR 0185).
/// </summary>
internal sealed record ImportCounts(long Read, long Inserted, long Updated, long Unchanged, long Rejected, long Unassigned, long Problems, long Unconfirmed = 0)
{
    public long AnalystValuesKept { get; init; }

    public static readonly ImportCounts Zero = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// An import job as users follow it: kind (companies, relations, chains), the uploaded file,
/// options, state, counts and times. <see cref="Written"/> is true once its rows are stored; <see cref="OverwriteAnalyst"/>
/// says whether it was asked to replace values analysts set (ADR 0185, recorded since ADR 0197).
/// </summary>
internal sealed record ImportJob(
    string Id,
    string Kind,
    string FileName,
    ImportJobState State,
    bool DryRun,
    bool AllOrNothing,
    ImportCounts Counts,
    bool Written,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    bool OverwriteAnalyst = false);

/// <summary>Where company imports write: one session at a time (<see cref="ICompanyImportSession"/>).</summary>
internal interface ICompanyImportStore
{
    /// <summary>Opens a <see cref="ICompanyImportSession"/>; values it writes are stamped with <paramref name="stamp"/> (provenance).</summary>
    Task<ICompanyImportSession> BeginCompanyImportAsync(ImportStamp stamp, CancellationToken cancellationToken);
}

/// <summary>Import job records and their problem reports.</summary>
internal interface IImportJobStore
{
    /// <summary>Creates or replaces an import job's state (by id).</summary>
    Task SaveImportJobAsync(ImportJob job, CancellationToken cancellationToken);

    /// <summary>One import job, or null when unknown.</summary>
    Task<ImportJob?> GetImportJobAsync(string id, CancellationToken cancellationToken);

    /// <summary>The most recent import jobs, newest first.</summary>
    Task<IReadOnlyList<ImportJob>> ListImportJobsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every queued or running job as failed with <paramref name="message"/> (at start-up:
    /// the process that ran them is gone). Returns how many were marked.
    /// </summary>
    Task<int> FailUnfinishedImportJobsAsync(string message, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores a job's problem report (replacing any stored one), in order.</summary>
    Task SaveImportProblemsAsync(string jobId, IReadOnlyList<ImportProblem> problems, CancellationToken cancellationToken);

    /// <summary>A job's problem report in order, streamed.</summary>
    IAsyncEnumerable<ImportProblem> ReadImportProblemsAsync(string jobId, CancellationToken cancellationToken);
}
