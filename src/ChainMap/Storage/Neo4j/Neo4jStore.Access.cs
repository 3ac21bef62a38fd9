using ChainMap.Access;

namespace ChainMap.Storage.Neo4j;

/// <summary>Access on Neo4j: not yet available (docs/neo4j.md, "Not yet on Neo4j").</summary>
internal sealed partial class Neo4jStore
{
    public Task<int> CountUsersAsync(CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task SaveUserAsync(User user, CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<User?> GetUserAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task SaveApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<ApiKeyRecord?> FindApiKeyAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken cancellationToken) => throw new NotSupportedException("Access is not yet available on the Neo4j store (docs/neo4j.md)");
}
