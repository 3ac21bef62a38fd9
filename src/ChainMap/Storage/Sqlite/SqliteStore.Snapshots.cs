using System.Globalization;

namespace ChainMap.Storage.Sqlite;

/// <summary>Kept discovery answers and the write mark (ADR 0295): tables <c>discovery_snapshot</c> and <c>discovery_write_mark</c> (migration 215).</summary>
internal sealed partial class SqliteStore
{
    public async Task<long> GetWriteMarkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT coalesce((SELECT mark FROM discovery_write_mark WHERE only = 1), 0)");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <remarks>
    /// Not a background write (ADR 0460): the edit that noted the write waits for it (<c>DiscoveryCache.ChangedAsync</c>), so
    /// during an import it asks for a commit like the edit itself; as a background write it waited the busy timeout and
    /// failed, and every edit during an import was answered after about 30 s.
    /// </remarks>
    public async Task<long> RaiseWriteMarkAsync(long by, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO discovery_write_mark(only, mark) VALUES (1, $by)
            ON CONFLICT(only) DO UPDATE SET mark = mark + $by
            RETURNING mark
            """);
        command.Parameters.AddWithValue("$by", by);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<DiscoverySnapshot?> GetSnapshotAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT format, write_mark, as_of, body FROM discovery_snapshot WHERE key = $key");
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DiscoverySnapshot(
            key,
            reader.GetInt32(0),
            reader.GetInt64(1),
            DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            (byte[])reader.GetValue(3));
    }

    public async Task SaveSnapshotAsync(DiscoverySnapshot snapshot, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await OpenWriterAsync(cancellationToken, background: true);
        await using var transaction = connection.BeginTransaction();
        await using (var save = Command(connection, """
            INSERT INTO discovery_snapshot(key, format, write_mark, as_of, written_seq, body)
            VALUES ($key, $format, $mark, $asOf, coalesce((SELECT max(written_seq) FROM discovery_snapshot), 0) + 1, $body)
            ON CONFLICT(key) DO UPDATE SET format = excluded.format, write_mark = excluded.write_mark, as_of = excluded.as_of,
                written_seq = excluded.written_seq, body = excluded.body
            """, transaction))
        {
            save.Parameters.AddWithValue("$key", snapshot.Key);
            save.Parameters.AddWithValue("$format", snapshot.Format);
            save.Parameters.AddWithValue("$mark", snapshot.WriteMark);
            save.Parameters.AddWithValue("$asOf", snapshot.AsOf.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            save.Parameters.AddWithValue("$body", snapshot.Body);
            await save.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var trim = Command(connection, """
            DELETE FROM discovery_snapshot WHERE key NOT IN (SELECT key FROM discovery_snapshot ORDER BY written_seq DESC LIMIT $keep)
            """, transaction))
        {
            trim.Parameters.AddWithValue("$keep", Math.Max(0, keep));
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ClearSnapshotsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM discovery_snapshot");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(int Count, long Bytes)> MeasureSnapshotsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT count(*), coalesce(sum(length(body)), 0) FROM discovery_snapshot");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt64(1));
    }
}
