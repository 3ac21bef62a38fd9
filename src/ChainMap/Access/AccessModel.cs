using System.Security.Cryptography;
using System.Text;

namespace ChainMap.Access;

/// <summary>What a user may do. Documented in docs/access.md.</summary>
internal enum Role
{
    /// <summary>Everything, including users, keys and the audit log.</summary>
    Admin,

    /// <summary>Imports company lists and edits chain definitions; reads and exports.</summary>
    Analyst,

    /// <summary>A resident-team member: targets, and the projects of their own team.</summary>
    TeamMember,

    /// <summary>Reads and exports maps and lists.</summary>
    Planner,

    /// <summary>Reads.</summary>
    Viewer,
}

internal sealed record User(string Id, string Name, Role Role, string? TeamId, DateTimeOffset CreatedAt);

/// <summary>A stored API key: only the SHA-256 hash of its secret is kept.</summary>
internal sealed record ApiKeyRecord(string Id, string UserId, string Label, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>One change made through the API: who, what, when, and how it ended.</summary>
internal sealed record AuditEntry(long Id, DateTimeOffset At, string? UserId, string? UserName, string Method, string Path, int Status)
{
    /// <summary>Longest request path stored; a longer one is cut and ends in "…".</summary>
    public const int MaxPathLength = 256;

    /// <summary>Longest method stored (custom methods may be any token).</summary>
    public const int MaxMethodLength = 16;

    /// <summary>A new entry with every request-supplied value cut to its cap, so that one request stores a bounded row.</summary>
    public static AuditEntry Create(DateTimeOffset at, string? userId, string? userName, string method, string path, int status) =>
        new(0, at, Cut(userId, AccessLimits.MaxIdLength), Cut(userName, AccessLimits.MaxNameLength),
            Cut(method, MaxMethodLength)!, Cut(path, MaxPathLength)!, status);

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..(max - 1)] + "…";
}

/// <summary>
/// Caps of the free-text fields of the access area (docs/access.md, "Caps and limits"). A longer value is
/// refused with 400 naming the field and the cap, never stored.
/// </summary>
internal static class AccessLimits
{
    /// <summary>A user's name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>An API key's label.</summary>
    public const int MaxLabelLength = 100;

    /// <summary>Ids sent by callers (user, key, team ids; the audit filter's user).</summary>
    public const int MaxIdLength = 64;

    /// <summary>A role name.</summary>
    public const int MaxRoleLength = 32;

    /// <summary>The error for <paramref name="value"/> when it is longer than <paramref name="max"/>, else null.</summary>
    public static string? TooLong(string field, string? value, int max) =>
        value is { Length: var length } && length > max ? $"{field} is {length} characters long; at most {max} are allowed" : null;
}

internal static class Roles
{
    public static string ToWire(this Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Analyst => "analyst",
        Role.TeamMember => "team-member",
        Role.Planner => "planner",
        _ => "viewer",
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = Role.Viewer;
        return false;
    }
}

/// <summary>
/// API keys look like <c>cmk_&lt;id&gt;_&lt;secret&gt;</c>: the id finds the stored record, the secret
/// (256 random bits) is compared by hash in constant time. A key is shown once, when created.
/// </summary>
internal static class ApiKeys
{
    private const string Prefix = "cmk_";

    public static (string Id, string Token) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a presented token into its id and secret; false when it is not a ChainMap key.</summary>
    public static bool TryParse(string? token, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return false;
        }

        var rest = token[Prefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }

        id = rest[..separator];
        secret = rest[(separator + 1)..];
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
