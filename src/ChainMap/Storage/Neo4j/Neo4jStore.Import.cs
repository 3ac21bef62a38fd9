using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChainMap.Import;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// <c>(:ImportJob {id, kind, fileName, state, dryRun, allOrNothing, read, inserted, updated, unchanged, rejected,
/// unassigned, problems, written, createdAt, startedAt, finishedAt, message})</c> with times as UTC text that sorts;
/// <c>(:ImportProblem {jobId, seq, file, line, column, value, reason, severity})</c>; provenance is the
/// <c>provenance</c> JSON of <c>(:Company)</c> (source → field mask, <see cref="FieldProvenance"/>) joined to <c>(:ImportRun {id, fileName, at})</c>.
/// </summary>
internal sealed partial class Neo4jStore
{
    /// <summary>
    /// A session over one explicit Neo4j transaction (<see cref="INeo4jTransport.BeginAsync"/>): batches are
    /// read, decided and written inside it, so later batches see earlier rows and nothing is visible until
    /// <see cref="ICompanyImportSession.CommitAsync"/>; disposing without committing rolls back everything since
    /// the last commit. See <see cref="Neo4jCompanyImportSession"/> for what a failure does.
    /// </summary>
    public Task<ICompanyImportSession> BeginCompanyImportAsync(ImportStamp stamp, CancellationToken cancellationToken) =>
        Task.FromResult<ICompanyImportSession>(new Neo4jCompanyImportSession(this, stamp));

    public async Task<IReadOnlyList<FieldSource>> GetCompanyProvenanceAsync(long companyId, CancellationToken cancellationToken)
    {
        var company = await RunAsync(Cypher("MATCH (c:Company {id: $id}) RETURN c.provenance", ("id", companyId)), cancellationToken);
        var json = company.Rows.Count == 0 ? null : company.Rows[0][0].AsString();
        var fields = FieldProvenance.FromJson(json).Fields;
        if (fields.Count == 0)
        {
            return [];
        }

        var result = await RunAsync(Cypher("""
            UNWIND $ids AS id
            MATCH (r:ImportRun {id: id})
            RETURN r.id, r.fileName, r.at
            """, ("ids", fields.Values.Distinct(StringComparer.Ordinal).ToList())), cancellationToken);
        var runs = result.Rows.ToDictionary(
            row => row[0].AsRequiredString(),
            row => (File: row[1].AsRequiredString(), At: DateTimeOffset.Parse(row[2].AsRequiredString(), CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);
        return CompanyFields.Sources(fields, runs);
    }

    public async Task<IReadOnlyList<CompanyKey>> FindCompanyKeysAsync(IReadOnlyCollection<string> usccs, IReadOnlyCollection<string> nameKeys, CancellationToken cancellationToken)
    {
        if (usccs.Count + nameKeys.Count == 0)
        {
            return [];
        }

        var result = await RunAsync(Cypher("""
            UNWIND $usccs AS uscc
            MATCH (c:Company {uscc: uscc})
            RETURN c.id AS id, c.uscc AS uscc, c.nameKey AS nameKey, c.provinceCode AS province, c.cityCode AS city, c.countyCode AS county
            UNION
            UNWIND $names AS name
            MATCH (c:Company {nameKey: name})
            RETURN c.id AS id, c.uscc AS uscc, c.nameKey AS nameKey, c.provinceCode AS province, c.cityCode AS city, c.countyCode AS county
            """, ("usccs", usccs.ToList()), ("names", nameKeys.ToList())), cancellationToken);
        return result.Rows
            .Select(row => new CompanyKey(row[0].AsInt64(), row[1].AsString(), row[2].AsRequiredString(), row[3].AsRequiredString(), row[4].AsString(), row[5].AsString()))
            .ToList();
    }

    public async Task SaveImportJobAsync(ImportJob job, CancellationToken cancellationToken) =>
        await RunAsync(Cypher("""
            MERGE (j:ImportJob {id: $id})
            SET j += $props
            """,
            ("id", job.Id),
            ("props", new Dictionary<string, object?>
            {
                ["kind"] = job.Kind,
                ["fileName"] = job.FileName,
                ["state"] = job.State.ToWire(),
                ["dryRun"] = job.DryRun,
                ["allOrNothing"] = job.AllOrNothing,
                ["read"] = job.Counts.Read,
                ["inserted"] = job.Counts.Inserted,
                ["updated"] = job.Counts.Updated,
                ["unchanged"] = job.Counts.Unchanged,
                ["rejected"] = job.Counts.Rejected,
                ["unassigned"] = job.Counts.Unassigned,
                ["problems"] = job.Counts.Problems,
                ["unconfirmed"] = job.Counts.Unconfirmed,
                ["analystValuesKept"] = job.Counts.AnalystValuesKept,
                ["written"] = job.Written,
                ["createdAt"] = JobTime(job.CreatedAt),
                ["startedAt"] = job.StartedAt is { } started ? JobTime(started) : null,
                ["finishedAt"] = job.FinishedAt is { } finished ? JobTime(finished) : null,
                ["message"] = job.Message,
                ["overwriteAnalyst"] = job.OverwriteAnalyst,
            })),
            cancellationToken);

    public async Task<ImportJob?> GetImportJobAsync(string id, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("MATCH (j:ImportJob {id: $id}) RETURN " + JobMap, ("id", id)), cancellationToken);
        return result.Rows.Count == 0 ? null : ReadJob(result.Rows[0][0]);
    }

    public async Task<IReadOnlyList<ImportJob>> ListImportJobsAsync(int limit, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher(
            "MATCH (j:ImportJob) WITH j ORDER BY j.createdAt DESC, j.id DESC LIMIT $limit RETURN " + JobMap,
            ("limit", limit)), cancellationToken);
        return result.Rows.Select(row => ReadJob(row[0])).ToList();
    }

