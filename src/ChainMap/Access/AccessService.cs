using ChainMap.Storage;

namespace ChainMap.Access;

/// <summary>A key that was just created: the token is returned once and never stored.</summary>
internal sealed record IssuedKey(ApiKeyRecord Record, string Token);

/// <summary>Users and API keys: creation, verification (cached briefly), revocation.</summary>
internal sealed class AccessService(IAccessStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (User User, ApiKeyRecord Key, DateTimeOffset Until)> verified = new();

    public async Task<(User User, IssuedKey Key)> CreateUserAsync(string name, Role role, string? teamId, CancellationToken cancellationToken)
    {
        Require(AccessLimits.TooLong("name", name, AccessLimits.MaxNameLength), nameof(name));
        Require(AccessLimits.TooLong("team", teamId, AccessLimits.MaxIdLength), nameof(teamId));
        var user = new User("u-" + Guid.NewGuid().ToString("N")[..12], name, role, teamId, time.GetUtcNow());
        await store.SaveUserAsync(user, cancellationToken);
        var key = await IssueKeyAsync(user.Id, "initial", cancellationToken);
        return (user, key);
    }

    public async Task<IssuedKey> IssueKeyAsync(string userId, string label, CancellationToken cancellationToken)
    {
        Require(AccessLimits.TooLong("label", label, AccessLimits.MaxLabelLength), nameof(label));
        var (id, token) = ApiKeys.Generate();
        ApiKeys.TryParse(token, out _, out var secret);
        var record = new ApiKeyRecord(id, userId, label, ApiKeys.Hash(secret), time.GetUtcNow(), null);
        await store.SaveApiKeyAsync(record, cancellationToken);
        return new IssuedKey(record, token);
    }

    /// <summary>Stores a key whose token the operator supplied (bootstrap from configuration).</summary>
    public async Task<ApiKeyRecord> AdoptKeyAsync(string userId, string token, string label, CancellationToken cancellationToken)
    {
        if (!ApiKeys.TryParse(token, out var id, out var secret) || secret.Length < 20)
        {
            throw new InvalidOperationException("Auth:BootstrapAdminKey must look like cmk_<id>_<secret> with a secret of at least 20 characters.");
        }

        var record = new ApiKeyRecord(id, userId, label, ApiKeys.Hash(secret), time.GetUtcNow(), null);
        if (await store.FindApiKeyAsync(id, cancellationToken) is null)
        {
            await store.SaveApiKeyAsync(record, cancellationToken);
        }

        return record;
    }

    /// <summary>The user a token belongs to, or null when the token is unknown, wrong or revoked.</summary>
    public async Task<(User User, ApiKeyRecord Key)?> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeys.TryParse(token, out var id, out var secret))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (verified.TryGetValue(token, out var cached) && cached.Until > now)
        {
            return (cached.User, cached.Key);
        }

        var key = await store.FindApiKeyAsync(id, cancellationToken);
        if (key is null || key.RevokedAt is not null || !ApiKeys.Matches(secret, key.SecretHash))
        {
            return null;
        }

        var user = await store.GetUserAsync(key.UserId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        verified[token] = (user, key, now + CacheFor);
        return (user, key);
    }

    // The endpoints answer 400 first; this keeps any other caller from storing an unbounded value.
    private static void Require(string? tooLong, string parameter)
    {
        if (tooLong is not null)
        {
            throw new ArgumentException(tooLong, parameter);
        }
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeApiKeyAsync(keyId, time.GetUtcNow(), cancellationToken);
        foreach (var entry in verified.Where(e => e.Value.Key.Id == keyId).ToList())
        {
            verified.TryRemove(entry.Key, out _);
        }

        return revoked;
    }
}
