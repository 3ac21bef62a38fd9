using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChainMap.Storage.Neo4j;

/// <summary>Where the Neo4j server is and how to talk to it (used when <c>Storage:Provider</c> is <c>Neo4j</c>).</summary>
internal sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The server's HTTP(S) address, e.g. <c>http://127.0.0.1:7474</c> or <c>https://xxxx.databases.neo4j.io</c>.</summary>
    public string? Uri { get; set; }

    /// <summary>User for Basic auth; empty when the server runs without authentication.</summary>
    public string? User { get; set; }

    /// <summary>Password for Basic auth.</summary>
    public string? Password { get; set; }

    /// <summary>Database name (Neo4j 4.0 and later); ignored on 3.x, which has one database.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", ErrorMessage = "Neo4j:Database must be a Neo4j database name (letters, digits, '.', '_', '-').")]
    public string Database { get; set; } = "neo4j";

    /// <summary>
    /// <c>auto</c> (default: ask the server's discovery document), <c>query</c> (Query API v2, Neo4j
    /// 5.25+, 2025.x, Aura) or <c>transactional</c> (transactional HTTP API, Neo4j 3.x to 5.x).
    /// </summary>
    [Required]
    [RegularExpression("^(?i:auto|query|transactional)$", ErrorMessage = "Neo4j:Api must be auto, query or transactional.")]
    public string Api { get; set; } = "auto";

    /// <summary>
    /// Rows between the commits of an ordinary company import: Neo4j holds an open transaction in its heap, and a
    /// 768 MiB heap fails at about 60,000 rows (docs/neo4j.md). Dry runs and all-or-nothing imports are one transaction.
    /// </summary>
    [Range(5_000, 1_000_000)]
    public int ImportCommitRows { get; set; } = 20_000;
}

/// <summary>
/// Timeouts, retries and circuit breaker around every Neo4j transaction (section <c>Neo4j:Resilience</c>).
/// Only transient failures are retried (connection errors, timeouts, <c>Neo.TransientError.*</c>), and
/// always the whole transaction.
/// </summary>
internal sealed class Neo4jResilienceOptions
{
    public const string SectionName = "Neo4j:Resilience";

    /// <summary>Limit for one attempt of one transaction (a whole import batch is one transaction).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for a call including its retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "02:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>Limit for opening a TCP connection, so that an unreachable host fails fast.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after the first attempt (0 turns retrying off).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Delay before the first retry; it doubles each time, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within <see cref="SamplingDuration"/> before the circuit may open.</summary>
    [Range(2, 1000)]
    public int MinimumThroughput { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls fail at once (503) after the circuit opened, before one is let through to test the server.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Limit for the health probe (<c>RETURN 1</c>, not retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The Neo4j settings are required only when the store is Neo4j.</summary>
internal sealed class Neo4jOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<Neo4jOptions>
{
    public ValidateOptionsResult Validate(string? name, Neo4jOptions options)
    {
        if (!string.Equals(storage.Value.Provider, "Neo4j", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Uri))
        {
            failures.Add("Neo4j:Uri is required when Storage:Provider is Neo4j (the server's HTTP address, e.g. http://127.0.0.1:7474).");
        }
        else if (!System.Uri.TryCreate(options.Uri, UriKind.Absolute, out var uri) || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps))
        {
            failures.Add($"Neo4j:Uri '{options.Uri}' must be an absolute http:// or https:// address (the HTTP port, usually 7474, not a bolt:// address).");
        }

        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Neo4j:Password is required when Neo4j:User is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
