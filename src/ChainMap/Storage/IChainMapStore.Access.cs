using ChainMap.Access;

namespace ChainMap.Storage;

/// <summary>Which audit entries to read, newest first.</summary>
internal sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? UserId, int Limit);

internal interface IAccessStore
{
    Task<int> CountUsersAsync(CancellationToken cancellationToken);

    /// <summary>Creates or updates a user (by id).</summary>
    Task SaveUserAsync(User user, CancellationToken cancellationToken);

    Task<User?> GetUserAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new API key (its hash only).</summary>
    Task SaveApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindApiKeyAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key revoked; false when no such key or it was already revoked.</summary>
    Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken);
}
