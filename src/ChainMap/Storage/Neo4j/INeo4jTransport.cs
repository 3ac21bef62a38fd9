using System.Net;
using System.Text.Json;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// How ChainMap talks to Neo4j over HTTP: run Cypher statements, in order, in one transaction that
/// commits only when all of them succeed, and read their rows. Two implementations: the Query API v2
/// (Neo4j 5.25+, 2025.x, Aura) and the transactional HTTP API (3.x to 5.x).
/// </summary>
internal interface INeo4jTransport
{
    /// <summary>"query" or "transactional".</summary>
    string Api { get; }

    /// <summary>
    /// Runs <paramref name="statements"/> in one transaction; one result per statement, in order.
    /// Throws <see cref="Neo4jException"/> for an error the server reports (whatever the HTTP status),
    /// <see cref="HttpRequestException"/> when the server cannot be reached. Nothing is committed on error.
    /// </summary>
    Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>
    /// Opens an explicit transaction that stays open across requests until it is committed or rolled
    /// back (the import session). The server rolls it back by itself when it idles longer than its
    /// timeout (60 s by default); every request in it resets that clock.
    /// </summary>
    Task<INeo4jTransaction> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>
/// An open explicit transaction. Any error the server reports rolls it back whole (Neo4j does so on
/// either API), after which it only throws; nothing of it is then committed. Disposing an
/// uncommitted transaction rolls it back.
/// </summary>
internal interface INeo4jTransaction : IAsyncDisposable
{
    /// <summary>True until it is committed, rolled back or failed.</summary>
    bool IsOpen { get; }

    /// <summary>Runs <paramref name="statements"/> in the transaction; one result per statement, in order.</summary>
    Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>Commits everything run in the transaction; it is closed afterwards.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Rolls back everything run in it (best effort: the server also does so when the transaction idles out).</summary>
    Task RollbackAsync(CancellationToken cancellationToken);
}

/// <summary>One Cypher statement; values always travel as parameters, never in the text.</summary>
internal sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?>? Parameters = null)
{
    public static implicit operator CypherStatement(string text) => new(text);
}

/// <summary>
/// The rows of one statement. Values are plain JSON whatever the API sent (typed values of the Query
/// API are unwrapped): numbers, strings, booleans, lists, maps and null.
/// </summary>
internal sealed class Neo4jResult(IReadOnlyList<string> columns, IReadOnlyList<JsonElement[]> rows)
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<JsonElement[]> Rows { get; } = rows;

    /// <summary>The only value of the only row, or null when there is no row.</summary>
    public JsonElement? Scalar => Rows.Count == 0 ? null : Rows[0][0];
}

/// <summary>
/// An error reported by Neo4j (or by the HTTP layer in front of it) for a request; <paramref name="statement"/> names the
/// statement that failed when the request sent several (ADR 0445).
/// </summary>
internal sealed class Neo4jException(string code, string message, HttpStatusCode? status = null, FailedStatement? statement = null)
    : Exception(statement is null ? $"{code}: {message}" : $"{code}: {message} ({statement})")
{
    public string Code { get; } = code;

    public string ServerMessage { get; } = message;

    public HttpStatusCode? Status { get; } = status;

    /// <summary>Which statement of a request of several failed; null for a request of one, or when the answer does not say.</summary>
    public FailedStatement? Statement { get; } = statement;

    /// <summary>Neo4j says a retry may succeed (deadlock, leader switch, database starting), or a proxy answered 5xx/429.</summary>
    public bool IsTransient =>
        Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal)
        || (Status is { } s && ((int)s >= 500 || s == HttpStatusCode.TooManyRequests) && !Code.StartsWith("Neo.", StringComparison.Ordinal));

    /// <summary>Wrong or missing credentials, or the user may not do this.</summary>
    public bool IsSecurity => Code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal) || Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>The configured database does not exist or is not running.</summary>
    public bool IsDatabaseUnavailable => Code is "Neo.ClientError.Database.DatabaseNotFound" or "Neo.TransientError.General.DatabaseUnavailable";
}

/// <summary>The statement of a request of several that failed: its place (from 0), the number sent, and its text.</summary>
internal sealed record FailedStatement(int Index, int Count, string Text)
{
    public override string ToString() =>
        $"statement {Index + 1} of {Count}: {Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()}";
}

/// <summary>
/// Another writer changed what a write had read before it could commit; the write committed nothing
/// and the whole operation is retried (read again, decide again, write again).
/// </summary>
internal sealed class Neo4jConflictException(string message) : Exception(message);
