using System.Globalization;
using ChainMap.Access;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    public async Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT count(*) FROM app_user");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task SaveUserAsync(User user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO app_user(id, name, role, team_id, created_at) VALUES ($id, $name, $role, $team, $at)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, team_id = excluded.team_id
            """);
        command.Parameters.AddWithValue("$id", user.Id);
        command.Parameters.AddWithValue("$name", user.Name);
        command.Parameters.AddWithValue("$role", user.Role.ToWire());
        command.Parameters.AddWithValue("$team", Db(user.TeamId));
        command.Parameters.AddWithValue("$at", user.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<User?> GetUserAsync(string id, CancellationToken cancellationToken) =>
        (await ReadUsersAsync("WHERE id = $id", id, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken) =>
        await ReadUsersAsync(string.Empty, null, cancellationToken);

    public async Task SaveApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO api_key(id, user_id, label, secret_hash, created_at, revoked_at) VALUES ($id, $user, $label, $hash, $at, $revoked)
            """);
        command.Parameters.AddWithValue("$id", key.Id);
        command.Parameters.AddWithValue("$user", key.UserId);
        command.Parameters.AddWithValue("$label", key.Label);
        command.Parameters.AddWithValue("$hash", key.SecretHash);
        command.Parameters.AddWithValue("$at", key.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$revoked", key.RevokedAt is { } r ? r.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string id, CancellationToken cancellationToken) =>
        (await ReadKeysAsync("WHERE id = $id", id, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken) =>
        await ReadKeysAsync(string.Empty, null, cancellationToken);

    public async Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, "UPDATE api_key SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO audit_log(at, user_id, user_name, method, path, status) VALUES ($at, $user, $name, $method, $path, $status)
            """);
        command.Parameters.AddWithValue("$at", entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$user", Db(entry.UserId));
        command.Parameters.AddWithValue("$name", Db(entry.UserName));
        command.Parameters.AddWithValue("$method", entry.Method);
        command.Parameters.AddWithValue("$path", entry.Path);
        command.Parameters.AddWithValue("$status", entry.Status);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT id, at, user_id, user_name, method, path, status FROM audit_log
            WHERE ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to) AND ($user IS NULL OR user_id = $user)
            ORDER BY id DESC LIMIT $limit
            """);
        command.Parameters.AddWithValue("$from", query.From is { } f ? f.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$to", query.To is { } t ? t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$user", Db(query.UserId));
        command.Parameters.AddWithValue("$limit", query.Limit);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }

        return entries;
    }

    private async Task<List<User>> ReadUsersAsync(string where, string? id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT id, name, role, team_id, created_at FROM app_user {where} ORDER BY created_at, id");
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        var users = new List<User>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Roles.TryParse(reader.GetString(2), out var role);
            users.Add(new User(reader.GetString(0), reader.GetString(1), role, NullableString(reader, 3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return users;
    }

    private async Task<List<ApiKeyRecord>> ReadKeysAsync(string where, string? id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT id, user_id, label, secret_hash, created_at, revoked_at FROM api_key {where} ORDER BY created_at, id");
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        var keys = new List<ApiKeyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ApiKeyRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return keys;
    }
}
