using System.Globalization;
using System.Text.Json;
using ChainMap.Seeding;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// The demo set (ADR 0195): its import runs (import_run by file name) and their change log, the companies they created,
/// what refers to those, and the channels, links and relations of the demo's source. <see cref="DemoRules"/> decides;
/// a removal writes in the transaction it read in (BEGIN IMMEDIATE: no import can match a demo company meanwhile).
/// </summary>
internal sealed partial class SqliteStore
{
    public Task<DemoOutcome> SurveyDemoAsync(DemoIdentity identity, CancellationToken cancellationToken) => DemoAsync(identity, remove: false, cancellationToken);

    public Task<DemoOutcome> RemoveDemoAsync(DemoIdentity identity, CancellationToken cancellationToken) => DemoAsync(identity, remove: true, cancellationToken);

    private async Task<DemoOutcome> DemoAsync(DemoIdentity identity, bool remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        await using var connection = await OpenWriterAsync(cancellationToken);
        // Microsoft.Data.Sqlite has no asynchronous BEGIN; a survey reads in a deferred transaction, a removal takes the write lock first.
        await using var transaction = connection.BeginTransaction(deferred: !remove);
        var footprint = await DemoFootprintAsync(connection, transaction, identity.CompanyFile, cancellationToken);
        var decision = DemoRules.Decide(footprint);
        var ids = JsonSerializer.Serialize(decision.Companies);
        var runs = JsonSerializer.Serialize(decision.Runs);
        var parameters = new (string, object?)[] { ("$ids", ids), ("$prefix", identity.SourcePrefix) };
        const string DemoChannel = "channel_id IN (SELECT id FROM channel WHERE substr(source, 1, length($prefix)) = $prefix)";
        var counts = new DemoCounts(
            decision.Companies.Count,
            await DemoScalarAsync(connection, transaction, "SELECT count(*) FROM channel WHERE substr(source, 1, length($prefix)) = $prefix", cancellationToken, parameters),
            await DemoScalarAsync(connection, transaction, $"""
                SELECT (SELECT count(*) FROM channel_company WHERE substr(source, 1, length($prefix)) = $prefix
                        OR company_id IN (SELECT value FROM json_each($ids)) OR {DemoChannel})
                     + (SELECT count(*) FROM channel_channel WHERE substr(source, 1, length($prefix)) = $prefix
                        OR {DemoChannel} OR member_id IN (SELECT id FROM channel WHERE substr(source, 1, length($prefix)) = $prefix))
                """, cancellationToken, parameters),
            await DemoScalarAsync(connection, transaction, """
                SELECT count(*) FROM company_relation WHERE substr(source, 1, length($prefix)) = $prefix
                    OR from_id IN (SELECT value FROM json_each($ids)) OR to_id IN (SELECT value FROM json_each($ids))
                """, cancellationToken, parameters),
            footprint.Runs.Count);
        if (!remove || decision.Refused || !counts.Any)
        {
            return new DemoOutcome(decision, counts, Removed: false);
        }

        // Links and relations the demo files wrote between other companies and channels first; then the demo channels and
        // companies, whose memberships, rejections, relations and links cascade (the discovery tables follow by trigger).
        foreach (var sql in new[]
        {
            "DELETE FROM channel_company WHERE substr(source, 1, length($prefix)) = $prefix",
            "DELETE FROM channel_channel WHERE substr(source, 1, length($prefix)) = $prefix",
            "DELETE FROM company_relation WHERE substr(source, 1, length($prefix)) = $prefix",
            "DELETE FROM channel WHERE substr(source, 1, length($prefix)) = $prefix",
            "DELETE FROM company WHERE id IN (SELECT value FROM json_each($ids))",
            "DELETE FROM import_change WHERE job_id IN (SELECT value FROM json_each($runs))",
            "DELETE FROM import_run WHERE id IN (SELECT value FROM json_each($runs))",
        })
        {
            await using var command = Command(connection, sql, transaction);
            command.Parameters.AddWithValue("$prefix", identity.SourcePrefix);
            if (sql.Contains("$ids", StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue("$ids", ids);
            }

            if (sql.Contains("$runs", StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue("$runs", runs);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new DemoOutcome(decision, counts, Removed: true);
    }

    private static async Task<DemoFootprint> DemoFootprintAsync(SqliteConnection connection, SqliteTransaction transaction, string companyFile, CancellationToken cancellationToken)
    {
        var runs = new List<(string Id, string At)>();
        await using (var read = Command(connection, "SELECT id, at FROM import_run WHERE file_name = $file ORDER BY at, id", transaction))
        {
            read.Parameters.AddWithValue("$file", companyFile);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (runs.Count == 0)
        {
            return DemoFootprint.Empty;
        }

        var runIds = JsonSerializer.Serialize(runs.Select(r => r.Id));
        var created = new List<DemoCreatedRange>();
        await using (var read = Command(connection, "SELECT job_id, first_id, last_id FROM import_change WHERE job_id IN (SELECT value FROM json_each($runs)) AND before IS NULL ORDER BY first_id", transaction))
        {
            read.Parameters.AddWithValue("$runs", runIds);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                created.Add(new DemoCreatedRange(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        var logged = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = Command(connection, "SELECT DISTINCT job_id FROM import_change WHERE job_id IN (SELECT value FROM json_each($runs))", transaction))
        {
            read.Parameters.AddWithValue("$runs", runIds);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                logged.Add(reader.GetString(0));
            }
        }

        var candidates = new Dictionary<long, DemoCandidate>();
        async Task ReadCandidatesAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var read = Command(connection, sql, transaction);
            foreach (var (name, value) in parameters)
            {
                read.Parameters.AddWithValue(name, value);
            }

            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates[reader.GetInt64(0)] = new DemoCandidate(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
            }
        }

        foreach (var range in created)
        {
            await ReadCandidatesAsync("SELECT id, name, created_at FROM company WHERE id BETWEEN $first AND $last", ("$first", range.FirstId), ("$last", range.LastId));
        }

        // Runs from before change logs (ADR 0191): the companies created at the run's time.
        if (runs.Where(r => !logged.Contains(r.Id)).Select(r => r.At).ToList() is { Count: > 0 } unlogged)
        {
            await ReadCandidatesAsync("SELECT id, name, created_at FROM company WHERE created_at IN (SELECT value FROM json_each($ats))", ("$ats", JsonSerializer.Serialize(unlogged)));
        }

        var ids = JsonSerializer.Serialize(candidates.Keys);
        var projects = new List<DemoProjectReference>();
        await using (var read = Command(connection, "SELECT id, name, company_id FROM project WHERE company_id IN (SELECT value FROM json_each($ids)) ORDER BY id", transaction))
        {
            read.Parameters.AddWithValue("$ids", ids);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                projects.Add(new DemoProjectReference(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        var activities = new Dictionary<long, int>();
        await using (var read = Command(connection, "SELECT company_id, count(*) FROM project_activity WHERE company_id IN (SELECT value FROM json_each($ids)) GROUP BY company_id", transaction))
        {
            read.Parameters.AddWithValue("$ids", ids);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                activities[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        return new DemoFootprint(runs.Select(r => new DemoRun(r.Id, r.At, logged.Contains(r.Id))).ToList(), created, candidates.Values.ToList(), projects, activities);
    }

    private static async Task<long> DemoScalarAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, transaction);
        foreach (var (name, value) in parameters.Where(p => sql.Contains(p.Name, StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
