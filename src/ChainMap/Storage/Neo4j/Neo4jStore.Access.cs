using System.Globalization;
using ChainMap.Access;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// <c>(:User {id, name, role, teamId, createdAt})</c>; <c>(:ApiKey {id, userId, label, secretHash, createdAt, revokedAt})</c>
/// (the secret's hash only); <c>(:AuditEntry {id, at, userId, userName, method, path, status})</c> with ids from
/// <c>(:Sequence {name: 'audit', next})</c>. Times are ISO 8601 round-trip strings, audit times in UTC so they
/// compare as text, as in SQLite.
/// </summary>
internal sealed partial class Neo4jStore
{
    private const string AuditSequence = "audit";

    public async Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("MATCH (u:User) RETURN count(u) AS n"), cancellationToken);
        return (int)result.Rows[0][0].AsInt64();
    }

    public async Task SaveUserAsync(User user, CancellationToken cancellationToken) =>
        await RunAsync(Cypher("""
            MERGE (u:User {id: $id})
            ON CREATE SET u.createdAt = $at
            SET u.name = $name, u.role = $role, u.teamId = $team
            """,
            ("id", user.Id), ("name", user.Name), ("role", user.Role.ToWire()), ("team", user.TeamId), ("at", Time(user.CreatedAt))),
            cancellationToken);

    public async Task<User?> GetUserAsync(string id, CancellationToken cancellationToken) =>
        (await ReadUsersAsync("WHERE u.id = $id", id, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken) =>
        await ReadUsersAsync(string.Empty, null, cancellationToken);

    public async Task SaveApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken) =>
        await RunAsync(Cypher("""
            CREATE (k:ApiKey {id: $id, userId: $user, label: $label, secretHash: $hash, createdAt: $at, revokedAt: $revoked})
            """,
            ("id", key.Id), ("user", key.UserId), ("label", key.Label), ("hash", key.SecretHash), ("at", Time(key.CreatedAt)),
            ("revoked", key.RevokedAt is { } r ? Time(r) : null)),
            cancellationToken);

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string id, CancellationToken cancellationToken) =>
        (await ReadKeysAsync("WHERE k.id = $id", id, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken) =>
        await ReadKeysAsync(string.Empty, null, cancellationToken);

    public async Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("""
            MATCH (k:ApiKey {id: $id}) WHERE k.revokedAt IS NULL
            SET k.revokedAt = $at
            RETURN count(k) AS n
            """, ("id", id), ("at", Time(at))), cancellationToken);
        return result.Rows.Count > 0 && result.Rows[0][0].AsInt64() == 1;
    }

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        await RunAsync(Cypher("""
            MERGE (q:Sequence {name: $sequence})
            ON CREATE SET q.next = 0
            SET q.next = q.next + 1
            CREATE (a:AuditEntry {id: q.next, at: $at, userId: $user, userName: $name, method: $method, path: $path, status: $status})
            """,
            ("sequence", AuditSequence), ("at", Time(entry.At.ToUniversalTime())), ("user", entry.UserId), ("name", entry.UserName),
            ("method", entry.Method), ("path", entry.Path), ("status", entry.Status)),
            cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("""
            MATCH (a:AuditEntry)
            WHERE ($from IS NULL OR a.at >= $from) AND ($to IS NULL OR a.at < $to) AND ($user IS NULL OR a.userId = $user)
            RETURN a.id, a.at, a.userId, a.userName, a.method, a.path, a.status
            ORDER BY a.id DESC LIMIT $limit
            """,
            ("from", query.From is { } f ? Time(f.ToUniversalTime()) : null),
            ("to", query.To is { } t ? Time(t.ToUniversalTime()) : null),
            ("user", query.UserId), ("limit", query.Limit)),
            cancellationToken);
        return result.Rows.Select(row => new AuditEntry(
            row[0].AsInt64(), ParseTime(row[1].AsRequiredString()), row[2].AsString(), row[3].AsString(),
            row[4].AsRequiredString(), row[5].AsRequiredString(), (int)row[6].AsInt64())).ToList();
    }

    private static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private async Task<List<User>> ReadUsersAsync(string where, string? id, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher(
            "MATCH (u:User) " + where + " RETURN u.id, u.name, u.role, u.teamId, u.createdAt ORDER BY u.createdAt, u.id",
            ("id", id)), cancellationToken);
        return result.Rows.Select(row =>
        {
            Roles.TryParse(row[2].AsRequiredString(), out var role);
            return new User(row[0].AsRequiredString(), row[1].AsRequiredString(), role, row[3].AsString(), ParseTime(row[4].AsRequiredString()));
        }).ToList();
    }

    private async Task<List<ApiKeyRecord>> ReadKeysAsync(string where, string? id, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher(
            "MATCH (k:ApiKey) " + where + " RETURN k.id, k.userId, k.label, k.secretHash, k.createdAt, k.revokedAt ORDER BY k.createdAt, k.id",
            ("id", id)), cancellationToken);
        return result.Rows.Select(row => new ApiKeyRecord(
            row[0].AsRequiredString(), row[1].AsRequiredString(), row[2].AsRequiredString(), row[3].AsRequiredString(),
            ParseTime(row[4].AsRequiredString()), row[5].AsString() is { } revoked ? ParseTime(revoked) : null)).ToList();
    }
}
