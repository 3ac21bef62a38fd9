using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChainMap.Import;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    public async Task<ICompanyImportSession> BeginCompanyImportAsync(ImportStamp stamp, CancellationToken cancellationToken) =>
        await SqliteCompanyImportSession.OpenAsync(this, stamp, cancellationToken);

    public async Task<IReadOnlyList<FieldSource>> GetCompanyProvenanceAsync(long companyId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        string? json;
        await using (var command = Command(connection, "SELECT provenance FROM company WHERE id = $id"))
        {
            command.Parameters.AddWithValue("$id", companyId);
            json = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        var fields = FieldProvenance.FromJson(json).Fields;
        if (fields.Count == 0)
        {
            return [];
        }

        var runs = new Dictionary<string, (string File, DateTimeOffset At)>(StringComparer.Ordinal);
        await using (var command = Command(connection, "SELECT id, file_name, at FROM import_run WHERE id IN (SELECT value FROM json_each($ids))"))
        {
            command.Parameters.AddWithValue("$ids", Json(fields.Values.Distinct().ToList()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs[reader.GetString(0)] = (reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture));
            }
        }

        return CompanyFields.Sources(fields, runs);
    }

    public async Task<IReadOnlyList<CompanyKey>> FindCompanyKeysAsync(IReadOnlyCollection<string> usccs, IReadOnlyCollection<string> nameKeys, CancellationToken cancellationToken)
    {
        if (usccs.Count + nameKeys.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT id, uscc, name_key, province_code, city_code, county_code FROM company WHERE uscc IN (SELECT value FROM json_each($usccs))
            UNION
            SELECT id, uscc, name_key, province_code, city_code, county_code FROM company WHERE name_key IN (SELECT value FROM json_each($names))
            """);
        command.Parameters.AddWithValue("$usccs", Json(usccs));
        command.Parameters.AddWithValue("$names", Json(nameKeys));
        var result = new List<CompanyKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new CompanyKey(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return result;
    }

    public async Task SaveImportJobAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO import_job(id, kind, file_name, state, dry_run, all_or_nothing, rows_read, inserted, updated, unchanged,
                rejected, unassigned, problems, written, created_at, started_at, finished_at, message, unconfirmed, analyst_values_kept, overwrite_analyst)
            VALUES ($id, $kind, $file, $state, $dry, $aon, $read, $inserted, $updated, $unchanged, $rejected, $unassigned,
                $problems, $written, $created, $started, $finished, $message, $unconfirmed, $kept, $overwrite)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, file_name = excluded.file_name, state = excluded.state,
                dry_run = excluded.dry_run, all_or_nothing = excluded.all_or_nothing, rows_read = excluded.rows_read,
                inserted = excluded.inserted, updated = excluded.updated, unchanged = excluded.unchanged,
                rejected = excluded.rejected, unassigned = excluded.unassigned, problems = excluded.problems,
                written = excluded.written, created_at = excluded.created_at, started_at = excluded.started_at,
                finished_at = excluded.finished_at, message = excluded.message, unconfirmed = excluded.unconfirmed,
                analyst_values_kept = excluded.analyst_values_kept, overwrite_analyst = excluded.overwrite_analyst
            """);
        var p = command.Parameters;
        p.AddWithValue("$id", job.Id);
        p.AddWithValue("$kind", job.Kind);
        p.AddWithValue("$file", job.FileName);
        p.AddWithValue("$state", StateToWire(job.State));
        p.AddWithValue("$dry", job.DryRun);
        p.AddWithValue("$aon", job.AllOrNothing);
        p.AddWithValue("$read", job.Counts.Read);
        p.AddWithValue("$inserted", job.Counts.Inserted);
        p.AddWithValue("$updated", job.Counts.Updated);
        p.AddWithValue("$unchanged", job.Counts.Unchanged);
        p.AddWithValue("$rejected", job.Counts.Rejected);
        p.AddWithValue("$unassigned", job.Counts.Unassigned);
        p.AddWithValue("$problems", job.Counts.Problems);
        p.AddWithValue("$unconfirmed", job.Counts.Unconfirmed);
        p.AddWithValue("$kept", job.Counts.AnalystValuesKept);
        p.AddWithValue("$overwrite", job.OverwriteAnalyst);
        p.AddWithValue("$written", job.Written);
        p.AddWithValue("$created", Time(job.CreatedAt));
        p.AddWithValue("$started", Db(job.StartedAt is { } started ? Time(started) : null));
        p.AddWithValue("$finished", Db(job.FinishedAt is { } finished ? Time(finished) : null));
        p.AddWithValue("$message", Db(job.Message));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ImportJob?> GetImportJobAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {JobColumns} FROM import_job WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadJob(reader) : null;
    }

    public async Task<IReadOnlyList<ImportJob>> ListImportJobsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {JobColumns} FROM import_job ORDER BY created_at DESC, id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit);
        var jobs = new List<ImportJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(ReadJob(reader));
        }

        return jobs;
    }

    public async Task<int> FailUnfinishedImportJobsAsync(string message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            UPDATE import_job SET state = 'failed', message = $message, finished_at = $at, written = 0
            WHERE state IN ('queued', 'running')
            """);
        command.Parameters.AddWithValue("$message", message);
        command.Parameters.AddWithValue("$at", Time(at));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveImportProblemsAsync(string jobId, IReadOnlyList<ImportProblem> problems, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = Command(connection, "DELETE FROM import_problem WHERE job_id = $job", transaction))
        {
            clear.Parameters.AddWithValue("$job", jobId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = Command(connection, """
            INSERT INTO import_problem(job_id, seq, file, line, column_name, value, reason, severity)
            VALUES ($job, $seq, $file, $line, $column, $value, $reason, $severity)
            """, transaction))
        {
            var p = insert.Parameters;
            p.AddWithValue("$job", jobId);
            var seq = p.Add("$seq", SqliteType.Integer);
            var file = p.Add("$file", SqliteType.Text);
            var line = p.Add("$line", SqliteType.Integer);
            var column = p.Add("$column", SqliteType.Text);
            var value = p.Add("$value", SqliteType.Text);
            var reason = p.Add("$reason", SqliteType.Text);
            var severity = p.Add("$severity", SqliteType.Text);
            for (var i = 0; i < problems.Count; i++)
            {
                var problem = problems[i];
                seq.Value = i;
                file.Value = problem.File;
                line.Value = problem.Line;
                column.Value = Db(problem.Column);
                value.Value = Db(problem.Value);
                reason.Value = problem.Reason;
                severity.Value = problem.Severity.ToWire();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<ImportProblem> ReadImportProblemsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT file, line, column_name, value, reason, severity FROM import_problem WHERE job_id = $job ORDER BY seq
            """);
        command.Parameters.AddWithValue("$job", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ImportProblem(
                reader.GetString(0), reader.GetInt32(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4),
                ProblemSeverities.Parse(reader.GetString(5)));
        }
    }

    private const string JobColumns = """
        id, kind, file_name, state, dry_run, all_or_nothing, rows_read, inserted, updated, unchanged, rejected, unassigned,
        problems, written, created_at, started_at, finished_at, message, unconfirmed, analyst_values_kept, overwrite_analyst
        """;

    private static ImportJob ReadJob(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        StateFromWire(reader.GetString(3)),
        reader.GetBoolean(4),
        reader.GetBoolean(5),
        new ImportCounts(reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(18))
        {
            AnalystValuesKept = reader.GetInt64(19),
        },
        reader.GetBoolean(13),
        ParseTime(reader.GetString(14)),
        reader.IsDBNull(15) ? null : ParseTime(reader.GetString(15)),
        reader.IsDBNull(16) ? null : ParseTime(reader.GetString(16)),
        NullableString(reader, 17),
        reader.GetBoolean(20));

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string StateToWire(ImportJobState state) => state.ToWire();

    private static ImportJobState StateFromWire(string text) => ImportJobStates.Parse(text);
}