    public async Task<int> FailUnfinishedImportJobsAsync(string message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("""
            MATCH (j:ImportJob) WHERE j.state IN ['queued', 'running']
            SET j.state = 'failed', j.message = $message, j.finishedAt = $at, j.written = false
            RETURN count(j)
            """, ("message", message), ("at", JobTime(at))), cancellationToken);
        return (int)result.Rows[0][0].AsInt64();
    }

    public async Task SaveImportProblemsAsync(string jobId, IReadOnlyList<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var rows = problems.Select((p, i) => new Dictionary<string, object?>
        {
            ["seq"] = i,
            ["file"] = p.File,
            ["line"] = p.Line,
            ["column"] = p.Column,
            ["value"] = p.Value,
            ["reason"] = p.Reason,
            ["severity"] = p.Severity.ToWire(),
        }).ToList();
        await RunAsync(
        [
            Cypher("MATCH (p:ImportProblem {jobId: $job}) DELETE p", ("job", jobId)),
            Cypher("""
                UNWIND $rows AS row
                CREATE (p:ImportProblem {jobId: $job, seq: row.seq, file: row.file, line: row.line, column: row.column,
                    value: row.value, reason: row.reason, severity: row.severity})
                """, ("job", jobId), ("rows", rows)),
        ], cancellationToken);
    }

    public async IAsyncEnumerable<ImportProblem> ReadImportProblemsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("""
            MATCH (p:ImportProblem {jobId: $job})
            RETURN p.file, p.line, p.column, p.value, p.reason, p.severity ORDER BY p.seq
            """, ("job", jobId)), cancellationToken);
        foreach (var row in result.Rows)
        {
            yield return new ImportProblem(
                row[0].AsRequiredString(), (int)row[1].AsInt64(), row[2].AsString(), row[3].AsString(), row[4].AsRequiredString(),
                ProblemSeverities.Parse(row[5].AsRequiredString()));
        }
    }

    private const string JobMap = """
        {id: j.id, kind: j.kind, fileName: j.fileName, state: j.state, dryRun: j.dryRun, allOrNothing: j.allOrNothing,
         read: j.read, inserted: j.inserted, updated: j.updated, unchanged: j.unchanged, rejected: j.rejected,
         unassigned: j.unassigned, problems: j.problems, unconfirmed: j.unconfirmed, analystValuesKept: j.analystValuesKept, written: j.written, createdAt: j.createdAt,
         startedAt: j.startedAt, finishedAt: j.finishedAt, message: j.message, overwriteAnalyst: coalesce(j.overwriteAnalyst, false)} AS job
        """;

    private static string JobTime(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseJobTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static ImportJob ReadJob(System.Text.Json.JsonElement job) => new(
        job.Get("id").AsRequiredString(),
        job.Get("kind").AsRequiredString(),
        job.Get("fileName").AsRequiredString(),
        ImportJobStates.Parse(job.Get("state").AsRequiredString()),
        job.Get("dryRun").AsBoolean(),
        job.Get("allOrNothing").AsBoolean(),
        new ImportCounts(
            job.Get("read").AsInt64(), job.Get("inserted").AsInt64(), job.Get("updated").AsInt64(), job.Get("unchanged").AsInt64(),
            job.Get("rejected").AsInt64(), job.Get("unassigned").AsInt64(), job.Get("problems").AsInt64(),
            job.Get("unconfirmed").AsNullableInt64() ?? 0)
        {
            AnalystValuesKept = job.Get("analystValuesKept").AsNullableInt64() ?? 0,
        },
        job.Get("written").AsBoolean(),
        ParseJobTime(job.Get("createdAt").AsRequiredString()),
        job.Get("startedAt").AsString() is { } started ? ParseJobTime(started) : null,
        job.Get("finishedAt").AsString() is { } finished ? ParseJobTime(finished) : null,
        job.Get("message").AsString(),
        job.Get("overwriteAnalyst").AsBoolean());

    /// <summary>
    /// The import session. The first batch after a commit (or of the session) opens the transaction: that
    /// unit (open, read, write) is whole, so it is retried from the start on a transient failure
    /// (<see cref="ExecuteOpeningAsync{T}"/>). A later batch cannot be retried alone: the failure has rolled the transaction
    /// back with the earlier batches of the unit, which the session no longer holds. It then fails with a
    /// <see cref="StoreUnavailableException"/> that says exactly which rows are stored: those up to the last
    /// commit. The transaction holds the company sequence's write lock from its first batch to its end, so
    /// other company writers wait for it (as on SQLite); the server drops it if it idles for longer than its
    /// transaction timeout (60 s by default), which only a caller pausing between batches would reach.
    /// </summary>
    private sealed class Neo4jCompanyImportSession(Neo4jStore store, ImportStamp stamp) : ICompanyImportSession
    {
        private INeo4jTransaction? transaction;
        private long committedRows;
        private long pendingRows;
        private int batches;

        public int CommitEvery => store.importCommitRows;

        public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CompanyRecord> batch, CancellationToken cancellationToken)
        {
            IReadOnlyList<UpsertOutcome> outcomes;
            if (transaction is null)
            {
                (transaction, outcomes) = await store.ExecuteOpeningAsync(async (server, token) =>
                {
                    var opened = await server.Transport.BeginAsync(token);
                    try
                    {
                        return (opened, await UpsertBatchAsync(opened.RunAsync, batch, stamp, lockFirst: true, token));
                    }
                    catch
                    {
                        await opened.DisposeAsync();
                        throw;
                    }
                }, cancellationToken);
            }
            else
            {
                try
                {
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    limit.CancelAfter(store.resilience.TotalTimeout);
                    outcomes = await UpsertBatchAsync(transaction.RunAsync, batch, stamp, lockFirst: true, limit.Token);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw await FailAsync(ex, "writing batch " + (batches + 1).ToString(CultureInfo.InvariantCulture));
                }
            }

            batches++;
            pendingRows += batch.Count;
            return outcomes;
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (transaction is null)
            {
                return;
            }

            try
            {
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw await FailAsync(ex, "committing");
            }

            await transaction.DisposeAsync();
            transaction = null;
            committedRows += pendingRows;
            pendingRows = 0;
        }

        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
                transaction = null;
            }
        }

        /// <summary>Rolls the transaction back and says which rows are stored; server trouble becomes a 503.</summary>
        private async Task<Exception> FailAsync(Exception failure, string doing)
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
                transaction = null;
            }

            var lost = pendingRows;
            pendingRows = 0;
            var report = $"the import session failed while {doing}: the first {committedRows.ToString(CultureInfo.InvariantCulture)} rows sent to it are "
                + $"committed; the {lost.ToString(CultureInfo.InvariantCulture)} rows sent since the last commit were rolled back with its transaction"
                + (doing == "committing" ? " (unless the commit reached Neo4j before the connection failed; importing the file again finds them and doubles nothing)" : "; importing the file again writes them without doubling the others");
            return store.UnavailableReason(failure) is { } reason
                ? new StoreUnavailableException($"{reason}; {report}", failure)
                : new InvalidOperationException($"{report}: {failure.Message}", failure);
        }
    }
}
