using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore : IStoreMaintenance
{
    public async Task<BackupResult> BackupAsync(string destination, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(destination);
        if (string.Equals(full, Path.GetFullPath(DatabasePath), StringComparison.Ordinal))
        {
            throw new ArgumentException("The backup cannot overwrite the live database.", nameof(destination));
        }

        OwnerOnly.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".partial";
        File.Delete(temporary);
        OwnerOnly.EnsureFile(temporary);
        await using (var source = await OpenAsync(cancellationToken))
        {
            // SQLite's online backup API copies a consistent snapshot page by page while writers go on.
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString());
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            await using var journal = target.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        File.Move(temporary, full, overwrite: true);
        long companies;
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await check.OpenAsync(cancellationToken);
            await using var count = check.CreateCommand();
            count.CommandText = "SELECT count(*) FROM company";
            companies = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return new BackupResult(full, new FileInfo(full).Length, companies, time.GetUtcNow());
    }

    public async Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken) =>
        await IntegrityProblemsAsync(DatabasePath, cancellationToken);

    /// <summary>PRAGMA integrity_check and foreign_key_check of any SQLite file, read-only.</summary>
    internal static async Task<IReadOnlyList<string>> IntegrityProblemsAsync(string path, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check";
            await using var reader = await integrity.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add(line);
                }
            }
        }

        await using (var foreignKeys = connection.CreateCommand())
        {
            foreignKeys.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await foreignKeys.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add($"foreign key: table {reader.GetString(0)} row {reader.GetValue(1)} refers to missing {reader.GetString(2)}");
            }
        }

        return problems;
    }

    /// <summary>
    /// Puts a backup in place of the database at <paramref name="databasePath"/>: checks it first,
    /// then swaps files atomically. The service must be stopped (docs/operations.md).
    /// </summary>
    internal static async Task RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken)
    {
        var problems = await IntegrityProblemsAsync(backupPath, cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The backup {backupPath} fails its integrity check: {string.Join("; ", problems.Take(5))}");
        }

        SqliteConnection.ClearAllPools();
        var temporary = databasePath + ".restoring";
        File.Copy(backupPath, temporary, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }

        File.Move(temporary, databasePath, overwrite: true);
    }
}
